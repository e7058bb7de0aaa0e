package com.deskbridge.journeys;

import static com.deskbridge.journeys.JourneySystem.NORTH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The smart inbox (issue 13), black-box: buyer messages through the intake queue, then GET /inbox and
 * GET /tickets?view=… over HTTP; replying and closing move tickets between views.
 */
@ResourceLock(JourneySystem.NORTH)
class InboxJourneyTest extends Journey {

    /** The view a ticket with this intent (and no order facts) is in; null for none. */
    private static String viewOf(JsonNode ticket) {
        return switch (ticket.path("intent").asText()) {
            case "PRODUCT_QUESTION" -> "product-questions";
            case "REFUND_REQUEST", "RETURN", "DAMAGED_ITEM" -> "refunds-and-returns";
            case "WHERE_IS_MY_ORDER" -> "where-is-my-order-tracking-unknown";
            case "DELIVERY_PROBLEM" -> "delivery-problems";
            case "CANCELLATION_REQUEST" -> "cancel-before-shipping";
            case "POSITIVE_FEEDBACK" -> "no-reply-needed";
            default -> null;
        };
    }

    private static Map<String, Long> counts(String token) {
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode view : api.get("/inbox", token).json().path("views")) {
            if (view.path("count").asLong() != 0) {
                counts.put(view.path("view").asText(), view.path("count").asLong());
            }
        }
        return counts;
    }

    private static List<String> listed(String token, String view) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/tickets?view=" + view + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), token).json();
            page.path("items").forEach(t -> ids.add(t.path("id").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }

    @Test
    @DisplayName("a new seller's messages via the intake queue -> every view with live counts -> reply and close move tickets")
    void countsFollowIntakeRepliesAndClosing() {
        String seller = "journey-inbox-" + System.nanoTime();
        String token = agentToken(seller);
        JsonNode empty = api.get("/inbox", token).json().path("views");
        assertThat(empty).extracting(v -> v.path("view").asText()).containsExactly("breaching-soon", "delivery-problems",
                "cancel-before-shipping", "refunds-and-returns", "where-is-my-order-tracking-known",
                "where-is-my-order-tracking-unknown", "product-questions", "needs-triage", "no-reply-needed", "mine");
        assertThat(empty).allSatisfy(v -> assertThat(v.path("count").asLong()).isZero());

        String[][] messages = {
                {"Question about the lamp", "Hello, does this desk lamp work with 110 volt and which bulb size does it take?"},
                {"Refund please", "I sent the item back last week, please refund my money to my card."},
                {"Where is my parcel?", "Hi, where is my order? It has not arrived yet and I have no tracking."},
                {"Thank you", "Thank you very much, everything arrived safely, great service!"},
                {"Another question", "What material is the mug made of, and is it dishwasher safe?"}};
        List<String> externalIds = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        for (String[] m : messages) {
            threads.add("thread-" + System.nanoTime());
            externalIds.add(intake.channelMessage(token, "amazon", seller, "A1PA6795UKMFR9", threads.get(threads.size() - 1), null,
                    "buyer" + externalIds.size() + "@marketplace.amazon.de", m[0], m[1]));
        }
        List<JsonNode> tickets = new ArrayList<>();
        for (String externalId : externalIds) {
            tickets.add(ticketWithMessage(token, externalId));
        }
        Map<String, Long> expected = expectedCounts(tickets, Map.of());
        assertThat(expected).as("the classifier put these messages somewhere").isNotEmpty();
        assertThat(await("inbox counts for " + tickets.size() + " tickets", () -> counts(token), expected::equals))
                .isEqualTo(expected);
        for (JsonNode t : tickets) {
            String view = viewOf(t);
            if (view != null) {
                assertThat(listed(token, view)).as(view).contains(t.path("id").asText());
            }
        }
        JsonNode first = api.get("/inbox", token).json().path("views");
        for (JsonNode v : first) {
            assertThat(v.path("tickets").size()).as(v.path("view").asText()).isEqualTo((int) Math.min(5, v.path("count").asLong()));
            v.path("tickets").forEach(t -> assertThat(t.path("score").path("reasons").isArray()).isTrue());
        }

        // the agent answers the first ticket: it leaves its work view and is in the agent's Mine (pending)
        JsonNode answered = tickets.get(0);
        String id = answered.path("id").asText();
        Api.Response reply = api.post("/tickets/" + id + "/replies", token,
                Map.of("text", "Yes, it works with 110 volt and takes an E27 bulb."), "journey-inbox-" + System.nanoTime());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        long replied = System.nanoTime();
        await("the answered ticket listed in Mine", () -> listed(token, "mine"), ids -> ids.contains(id));
        System.out.printf("[journey] inbox: an answered ticket listed in its new view %d ms after the reply was accepted%n",
                (System.nanoTime() - replied) / 1_000_000);
        Map<String, Long> afterReply = expectedCounts(tickets.subList(1, tickets.size()), Map.of("mine", 1L));
        assertThat(await("the answered ticket in Mine", () -> counts(token), afterReply::equals)).isEqualTo(afterReply);
        assertThat(listed(token, "mine")).containsExactly(id);
        assertThat(counts(agentTokenOther(seller))).as("another agent's Mine").doesNotContainKey("mine");

        // closing it takes it out of every view
        assertThat(api.post("/tickets/" + id + "/close", token, Map.of()).status()).isEqualTo(200);
        Map<String, Long> afterClose = expectedCounts(tickets.subList(1, tickets.size()), Map.of());
        assertThat(counts(token)).isEqualTo(afterClose);
        assertThat(listed(token, "mine")).isEmpty();

        // the buyer writes again: the ticket is open again, in the view of the new message's intent
        String again = intake.channelMessage(token, "amazon", seller, "A1PA6795UKMFR9", threads.get(0), null,
                "buyer0@marketplace.amazon.de", "Question about the lamp", "Sorry, one more: is the cable black or white?");
        JsonNode reopened = await("the ticket open again", () -> ticketWithMessage(token, again),
                t -> "open".equals(t.path("status").asText()));
        assertThat(reopened.path("id").asText()).as("same thread").isEqualTo(id);
        List<JsonNode> all = new ArrayList<>(tickets.subList(1, tickets.size()));
        all.add(reopened);
        Map<String, Long> afterReopen = expectedCounts(all, Map.of("mine", 1L)); // last handled by this agent
        assertThat(await("the reopened ticket counted", () -> counts(token), afterReopen::equals)).isEqualTo(afterReopen);

        // a view cursor is for its view only; a view does not combine with queue filters
        Api.Response mixed = api.get("/tickets?view=mine&status=open", token);
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(api.get("/tickets?view=everything", token).status()).isEqualTo(400);
    }

    private static String agentTokenOther(String seller) {
        return api.token("agent-other-" + seller, seller, false);
    }

    private static Map<String, Long> expectedCounts(List<JsonNode> tickets, Map<String, Long> plus) {
        Map<String, Long> expected = new TreeMap<>(plus);
        for (JsonNode t : tickets) {
            String view = viewOf(t);
            if (view != null) {
                expected.merge(view, 1L, Long::sum);
            }
            for (JsonNode tag : t.path("tags")) {
                if ("needs-triage".equals(tag.asText())) {
                    expected.merge("needs-triage", 1L, Long::sum);
                }
            }
        }
        return expected;
    }

    @Test
    @DisplayName("order context sorts: where-is-my-order with tracking known, cancellation before an FBM order ships; a reply moves it to Mine")
    void orderContextPutsTicketsInTheirViews() {
        String token = agentToken(NORTH);
        String wismo = intake.channelMessage(token, "amazon", NORTH, "A1PA6795UKMFR9", "inbox-wismo-" + System.nanoTime(),
                "028-5100001-0000001", "w1s2m3o4@marketplace.amazon.de", "Where is my order?",
                "Hello, where are my mugs? When will they arrive?");
        JsonNode ticket = ticketWithMessage(token, wismo);
        String id = ticket.path("id").asText();
        assertThat(ticket.path("intent").asText()).isEqualTo("WHERE_IS_MY_ORDER");
        withContext(token, id);
        await("in where-is-my-order with tracking known", () -> listed(token, "where-is-my-order-tracking-known"),
                ids -> ids.contains(id));
        assertThat(listed(token, "where-is-my-order-tracking-unknown")).doesNotContain(id);

        String cancel = intake.channelMessage(token, "amazon", NORTH, "A1PA6795UKMFR9", "inbox-cancel-" + System.nanoTime(),
                "028-5100003-0000003", "c4n5c6e7@marketplace.amazon.de", "Cancel my order",
                "Please cancel my order, I ordered the towels by mistake.");
        String cancelId = ticketWithMessage(token, cancel).path("id").asText();
        assertThat(withContext(token, cancelId).path("intent").asText()).isEqualTo("CANCELLATION_REQUEST");
        // the order is unshipped and seller-fulfilled (journeys-world.json): cancel before it ships
        await("in cancel before it ships", () -> listed(token, "cancel-before-shipping"), ids -> ids.contains(cancelId));
        assertThat(listed(token, "refunds-and-returns")).doesNotContain(cancelId);

        Api.Response reply = api.post("/tickets/" + id + "/replies", token,
                Map.of("text", "Your mugs were delivered by DHL, tracking number 00340434161094042557."), "journey-inbox-" + System.nanoTime());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(listed(token, "mine")).contains(id);
        assertThat(listed(token, "where-is-my-order-tracking-known")).doesNotContain(id);
    }
}
