package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.BrowserPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's translation round trip on the local system, for its own seller: a German buyer message (language
 * detected by intake) read in English, a reply written in English previewed (both texts) and sent, the compliance check
 * on the text that is sent, both texts kept. Locally Amazon Translate is the wire-level stand-in, which cannot
 * translate: every answer says "not translated (local stand-in)" and the buyer gets the text as written; that the
 * check runs on a real translation is TranslationApiTest's (functions/api). Then the same in the console.
 */
class LanguageJourneyTest extends Journey {
    private static final String SELLER = "journey-language";
    private static final String ORDER = "028-5300001-0000001";
    private static final String GERMAN = "Guten Tag, wo ist mein Paket? Ich warte seit einer Woche auf meine Bestellung "
            + "und habe noch keine Versandbestätigung bekommen.";
    private static final String ENGLISH = "Hello, your parcel left our warehouse today and should arrive within three days.";

    @Test
    @DisplayName("German message -> language shown -> translation off is a 409 -> lead switches it on -> read in English (stand-in: not translated) -> reply written in English -> preview of both texts -> sent, mailed, both texts kept -> a sent text with an e-mail address is refused; the console's translate button and preview say 'not translated (local stand-in)'")
    void aGermanBuyerIsAnsweredThroughTheTranslationRoundTrip() {
        String token = agentToken(SELLER);
        String alias = "lang" + Long.toHexString(System.nanoTime()) + "@marketplace.amazon.de";
        String messageId = intake.relayMail(token, SELLER, alias, ORDER, "Wo ist mein Paket?", GERMAN);
        JsonNode ticket = ticketWithMessage(token, messageId);
        String id = ticket.path("id").asText();
        JsonNode message = ticket.path("messages").path(0);
        assertThat(message.path("language").asText()).as("intake's detected language on the message").isEqualTo("de");
        String messageKey = message.path("id").asText();
        Map<String, String> reply = Map.of("text", ENGLISH, "language", "en");

        Api.Response off = refused(token, "a translated reply while translation is off", () -> api.post("/tickets/" + id
                + "/translated-replies", token, reply, "journey-language-off-" + System.nanoTime()));
        assertThat(off.status()).isEqualTo(409);
        assertThat(off.json().path("type").asText()).isEqualTo("urn:deskbridge:problem:translation-off");
        assertThat(api.put("/translation-settings", token, Map.of("enabled", true)).status()).as("leads only").isEqualTo(403);
        Api.Response on = api.put("/translation-settings", leadToken(SELLER), Map.of("enabled", true));
        assertThat(on.status()).as(on.toString()).isEqualTo(200);

        JsonNode read = api.get("/tickets/" + id + "/messages/" + messageKey + "/translation?to=en", token).json();
        assertThat(read.path("original").path("language").asText()).isEqualTo("de");
        JsonNode inEnglish = read.path("translation");
        assertThat(inEnglish.path("language").asText()).isEqualTo("en");
        assertThat(inEnglish.path("translated").asBoolean()).as("the stand-in cannot translate").isFalse();
        assertThat(inEnglish.path("standIn").asBoolean()).isTrue();
        assertThat(inEnglish.path("text").asText()).as("the original, never passed off as a translation").isEqualTo(GERMAN);

        JsonNode preview = api.post("/tickets/" + id + "/replies/translation-preview", token, reply).json();
        JsonNode texts = preview.path("texts");
        assertThat(texts.path("written").path("text").asText()).isEqualTo(ENGLISH);
        assertThat(texts.path("written").path("language").asText()).isEqualTo("en");
        assertThat(texts.path("sent").path("language").asText()).as("the buyer's language").isEqualTo("de");
        assertThat(texts.path("method").asText()).isEqualTo("untranslated");
        assertThat(texts.path("standIn").asBoolean()).isTrue();
        String sentText = texts.path("sent").path("text").asText();
        assertThat(preview.path("compliance").path("blocked").asBoolean()).isFalse();

        Api.Response sent = api.post("/tickets/" + id + "/translated-replies", token, reply,
                "journey-language-" + System.nanoTime());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.json().path("texts").path("sent").path("text").asText()).isEqualTo(sentText);
        String replyKey = sent.json().path("reply").path("messageKey").asText();
        Mailbox.Mail mailed = mail.await(alias, m -> m.text().contains(sentText), LIMIT);
        assertThat(mailed.inReplyTo()).isEqualTo("<" + messageId + ">");
        JsonNode after = await("the translated reply sent", () -> api.get("/tickets/" + id, token).json(),
                t -> "sent".equals(t.path("messages").path(1).path("sendStatus").asText()));
        assertThat(after.path("messages").path(1).path("body").asText()).as("the reply holds the text that was sent")
                .isEqualTo(sentText);
        JsonNode kept = api.get("/tickets/" + id + "/reply-translations", token).json().path("items");
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).path("messageKey").asText()).isEqualTo(replyKey);
        assertThat(kept.get(0).path("written").path("text").asText()).isEqualTo(ENGLISH);
        assertThat(kept.get(0).path("sent").path("language").asText()).isEqualTo("de");
        assertThat(kept.get(0).path("standIn").asBoolean()).isTrue();

        // the check runs on the text that would be sent: refused with the findings, nothing recorded
        Map<String, String> offAmazon = Map.of("text", "Write to me at service.team@example.com and I will help.",
                "language", "en");
        assertThat(api.post("/tickets/" + id + "/replies/translation-preview", token, offAmazon).json()
                .path("compliance").path("blocked").asBoolean()).isTrue();
        Api.Response blocked = refused(token, "a translated reply that breaks the rules", () -> api.post("/tickets/" + id
                + "/translated-replies", token, offAmazon, "journey-language-blocked-" + System.nanoTime()));
        assertThat(blocked.json().path("type").asText()).isEqualTo("urn:deskbridge:problem:reply-not-compliant");

        // the console: the buyer's language on the message, "Translate", and "Reply in my language" with both texts
        BrowserPage page = Console.ticket(system, "agent-" + SELLER, SELLER, id);
        assertThat(page.text("#messages .message.in .message-language")).isEqualTo("German");
        page.click("#messages .message.in .message-translate");
        page.waitFor("the message's translation", "(document.querySelector('#messages .message-translation') || {})"
                + ".textContent?.includes('not translated (local stand-in)')");
        page.evaluate("document.getElementById('reply-in-my-language').open = true, true");
        page.type("#reply-text", ENGLISH);
        page.click("#reply-translate-preview");
        page.waitFor("both texts", "!document.getElementById('translation-preview').hidden");
        assertThat(page.text("#translation-written")).contains(ENGLISH);
        assertThat(page.text("#translation-sent")).contains("German").contains("not translated (local stand-in)");
        assertThat(page.text("#translation-compliance")).contains("passes");
    }
}
