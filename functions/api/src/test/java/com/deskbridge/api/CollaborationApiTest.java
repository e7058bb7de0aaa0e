package com.deskbridge.api;

import static com.deskbridge.api.ApiTestStack.agent;
import static com.deskbridge.api.ApiTestStack.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketPresence;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.Presence;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.TicketId;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What agents expect from a helpdesk (issue 10), through the API function on DynamoDB Local and ElasticMQ: search by
 * order, buyer and words; internal notes; the customer's history; collision detection; a queue that shows the last
 * message's first line, the failed-send state and the marketplace's name.
 */
class CollaborationApiTest {
    private static ApiTestStack api;

    @BeforeAll
    static void start() {
        api = new ApiTestStack("collaboration");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static TicketId message(String seller, Channel channel, String marketplace, String externalId, String buyer,
                                    String orderId, String subject, String body) {
        return api.receive(new InboundMessage(channel, new SellerId(seller), marketplace, externalId, null, orderId,
                new Sender(buyer, "Jana Beispiel"), subject, body, false, List.of(), Instant.now().minusSeconds(60)));
    }

    private static Set<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(i -> i.get("id").asText())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static JsonNode search(String seller, String q) {
        APIGatewayV2HTTPResponse r = api.call("GET /tickets/search", agent(seller, "agent-1"), null, Map.of("q", q), null, null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        return json(r);
    }

    @Test
    void searchFindsTicketsByOrderIdBuyerAliasAndWordsOfTheSellerOnly() {
        String seller = "search-" + System.nanoTime();
        String other = "search-other-" + System.nanoTime();
        TicketId grinder = message(seller, Channel.AMAZON, "A1PA6795UKMFR9", "s-1", "k3j4h5@marketplace.amazon.de",
                "028-1111111-0000001", "Kaffeemühle defekt", "Die KAFFEEMÜHLE mahlt nicht mehr.\nBitte um Hilfe.");
        TicketId lamp = message(seller, Channel.AMAZON, "A1PA6795UKMFR9", "s-2", "zz99yy@marketplace.amazon.de",
                "028-2222222-0000002", "Lamp", "The desk lamp flickers.");
        TicketId foreign = message(other, Channel.AMAZON, "A1PA6795UKMFR9", "s-3", "k3j4h5@marketplace.amazon.de",
                "028-1111111-0000001", "Kaffeemühle", "Kaffeemühle kaputt");

        assertThat(ids(search(seller, "028-1111111-0000001").get("items"))).containsExactly(grinder.value());
        assertThat(ids(search(seller, "K3J4H5@marketplace.amazon.de").get("items"))).containsExactly(grinder.value());
        JsonNode words = search(seller, "kaffeemühle mahlt");
        assertThat(ids(words.get("items"))).containsExactly(grinder.value());
        assertThat(words.get("recentTicketsSearched").asInt()).isBetween(1, 500);
        assertThat(ids(search(seller, "LAMP flickers").get("items"))).containsExactly(lamp.value());
        assertThat(ids(search(seller, "kaffeemühle lamp").get("items"))).as("every word must occur").isEmpty();
        assertThat(ids(search(other, "kaffeemühle").get("items"))).containsExactly(foreign.value());

        APIGatewayV2HTTPResponse empty = api.call("GET /tickets/search", agent(seller, "agent-1"), null, Map.of("limit", "5"),
                null, null);
        assertThat(empty.getStatusCode()).isEqualTo(400);
        assertThat(json(empty).get("field").asText()).isEqualTo("q");
    }

    @Test
    void anInternalNoteIsNeverSentNeverBlockedShownApartAttributedAndInTheEvidenceLog() {
        String seller = "notes-" + System.nanoTime();
        TicketId id = message(seller, Channel.AMAZON, "A1PA6795UKMFR9", "n-1", "k3j4h5@marketplace.amazon.de",
                "028-1111111-0000001", "Paket", "Wo ist mein Paket?");
        JsonNode before = api.ticket(agent(seller, "agent-1"), id);
        String text = "Buyer called: write to anna@example.com or see https://example.com/tracking";
        APIGatewayV2HTTPResponse added = api.call("POST /tickets/{id}/notes", agent(seller, "agent-1"), Map.of("id", id.value()),
                null, null, "{\"text\":\"" + text + "\"}");
        assertThat(added.getStatusCode()).as("a note is never compliance-blocked: " + added.getBody()).isEqualTo(201);
        assertThat(json(added).get("agentId").asText()).isEqualTo("agent-1");

        JsonNode after = api.ticket(agent(seller, "agent-2"), id);
        assertThat(after.get("notes")).hasSize(1);
        assertThat(after.get("notes").get(0).get("text").asText()).isEqualTo(text);
        assertThat(after.get("notes").get(0).get("agentId").asText()).isEqualTo("agent-1");
        assertThat(after.get("messages")).as("apart from the conversation").hasSize(1);
        assertThat(after.get("messageCount")).isEqualTo(before.get("messageCount"));
        assertThat(after.get("status").asText()).as("the clock keeps running").isEqualTo("open");
        assertThat(after.get("dueAt")).isEqualTo(before.get("dueAt"));
        assertThat(api.stack.sqsClient().receiveMessage(m -> m.queueUrl(api.stack.queueUrl("OutboundQueue"))
                .maxNumberOfMessages(10)).messages()).as("never sent").isEmpty();

        var chain = new DynamoDbEvidenceLog(api.stack.dynamoDbClient(), api.table, java.time.Clock.systemUTC())
                .chain(seller, id.value());
        assertThat(chain.entries()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("NOTE_ADDED");
            assertThat(e.payload()).containsEntry("agentId", "agent-1");
            assertThat(e.payload().get("note")).contains(json(added).get("noteId").asText()).doesNotContain("anna@");
        });
        assertThat(chain.verify().valid()).isTrue();

        APIGatewayV2HTTPResponse anonymous = api.call("POST /tickets/{id}/notes", Map.of("seller_id", seller),
                Map.of("id", id.value()), null, null, "{\"text\":\"who am I\"}");
        assertThat(anonymous.getStatusCode()).as("a note needs its author").isEqualTo(403);
        assertThat(json(anonymous).get("type").asText()).isEqualTo("urn:deskbridge:problem:no-agent");
    }

    @Test
    void theTicketShowsTheBuyersOtherTicketsAndOrdersWithThisSeller() {
        String seller = "history-" + System.nanoTime();
        String buyer = "hist77@marketplace.amazon.de";
        TicketId first = message(seller, Channel.AMAZON, "A1PA6795UKMFR9", "h-1", buyer, "028-3333333-0000001", "Mug", "Mug broken");
        TicketId second = message(seller, Channel.AMAZON, "A1PA6795UKMFR9", "h-2", buyer, "028-3333333-0000002", "Lamp", "Where?");
        message(seller, Channel.AMAZON, "A1PA6795UKMFR9", "h-3", "someone@marketplace.amazon.de", "028-9999999-0000009", "X", "Y");

        JsonNode history = api.ticket(agent(seller, "agent-1"), second).get("history");
        assertThat(ids(history.get("tickets"))).containsExactly(first.value());
        assertThat(history.get("orderIds")).extracting(JsonNode::asText)
                .containsExactly("028-3333333-0000001", "028-3333333-0000002");
    }

    @Test
    void anotherAgentSeesWhoIsReplyingAndIsWarnedBeforeSendingUnlessTheyInsist() {
        String seller = "presence-" + System.nanoTime();
        TicketId id = message(seller, Channel.AMAZON, "A1PA6795UKMFR9", "p-1", "k3j4h5@marketplace.amazon.de",
                "028-1111111-0000001", "Paket", "Wo ist mein Paket?");
        APIGatewayV2HTTPResponse anna = api.call("POST /tickets/{id}/presence", agent(seller, "anna"), Map.of("id", id.value()),
                null, null, "{\"activity\":\"replying\"}");
        assertThat(anna.getStatusCode()).as(anna.getBody()).isEqualTo(200);
        JsonNode seenByBen = api.ticket(agent(seller, "ben"), id).get("presence");
        assertThat(seenByBen).hasSize(1);
        assertThat(seenByBen.get(0).get("agentId").asText()).isEqualTo("anna");
        assertThat(seenByBen.get(0).get("activity").asText()).isEqualTo("replying");
        assertThat(api.ticket(agent(seller, "anna"), id).get("presence")).as("not shown to herself").isEmpty();

        String reply = "{\"text\":\"Your parcel is with DHL, tracking number 00340434161094042557.\"}";
        APIGatewayV2HTTPResponse warned = api.call("POST /tickets/{id}/replies", agent(seller, "ben"), Map.of("id", id.value()),
                null, Map.of("Idempotency-Key", "presence-reply-1"), reply);
        assertThat(warned.getStatusCode()).as(warned.getBody()).isEqualTo(409);
        assertThat(json(warned).get("type").asText()).isEqualTo("urn:deskbridge:problem:reply-collision");
        assertThat(json(warned).get("agents")).extracting(JsonNode::asText).containsExactly("anna");
        assertThat(api.ticket(agent(seller, "ben"), id).get("messages")).as("nothing recorded").hasSize(1);

        APIGatewayV2HTTPResponse insisted = api.call("POST /tickets/{id}/replies", agent(seller, "ben"), Map.of("id", id.value()),
                null, Map.of("Idempotency-Key", "presence-reply-1", "Collision-Override", "true"), reply);
        assertThat(insisted.getStatusCode()).as(insisted.getBody()).isEqualTo(202);
    }

    @Test
    void presenceLapsesWhenItIsNotRenewed() {
        DynamoDbTicketPresence presence = new DynamoDbTicketPresence(api.stack.dynamoDbClient(), api.table);
        SellerId seller = new SellerId("lapse-" + System.nanoTime());
        TicketId id = TicketId.forConversation(seller, Channel.AMAZON, "thread:lapse");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        presence.mark(seller, id, new Presence("anna", Presence.Activity.VIEWING, now, now.plusSeconds(30)));
        assertThat(presence.current(seller, id, now.plusSeconds(29))).extracting(Presence::agentId).containsExactly("anna");
        assertThat(presence.current(seller, id, now.plusSeconds(30))).isEmpty();
    }

    @Test
    void theQueueShowsTheLastMessagesFirstLineTheFailedSendAndTheMarketplaceName() {
        String seller = "queue-" + System.nanoTime();
        TicketId id = message(seller, Channel.AMAZON, "A1PA6795UKMFR9", "q-1", "k3j4h5@marketplace.amazon.de",
                "028-1111111-0000001", "Frage", "\n  Wo ist mein Paket?  \nIch warte seit einer Woche.");
        JsonNode item = queueItem(seller, id);
        assertThat(item.get("lastMessagePreview").asText()).isEqualTo("Wo ist mein Paket?");
        assertThat(item.get("marketplaceName").asText()).isEqualTo("Amazon.de");
        assertThat(item.has("sendFailure")).isFalse();

        APIGatewayV2HTTPResponse replied = api.call("POST /tickets/{id}/replies", agent(seller, "anna"), Map.of("id", id.value()),
                null, Map.of("Idempotency-Key", "queue-reply-1"), "{\"text\":\"Guten Tag,\\nIhr Paket ist unterwegs.\"}");
        assertThat(replied.getStatusCode()).as(replied.getBody()).isEqualTo(202);
        // The sender records a reply that failed for good through the store (what ReplySender does): the ticket reopens.
        String key = json(replied).get("reply").get("messageKey").asText();
        assertThat(api.tickets.updateSendStatus(new SellerId(seller), id, key, java.util.Set.of(SendStatus.QUEUED),
                SendStatus.FAILED, "554 relay refused the message", java.time.Instant.now())).isTrue();
        JsonNode reopened = queueItem(seller, id, "open");
        assertThat(reopened.get("lastMessagePreview").asText()).isEqualTo("Guten Tag,");
        assertThat(reopened.get("sendFailure").get("reason").asText()).isEqualTo("554 relay refused the message");
        assertThat(reopened.get("sendFailure").get("messageKey").asText()).isEqualTo(key);
    }

    private static JsonNode queueItem(String seller, TicketId id) {
        return queueItem(seller, id, "open");
    }

    private static JsonNode queueItem(String seller, TicketId id, String status) {
        APIGatewayV2HTTPResponse r = api.call("GET /tickets", agent(seller, "anna"), null, Map.of("status", status), null, null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        for (JsonNode item : json(r).get("items")) {
            if (item.get("id").asText().equals(id.value())) {
                return item;
            }
        }
        throw new AssertionError("ticket " + id + " is not in the " + status + " queue: " + r.getBody());
    }
}
