package com.deskbridge.journeys;

import static com.deskbridge.journeys.JourneySystem.NORTH;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.BrowserPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** README "Try it", walked by a seller that is not demo-seller: buyer mail in, context on the ticket, reply out. */
@ResourceLock(JourneySystem.NORTH)
class MessageToReplyJourneyTest extends Journey {
    private static final String ORDER = "028-5100001-0000001";
    private static final String ALIAS = "q9w8e7r6t5y4u3i@marketplace.amazon.de";

    @Test
    @DisplayName("relay mail -> ticket -> order and tracking context -> reply -> read back over IMAP in the thread -> sent in API and console")
    void aBuyerMailBecomesATicketWithContextAndTheReplyArrivesInTheThread() {
        String token = agentToken(NORTH);
        String messageId = intake.relayMail(token, NORTH, ALIAS, ORDER, "Frage zur Bestellung", "Guten Tag, wo ist mein Paket?");

        JsonNode ticket = ticketWithMessage(token, messageId);
        String id = ticket.path("id").asText();
        assertThat(ticket.path("channel").asText()).isEqualTo("amazon");
        assertThat(ticket.path("orderId").asText()).isEqualTo(ORDER);
        assertThat(ticket.path("status").asText()).isEqualTo("open");

        JsonNode context = withContext(token, id);
        assertThat(context.path("order").path("orderId").asText()).isEqualTo(ORDER);
        assertThat(context.path("order").path("channel").asText()).isEqualTo("FBM");
        assertThat(context.path("shipments")).singleElement().satisfies(s -> {
            assertThat(s.path("trackingNumber").asText()).isEqualTo("00340434161094042557");
            assertThat(s.path("status").asText()).isEqualTo("Delivered");
        });
        // what the carrier itself says, asked at the carrier simulator's documented DHL endpoint (FIXTURE.md)
        JsonNode dhl = carrier("/dhl/track/shipments?trackingNumber=00340434161094042557", "DHL-API-Key", "demo-dhl-key");
        assertThat(dhl.path("shipments").path(0).path("status").path("statusCode").asText()).isEqualTo("delivered");

        String text = "Guten Tag, Ihr Paket wurde gestern zugestellt (DHL 00340434161094042557).";
        String key = "journey-reply-" + System.nanoTime();
        Api.Response accepted = api.post("/tickets/" + id + "/replies", token, Map.of("text", text), key);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.json().path("reply").path("duplicate").asBoolean()).isFalse();
        Api.Response again = api.post("/tickets/" + id + "/replies", token, Map.of("text", text), key);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("reply").path("duplicate").asBoolean()).as("the same key records the reply once").isTrue();

        Mailbox.Mail mailed = mail.await(ALIAS, m -> m.text().contains("00340434161094042557"), LIMIT);
        assertThat(mailed.subject()).isEqualTo("Re: Frage zur Bestellung " + ORDER);
        assertThat(mailed.inReplyTo()).as("In-Reply-To: the buyer's mail").isEqualTo("<" + messageId + ">");
        assertThat(mailed.references()).as("References: the thread").contains("<" + messageId + ">");
        assertThat(mail.inbox(ALIAS).stream().filter(m -> m.text().contains("00340434161094042557"))).as("sent once").hasSize(1);

        JsonNode sent = await("the reply sent", () -> api.get("/tickets/" + id, token).json(),
                t -> "sent".equals(t.path("messages").path(1).path("sendStatus").asText()));
        assertThat(sent.path("messages")).hasSize(2);
        assertThat(sent.path("messages").path(1).path("direction").asText()).isEqualTo("out");
        assertThat(sent.path("status").asText()).as("answered: the clock stopped").isEqualTo("pending");

        BrowserPage page = Console.ticket(system, "agent-" + NORTH, NORTH, id);
        page.waitFor("the order and its parcel", "document.getElementById('order-panel').textContent.includes('" + ORDER + "')"
                + " && document.getElementById('tracking-panel').textContent.includes('00340434161094042557')");
        page.waitFor("the reply, sent", "(() => { const b = document.querySelector('#messages .message.out .badge');"
                + " return b && b.textContent.toLowerCase() === 'sent'; })()");
        assertThat(page.text("#messages .message.out .message-body")).isEqualTo(text);
    }

    private static JsonNode carrier(String path, String header, String value) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(system.carriers().resolve(path))
                    .header(header, value).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return Api.JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("every built-in macro renders with the ticket's live data (order, product, carrier, tracking, delivery date, refund amount) in the buyer's language")
    void everyBuiltInMacroRendersWithLiveData() {
        String token = agentToken(NORTH);
        String lead = leadToken(NORTH);
        api.put("/reply-settings", lead, Map.of("shopName", "Nordlicht Haushalt", "defaultLanguage", "de", "autoReplies", false));
        String messageId = intake.relayMail(token, NORTH, "m1n2b3v4c5x6z7a@marketplace.amazon.de", ORDER, "Wann kommt meine Tasse?",
                "Hallo, wann kommt meine Bestellung an?");
        String id = ticketWithMessage(token, messageId).path("id").asText();
        withContext(token, id);

        JsonNode macros = api.get("/macros", token).json().path("items");
        assertThat(macros).as("built-in macros").anyMatch(m -> m.path("builtIn").asBoolean());
        for (JsonNode macro : macros) {
            if (!macro.path("builtIn").asBoolean()) {
                continue;
            }
            String macroId = macro.path("id").asText();
            if (macroId.equals(REFUND_CONFIRMATION)) {
                continue; // needs a refund on the ticket: rendered below, before and after one
            }
            assertRendersFully(token, id, macroId);
        }

        // Before any refund, the refund confirmation names the one value the ticket cannot have yet (never a blank)...
        Api.Response early = api.post("/tickets/" + id + "/macros/" + REFUND_CONFIRMATION + "/render", token,
                Map.of("language", "de"));
        assertThat(early.status()).as(early.toString()).isEqualTo(422);
        assertThat(early.json().path("missing")).extracting(JsonNode::asText).containsExactly("RefundAmount");
        // ...and once Amazon confirmed a refund, it renders with that amount.
        Api.Response refund = api.post("/tickets/" + id + "/refunds", token,
                Map.of("orderId", ORDER, "reason", "CustomerReturn", "full", true), "journey-macro-refund-" + System.nanoTime());
        assertThat(refund.status()).as(refund.toString()).isEqualTo(202);
        assertThat(finalAction(token, id, refund.json().path("actionId").asText()).path("state").asText()).isEqualTo("COMPLETED");
        assertRendersFully(token, id, REFUND_CONFIRMATION);
    }

    private static final String REFUND_CONFIRMATION = "builtin-refund-confirmation";

    private static void assertRendersFully(String token, String ticketId, String macroId) {
        Api.Response rendered = api.post("/tickets/" + ticketId + "/macros/" + macroId + "/render", token,
                Map.of("language", "de"));
        assertThat(rendered.status()).as(macroId + ": " + rendered).isEqualTo(200);
        String text = rendered.json().path("text").asText();
        assertThat(text).as(macroId).doesNotContain("{{").doesNotContain("}}").isNotBlank();
    }

    @Test
    @DisplayName("the macro list for every intent the classifier names (RETURN included) answers without a server error")
    void macrosForEveryIntentTheClassifierNames() {
        String token = agentToken(NORTH);
        for (String intent : new String[] {"WHERE_IS_MY_ORDER", "DELIVERY_PROBLEM", "REFUND_REQUEST", "CANCELLATION_REQUEST",
                "RETURN", "RETURN_REQUEST", "DAMAGED_ITEM", "PRODUCT_QUESTION", "POSITIVE_FEEDBACK", "OTHER"}) {
            Api.Response r = api.get("/macros?intent=" + intent, token);
            assertThat(r.status()).as(intent + ": " + r).isIn(200, 400);
        }
    }
}
