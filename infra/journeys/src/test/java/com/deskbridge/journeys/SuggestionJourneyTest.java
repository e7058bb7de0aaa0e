package com.deskbridge.journeys;

import static com.deskbridge.journeys.JourneySystem.NORTH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The assistant's suggested replies, for a seller that is not demo-seller: suggest, send in one click, read back. */
@ResourceLock(JourneySystem.NORTH)
class SuggestionJourneyTest extends Journey {
    private static final String ORDER = "028-5100001-0000001";
    private static final String TRACKING = "00340434161094042557";

    @Test
    @DisplayName("where-is-my-order on a shipped FBM order -> German shipping update with live tracking, sendable -> one click -> read over IMAP -> source suggestion; an edited one is recorded as edited; a lead sees both counted")
    void aSuggestionIsSentInOneClickAndItsSourceIsRecorded() {
        String token = agentToken(NORTH);
        // the macros sign with the shop name: without one, the suggestion names it as missing and is not sendable
        api.put("/reply-settings", leadToken(NORTH), Map.of("shopName", "Nordlicht Haushalt", "defaultLanguage", "de",
                "autoReplies", false));
        String alias = "sugg" + Long.toHexString(System.nanoTime()) + "@marketplace.amazon.de";
        String messageId = intake.relayMail(token, NORTH, alias, ORDER, "Wo bleibt meine Tasse?",
                "Guten Tag, wo ist mein Paket? Ich warte seit Tagen auf meine Bestellung.");
        String id = ticketWithMessage(token, messageId).path("id").asText();
        withContext(token, id);

        JsonNode suggestions = api.get("/tickets/" + id + "/suggestions", token).json();
        assertThat(suggestions.path("intent").asText()).isEqualTo("WHERE_IS_MY_ORDER");
        JsonNode items = suggestions.path("items");
        assertThat(items.size()).isBetween(1, 3);
        JsonNode first = items.get(0);
        assertThat(first.path("sendable").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.path("macroId").asText()).startsWith("builtin-fbm-shipping-update");
        assertThat(first.path("language").asText()).as("the buyer wrote German").isEqualTo("de");
        assertThat(first.path("text").asText()).contains(TRACKING).doesNotContain("{{");
        assertThat(first.path("reason").path("why").asText()).contains("FBM");
        assertThat(first.path("reason").path("dataUsed")).extracting(JsonNode::asText).contains("TrackingNumber");
        assertThat(first.path("compliance").path("blocked").asBoolean()).isFalse();
        assertThat(first.path("missing")).isEmpty();

        Api.Response sent = api.post("/tickets/" + id + "/replies", token,
                Map.of("text", first.path("text").asText(), "suggestionId", first.path("id").asText()),
                "journey-suggestion-" + System.nanoTime());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.json().path("reply").path("source").asText()).isEqualTo("suggestion");

        Mailbox.Mail mailed = mail.await(alias, m -> m.text().contains(TRACKING), LIMIT);
        assertThat(mailed.inReplyTo()).isEqualTo("<" + messageId + ">");
        JsonNode ticket = await("the suggested reply sent", () -> api.get("/tickets/" + id, token).json(),
                t -> "sent".equals(t.path("messages").path(1).path("sendStatus").asText()));
        JsonNode reply = ticket.path("messages").path(1);
        assertThat(reply.path("source").asText()).isEqualTo("suggestion");
        assertThat(reply.path("macroId").asText()).isEqualTo(first.path("macroId").asText());

        // A second buyer asks; the agent edits the suggestion before sending: recorded as edited.
        String alias2 = "sugg" + Long.toHexString(System.nanoTime()) + "@marketplace.amazon.de";
        String message2 = intake.relayMail(token, NORTH, alias2, ORDER, "Paket?", "Hallo, wann kommt mein Paket an?");
        String id2 = ticketWithMessage(token, message2).path("id").asText();
        withContext(token, id2);
        JsonNode s2 = api.get("/tickets/" + id2 + "/suggestions", token).json().path("items").get(0);
        assertThat(s2.path("sendable").asBoolean()).as(s2.toString()).isTrue();
        Api.Response edited = api.post("/tickets/" + id2 + "/replies", token,
                Map.of("text", s2.path("text").asText() + "\n\nP.S. Schauen Sie bitte auch beim Nachbarn nach.",
                        "suggestionId", s2.path("id").asText()), "journey-suggestion-edit-" + System.nanoTime());
        assertThat(edited.status()).as(edited.toString()).isEqualTo(202);
        assertThat(edited.json().path("reply").path("source").asText()).isEqualTo("suggestion-edited");

        String macro = first.path("macroId").asText();
        JsonNode figures = api.get("/metrics/suggestions", leadToken(NORTH)).json();
        JsonNode line = null;
        for (JsonNode l : figures.path("byMacro")) {
            if (l.path("key").asText().equals(macro)) {
                line = l;
            }
        }
        assertThat(line).as("the macro's figures " + figures).isNotNull();
        assertThat(line.path("shown").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(line.path("used").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(line.path("edited").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/metrics/suggestions", token).status()).as("leads only").isEqualTo(403);

        // the agent's accountability line counts both replies by their source
        String agent = reply.path("agentId").asText();
        JsonNode agents = api.get("/metrics/agents", leadToken(NORTH)).json().path("agents");
        JsonNode mine = null;
        for (JsonNode a : agents) {
            if (a.path("agentId").asText().equals(agent)) {
                mine = a;
            }
        }
        assertThat(mine).as("agent " + agent + " in " + agents).isNotNull();
        assertThat(mine.path("repliesSent").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(mine.path("suggestionsUsed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(mine.path("suggestionsEdited").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(mine.path("firstResponses").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(mine.has("medianFirstResponseSeconds")).isTrue();
        assertThat(api.get("/metrics/agents", token).status()).as("leads only").isEqualTo(403);
    }
}
