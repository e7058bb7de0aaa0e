package com.deskbridge.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.port.TicketStore.AppendOutcome;
import com.deskbridge.domain.ticket.Attachment;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

class DynamoDbTicketStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Instant KEEP_UNTIL = Instant.parse("2026-12-21T12:00:00Z");
    @RegisterExtension
    static final TicketsTableFixture table = TicketsTableFixture.perClass();
    private DynamoDbTicketStore store;
    private static int run;
    private SellerId seller;

    @BeforeEach
    void freshSeller() {
        store = new DynamoDbTicketStore(table.client(), table.name());
        seller = new SellerId("seller-" + (++run));
    }

    private InboundMessage msg(String externalId, String threadKey, Instant at) {
        return msg(seller, externalId, threadKey, at);
    }

    private static InboundMessage msg(SellerId seller, String externalId, String threadKey, Instant at) {
        return new InboundMessage(Channel.EBAY, seller, "EBAY_DE", externalId, threadKey, "12-34567-89012",
                new Sender("buyer_" + threadKey, "Buyer"), "Subject " + threadKey, "Body of " + externalId, false,
                List.of(new Attachment("label.pdf", "application/pdf", 1234)), at);
    }

    @Test
    void aClampedReceiveTimeIsStoredWithTheClaimBesideIt() {
        InboundMessage m = msg("e-claim", "th-claim", Instant.parse("2100-01-01T00:00:00Z")).receivedAtClamped(T0);
        store.append(m, KEEP_UNTIL, Triage.NONE);

        assertThat(store.find(seller, m.ticketId(), NOW).orElseThrow().ticket().awaitingReplySince()).isEqualTo(T0);
        Map<String, AttributeValue> item = table.client().getItem(g -> g.tableName(table.name()).key(Map.of(
                "PK", AttributeValue.fromS(TicketKeys.ticketPk(seller, m.ticketId())),
                "SK", AttributeValue.fromS(TicketKeys.MESSAGE_SK_PREFIX + m.messageKey())))).item();
        assertThat(item.get("receivedAt").s()).isEqualTo(TicketKeys.time(T0));
        assertThat(item.get("claimedReceivedAt").s()).isEqualTo("2100-01-01T00:00:00Z");
    }

    @Test
    void aMessageBecomesATicketThatCanBeReadBack() {
        InboundMessage m = msg("e1", "th1", T0);
        assertThat(store.append(m, KEEP_UNTIL, Triage.NONE)).isEqualTo(AppendOutcome.APPENDED);

        TicketDetail detail = store.find(seller, m.ticketId(), NOW).orElseThrow();
        TicketSummary t = detail.ticket();
        assertThat(t.id()).isEqualTo(m.ticketId());
        assertThat(t.seller()).isEqualTo(seller);
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(t.channel()).isEqualTo(Channel.EBAY);
        assertThat(t.orderId()).isEqualTo("12-34567-89012");
        assertThat(t.marketplaceId()).isEqualTo("EBAY_DE");
        assertThat(t.subject()).isEqualTo("Subject th1");
        assertThat(t.createdAt()).isEqualTo(T0);
        assertThat(t.awaitingReplySince()).isEqualTo(T0);
        assertThat(t.messageCount()).isEqualTo(1);
        assertThat(detail.messages()).singleElement().satisfies(msg -> {
            assertThat(msg.externalMessageId()).isEqualTo("e1");
            assertThat(msg.body()).isEqualTo("Body of e1");
            assertThat(msg.attachments()).containsExactly(new Attachment("label.pdf", "application/pdf", 1234));
            assertThat(msg.receivedAt()).isEqualTo(T0);
        });
    }

    @Test
    void primingsInMemoryRoundTripDecodesAMessageAsTheTicketReadDoes() {
        InboundMessage m = msg("e-prime", "th-prime", T0);
        store.append(m, KEEP_UNTIL, Triage.NONE);
        com.deskbridge.domain.ticket.OutgoingReply reply = new com.deskbridge.domain.ticket.OutgoingReply(
                "rprimeprimeprimeprimeprim", "agent-1", "Your parcel is on its way.", T0.plusSeconds(60), false);
        store.recordReply(seller, m.ticketId(), reply, KEEP_UNTIL);

        assertThat(DynamoDbTicketStore.roundTrip(m, reply))
                .containsExactlyElementsOf(store.find(seller, m.ticketId(), NOW).orElseThrow().messages());
    }

    @Test
    void aRedeliveredMessageChangesNothing() {
        InboundMessage m = msg("e1", "th1", T0);
        store.append(m, KEEP_UNTIL, Triage.NONE);
        assertThat(store.append(m, KEEP_UNTIL.plusSeconds(60), Triage.NONE)).isEqualTo(AppendOutcome.DUPLICATE);

        TicketDetail detail = store.find(seller, m.ticketId(), NOW).orElseThrow();
        assertThat(detail.ticket().messageCount()).isEqualTo(1);
        assertThat(detail.messages()).hasSize(1);
    }

    @Test
    void concurrentDeliveriesOfOneMessageStoreItOnce() throws Exception {
        InboundMessage m = msg("race", "th-race", T0);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AppendOutcome>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Callable<AppendOutcome> call = () -> {
                    start.await();
                    return appendRetryingConflicts(m);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<AppendOutcome> outcomes = new ArrayList<>();
            for (Future<AppendOutcome> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(o -> o == AppendOutcome.APPENDED).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o == AppendOutcome.DUPLICATE).hasSize(threads - 1);
        } finally {
            pool.shutdownNow();
        }
        TicketDetail detail = store.find(seller, m.ticketId(), NOW).orElseThrow();
        assertThat(detail.ticket().messageCount()).isEqualTo(1);
        assertThat(detail.messages()).hasSize(1);
    }

    /** A transaction that loses a race may be cancelled with TransactionConflict: the queue retries it, as here. */
    private AppendOutcome appendRetryingConflicts(InboundMessage m) {
        for (int attempt = 0; ; attempt++) {
            try {
                return store.append(m, KEEP_UNTIL, Triage.NONE);
            } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
        }
    }

    @Test
    void laterMessagesJoinTheTicketAndKeepItsPlaceInTheQueue() {
        InboundMessage first = msg("e1", "th1", T0);
        InboundMessage second = msg("e2", "th1", T0.plusSeconds(3600));
        store.append(second, KEEP_UNTIL, Triage.NONE);
        store.append(first, KEEP_UNTIL, Triage.NONE);

        TicketDetail detail = store.find(seller, first.ticketId(), NOW).orElseThrow();
        assertThat(detail.ticket().messageCount()).isEqualTo(2);
        assertThat(detail.messages()).extracting(m -> m.externalMessageId()).containsExactly("e1", "e2");
        assertThat(detail.ticket().createdAt()).isEqualTo(T0.plusSeconds(3600));
    }

    @Test
    void theQueueIsTheSellersOwnOldestWaitingFirstAndPagesThroughEverything() {
        for (int i = 6; i >= 0; i--) {
            store.append(msg("e" + i, "th" + i, T0.plusSeconds(60L * i)), KEEP_UNTIL, Triage.NONE);
        }
        SellerId other = new SellerId("other-" + run);
        store.append(msg(other, "x", "th-other", T0.minusSeconds(10)), KEEP_UNTIL, Triage.NONE);

        List<String> subjects = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<TicketSummary> page = store.list(seller, TicketFilter.status(TicketStatus.OPEN), 3, cursor, NOW);
            page.items().forEach(t -> subjects.add(t.subject()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(subjects).containsExactly("Subject th0", "Subject th1", "Subject th2", "Subject th3",
                "Subject th4", "Subject th5", "Subject th6");
        assertThat(store.list(seller, TicketFilter.status(TicketStatus.CLOSED), 10, null, NOW).items()).isEmpty();
        assertThat(store.list(other, TicketFilter.status(TicketStatus.OPEN), 10, null, NOW).items())
                .extracting(TicketSummary::subject).containsExactly("Subject th-other");
    }

    @Test
    void aCursorCannotCrossIntoAnotherSellersQueue() {
        for (int i = 0; i < 3; i++) {
            store.append(msg("e" + i, "th" + i, T0.plusSeconds(i)), KEEP_UNTIL, Triage.NONE);
        }
        String cursor = store.list(seller, TicketFilter.status(TicketStatus.OPEN), 1, null, NOW).nextCursor();
        SellerId intruder = new SellerId("intruder-" + run);
        assertThat(store.list(intruder, TicketFilter.status(TicketStatus.OPEN), 10, cursor, NOW).items()).isEmpty();
    }

    @Test
    void forgedCursorsAreRejectedNamingTheField() {
        for (String bad : List.of("not-base64!!", "cTF8eHx5", java.util.Base64.getUrlEncoder().encodeToString(
                "q1|2026-11-20T10:00:00.000Z|../../x".getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            assertThatThrownBy(() -> store.list(seller, TicketFilter.status(TicketStatus.OPEN), 10, bad, NOW))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("cursor"));
        }
    }

    @Test
    void anotherSellerCannotReadTheTicket() {
        InboundMessage m = msg("e1", "th1", T0);
        store.append(m, KEEP_UNTIL, Triage.NONE);
        assertThat(store.find(new SellerId("someone-else"), m.ticketId(), NOW)).isEmpty();
    }

    @Test
    void expiredPersonalDataIsNeverServedEvenBeforeTtlDeletesIt() {
        InboundMessage m = msg("e1", "th1", T0);
        store.append(m, NOW.minusSeconds(1), Triage.NONE);
        assertThat(store.find(seller, m.ticketId(), NOW)).isEmpty();
        assertThat(store.list(seller, TicketFilter.status(TicketStatus.OPEN), 10, null, NOW).items()).isEmpty();
        assertThat(store.find(seller, m.ticketId(), NOW.minusSeconds(3600))).isPresent();
    }

    @Test
    void ticketsAreFoundByOrder() {
        InboundMessage m = msg("e1", "th1", T0);
        store.append(m, KEEP_UNTIL, Triage.NONE);
        var byOrder = table.client().query(QueryRequest.builder().tableName(table.name()).indexName("ByOrder")
                .keyConditionExpression("GSI2PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("S#" + seller + "#O#12-34567-89012")))
                .build());
        assertThat(byOrder.items()).singleElement()
                .satisfies(item -> assertThat(item.get("GSI2SK").s()).isEqualTo("T#" + m.ticketId()));
    }

    private static Triage waiting(Instant from) {
        return new Triage("WHERE_IS_MY_ORDER", List.of("shipping-status"), Map.of(
                com.deskbridge.domain.sla.MilestoneKind.AT_RISK, from.plusSeconds(3600),
                com.deskbridge.domain.sla.MilestoneKind.MARKETPLACE_DUE, from.plusSeconds(86400)));
    }

    private List<com.deskbridge.domain.escalation.DueTicket> dueFor(Instant at) {
        DynamoDbDueIndex index = new DynamoDbDueIndex(table.client(), table.name());
        List<com.deskbridge.domain.escalation.DueTicket> all = new ArrayList<>();
        for (int shard = 0; shard < index.shards(); shard++) {
            all.addAll(index.due(shard, at, 1000));
        }
        return all.stream().filter(d -> d.seller().equals(seller)).toList();
    }

    @Test
    void noResponseNeededClosesTheTicketAndStopsItsClockUntilTheNextBuyerMessage() {
        InboundMessage first = msg("e1", "th1", T0);
        store.append(first, KEEP_UNTIL, waiting(T0));
        assertThat(dueFor(T0.plusSeconds(7200))).hasSize(1);

        assertThat(store.markNoResponseNeeded(seller, first.ticketId(), "agent-7", T0.plusSeconds(60))).isTrue();

        TicketSummary closed = store.find(seller, first.ticketId(), NOW).orElseThrow().ticket();
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.awaitingReplySince()).isNull();
        assertThat(dueFor(T0.plusSeconds(200_000))).as("out of the due index").isEmpty();
        assertThat(store.list(seller, TicketFilter.status(TicketStatus.OPEN), 10, null, NOW).items()).isEmpty();
        assertThat(store.list(seller, TicketFilter.status(TicketStatus.CLOSED), 10, null, NOW).items()).hasSize(1);

        Instant later = T0.plusSeconds(10_000);
        store.append(msg("e2", "th1", later), KEEP_UNTIL, waiting(later));
        TicketSummary reopened = store.find(seller, first.ticketId(), NOW).orElseThrow().ticket();
        assertThat(reopened.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(reopened.awaitingReplySince()).as("a new clock, from the new message").isEqualTo(later);
        assertThat(dueFor(later.plusSeconds(3600))).singleElement().satisfies(d ->
                assertThat(d.milestones().get(com.deskbridge.domain.sla.MilestoneKind.AT_RISK)).isEqualTo(later.plusSeconds(3600)));
    }

    @Test
    void noResponseNeededKeepsARecordedEscalationDueSoItIsStillPublished() {
        InboundMessage m = msg("e1", "th1", T0);
        store.append(m, KEEP_UNTIL, waiting(T0));
        DynamoDbDueIndex index = new DynamoDbDueIndex(table.client(), table.name());
        var due = dueFor(T0.plusSeconds(3600)).get(0);
        assertThat(index.recordFired(due, java.util.EnumSet.of(com.deskbridge.domain.sla.MilestoneKind.AT_RISK),
                com.deskbridge.domain.sla.Priority.HIGH, List.of(), T0.plusSeconds(3600))).isTrue();

        Instant at = T0.plusSeconds(3700);
        assertThat(store.markNoResponseNeeded(seller, m.ticketId(), "agent-7", at)).isTrue();

        assertThat(dueFor(at)).singleElement().satisfies(d -> {
            assertThat(d.milestones()).as("timeline gone").isEmpty();
            assertThat(d.indexKey()).startsWith(TicketKeys.time(at));
        });
        assertThat(store.find(seller, m.ticketId(), NOW).orElseThrow().ticket().status()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void noResponseNeededOnAnUnknownOrForeignTicketChangesNothing() {
        InboundMessage m = msg("e1", "th1", T0);
        store.append(m, KEEP_UNTIL, Triage.NONE);
        assertThat(store.markNoResponseNeeded(new SellerId("someone-else"), m.ticketId(), "agent", NOW)).isFalse();
        assertThat(store.markNoResponseNeeded(seller, msg("zz", "other-thread", T0).ticketId(), "agent", NOW)).isFalse();
        assertThat(store.find(seller, m.ticketId(), NOW).orElseThrow().ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(store.find(new SellerId("someone-else"), m.ticketId(), NOW)).isEmpty();
    }

    @Test
    void aCancellationRequestOnAWaitingTicketAddsItsDeadlineAndMovesTheTicketUpInTheIndex() {
        InboundMessage first = msg("e1", "th1", T0);
        store.append(first, KEEP_UNTIL, waiting(T0));
        assertThat(dueFor(T0.plusSeconds(100_000))).singleElement()
                .satisfies(d -> assertThat(d.indexKey()).startsWith(TicketKeys.time(T0.plusSeconds(3600))));

        // Later message, whose own timeline the transaction ignores: only its message milestones are added.
        Instant urgentAt = T0.plusSeconds(1800);
        Instant cancelBy = T0.plusSeconds(7200);
        store.append(msg("e2", "th1", T0.plusSeconds(600)), KEEP_UNTIL, new Triage("CANCELLATION_REQUEST",
                List.of("cancellation"), Map.of(com.deskbridge.domain.sla.MilestoneKind.CANCELLATION_DUE, cancelBy,
                com.deskbridge.domain.sla.MilestoneKind.URGENT, urgentAt,
                com.deskbridge.domain.sla.MilestoneKind.AT_RISK, T0.plusSeconds(9999))));

        assertThat(dueFor(T0.plusSeconds(100_000))).singleElement().satisfies(d -> {
            assertThat(d.milestones().get(com.deskbridge.domain.sla.MilestoneKind.CANCELLATION_DUE)).isEqualTo(cancelBy);
            assertThat(d.milestones().get(com.deskbridge.domain.sla.MilestoneKind.URGENT)).isEqualTo(urgentAt);
            assertThat(d.milestones().get(com.deskbridge.domain.sla.MilestoneKind.AT_RISK))
                    .as("the waiting period's own timeline is kept").isEqualTo(T0.plusSeconds(3600));
            assertThat(d.indexKey()).as("due earlier now").startsWith(TicketKeys.time(urgentAt));
        });
        TicketSummary t = store.find(seller, first.ticketId(), NOW).orElseThrow().ticket();
        assertThat(t.intent()).isEqualTo("CANCELLATION_REQUEST");
        assertThat(t.tags()).containsExactlyInAnyOrder("shipping-status", "cancellation");
    }

    /**
     * SnapStart priming runs the real write paths on clients that refuse writes (PrimingWrites): the intake transaction
     * is sent whole and cancelled, the store takes the message for one stored before, and nothing of it is in the
     * table; the same guarded client writes as usual once priming is over.
     */
    @Test
    void whilePrimingTheStoresWritesAreRefusedAndLeaveNothing() {
        com.deskbridge.adapters.aws.PrimingWrites writes = new com.deskbridge.adapters.aws.PrimingWrites();
        software.amazon.awssdk.services.dynamodb.DynamoDbClient guarded = writes.guard(table.client());
        DynamoDbTicketStore primed = new DynamoDbTicketStore(guarded, table.name());
        InboundMessage m = msg("e-priming", "th-priming", T0);
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("S#" + seller.value() + "#PRIMED"),
                "SK", AttributeValue.fromS("X"));

        List<AppendOutcome> outcomes = new ArrayList<>();
        writes.during(() -> {
            outcomes.add(primed.append(m, KEEP_UNTIL, Triage.NONE));
            assertThatThrownBy(() -> guarded.putItem(p -> p.tableName(table.name()).item(key)))
                    .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.class);
            assertThatThrownBy(() -> guarded.updateItem(u -> u.tableName(table.name()).key(key)
                    .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))))
                    .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.class);
            assertThatThrownBy(() -> guarded.batchWriteItem(b -> b.requestItems(Map.of(table.name(), List.of(
                    software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(r -> r.item(key))
                            .build())))))
                    .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class)
                    .hasMessageContaining("priming");
            assertThat(primed.find(seller, m.ticketId(), NOW)).as("reads pass through").isEmpty();
        });

        assertThat(outcomes).containsExactly(AppendOutcome.DUPLICATE);
        assertThat(writes.active()).isFalse();
        assertThat(table.client().scan(r -> r.tableName(table.name()).filterExpression("begins_with(PK, :p)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("S#" + seller.value() + "#")))).items())
                .as("nothing of the seller's is stored").isEmpty();
        assertThat(primed.append(m, KEEP_UNTIL, Triage.NONE)).as("after priming").isEqualTo(AppendOutcome.APPENDED);
        assertThat(store.find(seller, m.ticketId(), NOW)).isPresent();
    }

    /**
     * A schedule's priming (the actions schedule: PrimingWrites#guard(client, index)) runs its real queries of the
     * shared work queues, but on the reserved partition: work a seller has waiting there is not read while priming
     * runs, and is read as usual before and after; queries of the table itself pass unchanged.
     */
    @Test
    void whilePrimingASchedulesQueriesOfTheSharedIndexFindNoSellersWork() {
        String queue = "ACTQ#priming-test-" + seller.value();
        table.client().putItem(p -> p.tableName(table.name()).item(Map.of("PK", AttributeValue.fromS("S#" + seller.value()
                + "#T#t1"), "SK", AttributeValue.fromS("A#a1"), "GSI3PK", AttributeValue.fromS(queue),
                "GSI3SK", AttributeValue.fromS("2026-11-20T10:00:00Z#" + seller.value() + "#t1#a1"))));
        com.deskbridge.adapters.aws.PrimingWrites writes = new com.deskbridge.adapters.aws.PrimingWrites();
        software.amazon.awssdk.services.dynamodb.DynamoDbClient guarded = writes.guard(table.client(), "DueBySweep");
        java.util.function.Supplier<Integer> waiting = () -> guarded.query(QueryRequest.builder().tableName(table.name())
                .indexName("DueBySweep").keyConditionExpression("GSI3PK = :p AND GSI3SK <= :now")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(queue), ":now", AttributeValue.fromS("9")))
                .build()).count();
        java.util.function.Supplier<Integer> ticket = () -> guarded.query(q -> q.tableName(table.name())
                .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS("S#" + seller.value() + "#T#t1")))).count();
        List<Integer> whilePriming = new ArrayList<>();

        assertThat(waiting.get()).as("before priming").isEqualTo(1);
        writes.during(() -> {
            whilePriming.add(waiting.get());
            whilePriming.add(ticket.get());
            assertThatThrownBy(() -> guarded.deleteItem(d -> d.tableName(table.name()).key(Map.of("PK",
                    AttributeValue.fromS("S#" + seller.value() + "#T#t1"), "SK", AttributeValue.fromS("A#a1")))))
                    .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.class);
        });

        assertThat(whilePriming).as("the queue, then the table, while priming").containsExactly(0, 1);
        assertThat(waiting.get()).as("after priming").isEqualTo(1);
    }
}
