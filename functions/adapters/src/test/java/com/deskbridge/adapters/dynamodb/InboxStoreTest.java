package com.deskbridge.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.escalation.DueTicket;
import com.deskbridge.domain.inbox.InboxOverview;
import com.deskbridge.domain.inbox.InboxTicket;
import com.deskbridge.domain.inbox.InboxView;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.sla.Priority;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The smart inbox against DynamoDB Local: counts follow every ticket write (create, reply, close, intent change,
 * assignment, tags, SLA milestones, enrichment's order facts), also under concurrent writes, and views list in order
 * with the queue's cursor pagination.
 */
class InboxStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant KEEP = Instant.parse("2026-12-21T12:00:00Z");
    @RegisterExtension
    static final TicketsTableFixture table = TicketsTableFixture.perClass();
    private static int run;
    private DynamoDbTicketStore store;
    private DynamoDbInbox inbox;
    private SellerId seller;
    private final List<TicketId> tickets = new ArrayList<>();

    @BeforeEach
    void fresh() {
        store = new DynamoDbTicketStore(table.client(), table.name());
        inbox = new DynamoDbInbox(table.client(), table.name());
        seller = new SellerId("inbox-seller-" + (++run));
        tickets.clear();
    }

    private InboundMessage msg(String id, String thread, String text, Instant at) {
        return new InboundMessage(Channel.AMAZON, seller, "A1PA6795UKMFR9", id, thread, null,
                new Sender("buyer-" + thread + "@marketplace.amazon.de", "Buyer"), "Question " + thread, text, false,
                List.of(), at);
    }

    private static Triage triage(String intent, Instant from, String... tags) {
        return new Triage(intent, List.of(tags), Map.of(
                MilestoneKind.AT_RISK, from.plusSeconds(3 * 3600),
                MilestoneKind.TARGET_DUE, from.plusSeconds(6 * 3600),
                MilestoneKind.MARKETPLACE_DUE, from.plusSeconds(86_400)));
    }

    private TicketId append(String id, String thread, String intent, String... tags) {
        InboundMessage m = msg(id, thread, "Hello " + id, T0);
        store.append(m, KEEP, triage(intent, T0, tags));
        if (!tickets.contains(m.ticketId())) {
            tickets.add(m.ticketId());
        }
        return m.ticketId();
    }

    private Map<InboxView, Long> counts(String agent) {
        Map<InboxView, Long> counts = new TreeMap<>();
        for (InboxOverview.ViewSummary v : inbox.overview(seller, agent, 5, NOW).views()) {
            if (v.count() != 0) {
                counts.put(v.view(), v.count());
            }
        }
        return counts;
    }

    /** Counters, member items and the views recomputed from every ticket as stored all agree. */
    private void assertConsistent() {
        Map<String, Long> expected = new TreeMap<>();
        for (TicketId id : tickets) {
            Map<String, AttributeValue> item = new InboxIndex(table.client(), table.name())
                    .read(seller.value(), id.value()).ticket();
            InboxIndex.views(item, NOW).keySet().forEach(k -> expected.merge(k, 1L, Long::sum));
        }
        Map<String, Long> counted = new TreeMap<>();
        Map<String, Long> members = new TreeMap<>();
        for (Map<String, AttributeValue> item : table.client().query(QueryRequest.builder().tableName(table.name())
                .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS("S#" + seller.value() + "#INBOX"))).consistentRead(true).build()).items()) {
            long n = Long.parseLong(item.get("n").n());
            if (n != 0) {
                counted.put(item.get("SK").s().substring(2), n);
            }
            String key = item.get("SK").s().substring(2);
            long m = table.client().query(QueryRequest.builder().tableName(table.name())
                    .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk",
                            AttributeValue.fromS(InboxIndex.viewPk(seller, key)))).consistentRead(true).build()).count();
            if (m != 0) {
                members.put(key, m);
            }
        }
        assertThat(counted).as("counters").isEqualTo(expected);
        assertThat(members).as("member items").isEqualTo(expected);
    }

    @Test
    void everyViewExistsFromTheFirstTicketAndCountsFollowCreateReplyCloseAndIntentChange() {
        TicketId question = append("m1", "q", "PRODUCT_QUESTION");
        append("m2", "r", "REFUND_REQUEST");
        append("m3", "w", "WHERE_IS_MY_ORDER");
        append("m4", "t", "OTHER", "needs-triage");
        append("m5", "f", "POSITIVE_FEEDBACK");
        InboxOverview overview = inbox.overview(seller, "anna", 5, NOW);
        assertThat(overview.views()).extracting(InboxOverview.ViewSummary::view).containsExactly(InboxView.values());
        assertThat(counts("anna")).isEqualTo(Map.of(InboxView.PRODUCT_QUESTIONS, 1L, InboxView.REFUNDS_AND_RETURNS, 1L,
                InboxView.WHERE_IS_MY_ORDER_TRACKING_UNKNOWN, 1L, InboxView.NEEDS_TRIAGE, 1L, InboxView.NO_REPLY_NEEDED, 1L));
        assertThat(overview.views().get(InboxView.PRODUCT_QUESTIONS.ordinal()).first())
                .extracting(t -> t.ticket().id()).containsExactly(question);

        // the buyer writes again: the latest message's intent is the ticket's, so it moves
        store.append(msg("m1b", "q", "Actually I want my money back", T0.plusSeconds(60)), KEEP,
                triage("REFUND_REQUEST", T0.plusSeconds(60)));
        assertThat(counts("anna")).doesNotContainKey(InboxView.PRODUCT_QUESTIONS)
                .containsEntry(InboxView.REFUNDS_AND_RETURNS, 2L);
        assertThat(store.append(msg("m1b", "q", "Actually I want my money back", T0.plusSeconds(60)), KEEP,
                triage("REFUND_REQUEST", T0.plusSeconds(60)))).as("a redelivery counts nothing twice")
                .isEqualTo(com.deskbridge.domain.port.TicketStore.AppendOutcome.DUPLICATE);
        assertThat(counts("anna")).containsEntry(InboxView.REFUNDS_AND_RETURNS, 2L);

        // anna answers: the ticket leaves the work views and is hers (pending)
        OutgoingReply reply = new OutgoingReply(OutgoingReply.keyFor(question, "k1"), "anna", "Refund is on its way.",
                NOW, false);
        store.recordReply(seller, question, reply, KEEP);
        assertThat(counts("anna")).containsEntry(InboxView.REFUNDS_AND_RETURNS, 1L).containsEntry(InboxView.MINE, 1L);
        assertThat(counts("bob")).doesNotContainKey(InboxView.MINE);

        // closing ends it everywhere
        store.close(seller, question, "anna", NOW);
        assertThat(counts("anna")).doesNotContainKey(InboxView.MINE).containsEntry(InboxView.REFUNDS_AND_RETURNS, 1L);
        assertConsistent();
    }

    @Test
    void aFailedSendPutsTheTicketBackInItsViewsInTheSameWrite() {
        TicketId question = append("m1", "q", "PRODUCT_QUESTION");
        OutgoingReply reply = new OutgoingReply(OutgoingReply.keyFor(question, "k1"), "anna", "It fits.", NOW, false);
        store.recordReply(seller, question, reply, KEEP);
        assertThat(counts("anna")).doesNotContainKey(InboxView.PRODUCT_QUESTIONS).containsEntry(InboxView.MINE, 1L);

        assertThat(store.updateSendStatus(seller, question, reply.messageKey(),
                java.util.Set.of(com.deskbridge.domain.ticket.SendStatus.QUEUED),
                com.deskbridge.domain.ticket.SendStatus.FAILED, "mailbox full", NOW)).isTrue();
        // no follow-up refresh exists any more: the views moved with the ticket
        assertThat(counts("anna")).containsEntry(InboxView.PRODUCT_QUESTIONS, 1L);
        assertConsistent();
    }

    @Test
    void assignmentTagsMilestonesAndOrderFactsMoveTickets() {
        TicketId cancel = append("c1", "c", "CANCELLATION_REQUEST");
        TicketId wismo = append("w1", "w", "WHERE_IS_MY_ORDER");
        assertThat(counts("anna")).isEqualTo(Map.of(InboxView.CANCEL_BEFORE_SHIPPING, 1L,
                InboxView.WHERE_IS_MY_ORDER_TRACKING_UNKNOWN, 1L));

        store.assign(seller, wismo, "bob", NOW);
        assertThat(counts("bob")).containsEntry(InboxView.MINE, 1L);
        store.assign(seller, wismo, "anna", NOW);
        assertThat(counts("bob")).doesNotContainKey(InboxView.MINE);
        assertThat(counts("anna")).containsEntry(InboxView.MINE, 1L);

        store.retag(seller, wismo, Set.of("needs-triage"), Set.of(), NOW);
        assertThat(counts("anna")).containsEntry(InboxView.NEEDS_TRIAGE, 1L);
        store.retag(seller, wismo, Set.of(), Set.of("needs-triage"), NOW);
        assertThat(counts("anna")).doesNotContainKey(InboxView.NEEDS_TRIAGE);

        // the sweep fires the at-risk milestone: breaching soon
        DynamoDbDueIndex due = new DynamoDbDueIndex(table.client(), table.name());
        DueTicket observed = dueTickets(due).stream().filter(d -> d.ticket().equals(cancel)).findFirst().orElseThrow();
        assertThat(due.recordFired(observed, Set.of(MilestoneKind.AT_RISK), Priority.HIGH, List.of(), NOW)).isTrue();
        assertThat(counts("anna")).containsEntry(InboxView.BREACHING_SOON, 1L);

        // enrichment learns the order shipped: a cancellation becomes a return; tracking known splits WISMO
        writeOrder(cancel, InboxFacts.order("FBM", true, T0, null, null, null, true, List.of()));
        writeOrder(wismo, InboxFacts.order("FBM", true, T0, null, null, null, true, List.of()));
        assertThat(counts("anna")).containsEntry(InboxView.REFUNDS_AND_RETURNS, 1L)
                .containsEntry(InboxView.WHERE_IS_MY_ORDER_TRACKING_KNOWN, 1L)
                .doesNotContainKeys(InboxView.CANCEL_BEFORE_SHIPPING, InboxView.WHERE_IS_MY_ORDER_TRACKING_UNKNOWN);
        writeOrder(wismo, InboxFacts.order("FBM", true, T0, null, null, null, true, List.of("LOST")));
        assertThat(counts("anna")).containsEntry(InboxView.DELIVERY_PROBLEMS, 1L)
                .doesNotContainKey(InboxView.WHERE_IS_MY_ORDER_TRACKING_KNOWN);
        InboxTicket lost = inbox.list(seller, InboxView.DELIVERY_PROBLEMS, "anna", 10, null, NOW).items().get(0);
        assertThat(lost.score().reasons()).contains("parcel lost");
        assertConsistent();
    }

    /** What enrichment's write does to the inbox: the order facts on the ticket, the views moved in the same transaction. */
    private void writeOrder(TicketId id, AttributeValue order) {
        InboxIndex index = new InboxIndex(table.client(), table.name());
        software.amazon.awssdk.services.dynamodb.model.Update update = software.amazon.awssdk.services.dynamodb.model.Update
                .builder().tableName(table.name())
                .key(Map.of("PK", AttributeValue.fromS(TicketKeys.ticketPk(seller, id)), "SK", AttributeValue.fromS("TICKET")))
                .updateExpression("SET " + InboxFacts.ORDER + " = :o").expressionAttributeValues(Map.of(":o", order)).build();
        assertThat(index.write(seller, id, NOW, snapshot -> {
            Map<String, AttributeValue> after = new HashMap<>(snapshot.ticket());
            after.put(InboxFacts.ORDER, order);
            return java.util.Optional.of(new InboxIndex.Plan(List.of(
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().update(update).build()), after));
        })).isEqualTo(InboxIndex.WRITTEN);
    }

    private List<DueTicket> dueTickets(DynamoDbDueIndex due) {
        List<DueTicket> all = new ArrayList<>();
        for (int shard = 0; shard < due.shards(); shard++) {
            all.addAll(due.due(shard, T0.plusSeconds(200_000), 1000));
        }
        return all.stream().filter(d -> d.seller().equals(seller)).toList();
    }

    @Test
    void concurrentWritesOnTheSameTicketsKeepCountsExact() throws Exception {
        List<TicketId> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(append("cc" + i, "cc" + i, i % 2 == 0 ? "PRODUCT_QUESTION" : "WHERE_IS_MY_ORDER"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                int worker = w;
                work.add(pool.submit(() -> {
                    for (int step = 0; step < 12; step++) {
                        TicketId id = ids.get((worker + step) % ids.size());
                        switch ((worker + step) % 5) {
                            case 0 -> store.assign(seller, id, "agent-" + worker, NOW);
                            case 1 -> store.retag(seller, id, Set.of("needs-triage"), Set.of(), NOW);
                            case 2 -> store.retag(seller, id, Set.of(), Set.of("needs-triage"), NOW);
                            case 3 -> store.append(msg("x" + worker + "-" + step, threadOf(ids, id), "again", NOW),
                                    KEEP, triage(step % 2 == 0 ? "REFUND_REQUEST" : "PRODUCT_QUESTION", NOW));
                            default -> store.close(seller, id, "agent-" + worker, NOW);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertConsistent();
    }

    private static String threadOf(List<TicketId> ids, TicketId id) {
        return "cc" + ids.indexOf(id);
    }

    @Test
    void viewsPageWithTheirOwnCursorsAndHighestScoreFirst() {
        for (int i = 0; i < 7; i++) {
            append("p" + i, "p" + i, "PRODUCT_QUESTION");
        }
        // a repeat contact with escalation language scores higher
        store.append(msg("p3b", "p3", "I will leave a negative review", T0.plusSeconds(30)), KEEP,
                triage("PRODUCT_QUESTION", T0.plusSeconds(30)));
        Page<InboxTicket> first = inbox.list(seller, InboxView.PRODUCT_QUESTIONS, "anna", 3, null, NOW);
        assertThat(first.items()).hasSize(3);
        assertThat(first.items().get(0).ticket().id()).isEqualTo(tickets.get(3));
        assertThat(first.items().get(0).score().reasons()).contains("escalation language", "2nd message on this order");
        List<TicketId> seen = new ArrayList<>(first.items().stream().map(t -> t.ticket().id()).toList());
        String cursor = first.nextCursor();
        while (cursor != null) {
            Page<InboxTicket> next = inbox.list(seller, InboxView.PRODUCT_QUESTIONS, "anna", 3, cursor, NOW);
            next.items().forEach(t -> seen.add(t.ticket().id()));
            cursor = next.nextCursor();
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(tickets).doesNotHaveDuplicates();

        assertThatThrownBy(() -> inbox.list(seller, InboxView.REFUNDS_AND_RETURNS, "anna", 3, first.nextCursor(), NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> inbox.list(seller, InboxView.PRODUCT_QUESTIONS, "anna", 3, "bm90LWEtY3Vyc29y", NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cursor");
    }
}
