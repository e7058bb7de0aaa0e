package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one seller's agents can see through the API, reduced to what an agent's or buyer's request can change:
 * every ticket (open, pending, closed) with its status, assignee, tags and messages, and its refunds and
 * cancellations. Things that move on their own (send status, action progress, enrichment, due times, priority) are
 * left out, so two snapshots differ only when a request changed something.
 */
final class Tenant {
    private final Map<String, JsonNode> tickets;

    private Tenant(Map<String, JsonNode> tickets) {
        this.tickets = tickets;
    }

    static Tenant snapshot(Api api, String token) {
        Map<String, JsonNode> tickets = new TreeMap<>();
        for (String status : new String[] {"open", "pending", "closed"}) {
            String cursor = null;
            do {
                String path = "/tickets?status=" + status + "&limit=100"
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                JsonNode page = api.get(path, token).json();
                for (JsonNode summary : page.path("items")) {
                    String id = summary.path("id").asText();
                    tickets.put(id, project(api.get("/tickets/" + id, token).json(), api.get("/tickets/" + id + "/actions", token).json()));
                }
                cursor = page.path("nextCursor").asText(null);
            } while (cursor != null);
        }
        return new Tenant(tickets);
    }

    private static JsonNode project(JsonNode ticket, JsonNode actions) {
        ObjectNode p = Api.JSON.createObjectNode();
        p.put("status", ticket.path("status").asText());
        p.put("assignee", ticket.path("assignee").asText(null));
        p.set("tags", ticket.path("tags"));
        ArrayNode messages = p.putArray("messages");
        for (JsonNode m : ticket.path("messages")) {
            messages.addObject().put("id", m.path("id").asText()).put("direction", m.path("direction").asText())
                    .put("externalMessageId", m.path("externalMessageId").asText(null)).put("body", m.path("body").asText());
        }
        ArrayNode list = p.putArray("actions");
        for (JsonNode a : actions.path("actions")) {
            list.addObject().put("actionId", a.path("actionId").asText()).put("type", a.path("type").asText())
                    .put("orderId", a.path("orderId").asText());
        }
        return p;
    }

    boolean hasMessage(String externalMessageId) {
        for (JsonNode t : tickets.values()) {
            for (JsonNode m : t.path("messages")) {
                if (externalMessageId.equals(m.path("externalMessageId").asText(null))) {
                    return true;
                }
            }
        }
        return false;
    }

    int ticketCount() {
        return tickets.size();
    }

    /** The rule for refused requests: this snapshot, taken after, equals the one taken before. */
    static void assertUnchanged(Tenant before, Tenant after, String what) {
        assertThat(after.tickets).as("rule: a refused request changes nothing (" + what + ")").isEqualTo(before.tickets);
    }
}
