package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.BrowserPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issues 11 and 15: a Polish buyer is answered in Polish from the macro's own text (no machine translation, not the
 * seller's German default), with the order's live data in Polish formats. Its own seller {@code journey-macro-langs}
 * (Amazon account A1JOURNEYMACROLANGS in journeys-world.json: one Amazon.pl order in PLN, shipped with DHL, in
 * transit). The same ticket's shipping update in Dutch and Swedish carries the same dates in nl-NL and sv-SE form.
 */
class MacroLanguagesJourneyTest extends Journey {
    private static final String SELLER = "journey-macro-langs";
    private static final String ORDER = "028-5800001-0000001";
    private static final String TRACKING = "00340434161094055001";
    private static final String SHOP = "Sklep Bałtyk";
    private static final String POLISH = "Dzień dobry, gdzie jest moja paczka? Zamówiłam kubek kilka dni temu i nadal "
            + "nie dotarł. Proszę o informację, kiedy przesyłka zostanie doręczona.";

    @Test
    @DisplayName("Polish buyer message through the intake queue -> language pl -> suggested reply is the shipping update in Polish (formal Pan/Pani) with live DHL tracking and Polish dates, though the seller's default is German -> sent in one click, mailed in Polish -> the same render in Dutch and Swedish gives the same dates in nl-NL and sv-SE form -> the console's macro picker chooses Polish")
    void aPolishBuyerIsAnsweredInPolishWithTheOrdersLiveData() {
        String token = agentToken(SELLER);
        Api.Response settings = api.put("/reply-settings", leadToken(SELLER), Map.of("shopName", SHOP,
                "defaultLanguage", "de", "autoReplies", false));
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        String alias = "macrolangs" + Long.toHexString(System.nanoTime()) + "@marketplace.amazon.pl";
        String messageId = intake.relayMail(token, SELLER, alias, ORDER, "Gdzie jest paczka?", POLISH, "Katarzyna Nowak");
        JsonNode ticket = ticketWithMessage(token, messageId);
        String id = ticket.path("id").asText();
        assertThat(ticket.path("messages").path(0).path("language").asText()).as("intake's detected language")
                .isEqualTo("pl");
        withContext(token, id);

        JsonNode suggestions = api.get("/tickets/" + id + "/suggestions", token).json();
        assertThat(suggestions.path("intent").asText()).isEqualTo("WHERE_IS_MY_ORDER");
        JsonNode first = suggestions.path("items").get(0);
        assertThat(first.path("macroId").asText()).startsWith("builtin-fbm-shipping-update");
        assertThat(first.path("sendable").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.path("language").asText()).as("the buyer's language, not the seller's default (de)")
                .isEqualTo("pl");
        String polish = first.path("text").asText();
        assertThat(polish).startsWith("Dzień dobry Katarzyna Nowak,").doesNotContain("{{", "Guten Tag")
                .contains("zamówienia " + ORDER, "„Kubek ceramiczny, niebieski, 350 ml”", "przez DHL",
                        "Numer przesyłki: " + TRACKING, "Aktualny status: w drodze", "na Pana/Pani koncie Amazon",
                        "Z pozdrowieniami\n" + SHOP);
        LocalDate shipped = date(polish, "wysłany dnia (\\d{2}\\.\\d{2}\\.\\d{4})", "dd.MM.uuuu");
        LocalDate expected = date(polish, "Przewidywana dostawa: (\\d{2}\\.\\d{2}\\.\\d{4})", "dd.MM.uuuu");
        assertThat(shipped).isBefore(expected);
        assertThat(first.path("compliance").path("blocked").asBoolean()).isFalse();

        String dutch = render(token, id, "nl");
        assertThat(dutch).startsWith("Beste Katarzyna Nowak,").contains("Huidige status: onderweg", TRACKING);
        assertThat(date(dutch, "op (\\d{2}-\\d{2}-\\d{4}) verzonden", "dd-MM-uuuu")).isEqualTo(shipped);
        assertThat(date(dutch, "Verwachte bezorging: (\\d{2}-\\d{2}-\\d{4})", "dd-MM-uuuu")).isEqualTo(expected);
        String swedish = render(token, id, "sv");
        assertThat(swedish).startsWith("Hej Katarzyna Nowak!").contains("Aktuell status: på väg", TRACKING);
        assertThat(date(swedish, "skickades (\\d{4}-\\d{2}-\\d{2})", "uuuu-MM-dd")).isEqualTo(shipped);
        assertThat(date(swedish, "Beräknad leverans: (\\d{4}-\\d{2}-\\d{2})", "uuuu-MM-dd")).isEqualTo(expected);

        Api.Response sent = api.post("/tickets/" + id + "/replies", token,
                Map.of("text", polish, "suggestionId", first.path("id").asText()), "journey-macro-langs-" + System.nanoTime());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.json().path("reply").path("source").asText()).isEqualTo("suggestion");
        Mailbox.Mail mailed = mail.await(alias, m -> m.text().contains(TRACKING), LIMIT);
        assertThat(mailed.inReplyTo()).isEqualTo("<" + messageId + ">");
        assertThat(mailed.text()).as("Polish letters survive the mail").contains("Dzień dobry", "przesyłki", "Bałtyk");
        await("the Polish reply sent", () -> api.get("/tickets/" + id, token).json(),
                t -> "sent".equals(t.path("messages").path(1).path("sendStatus").asText()));

        // the console: picking the macro chooses the buyer's language, and inserting it fills the Polish text
        BrowserPage page = Console.ticket(system, "agent-" + SELLER, SELLER, id);
        page.waitFor("the macros", "document.querySelectorAll('#macro-select option').length > 1");
        page.evaluate("(() => { const s = document.getElementById('macro-select'); s.value = 'builtin-fbm-shipping-update';"
                + " s.dispatchEvent(new Event('change')); return true; })()");
        assertThat(page.evaluate("document.getElementById('macro-language').value").asText()).isEqualTo("pl");
        page.click("#macro-insert");
        page.waitFor("the Polish macro in the reply box",
                "document.getElementById('reply-text').value.startsWith('Dzień dobry Katarzyna Nowak,')");
        assertThat(page.evaluate("document.getElementById('reply-text').value").asText()).contains(TRACKING);
    }

    private static String render(String token, String id, String language) {
        Api.Response r = api.post("/tickets/" + id + "/macros/builtin-fbm-shipping-update/render", token,
                Map.of("language", language));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("language").asText()).isEqualTo(language);
        String text = r.json().path("text").asText();
        assertThat(text).doesNotContain("{{");
        return text;
    }

    private static LocalDate date(String text, String regex, String pattern) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in:\n" + text).isTrue();
        return LocalDate.parse(m.group(1), DateTimeFormatter.ofPattern(pattern));
    }
}
