package com.deskbridge.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ActionStore} does, run against DynamoDB Local ({@code DynamoDbActionStoreTest}) and the in-memory
 * store the fast service tests use ({@code InMemoryActionStoreTest}). The money rules first: a replayed
 * Idempotency-Key never creates a second action, of concurrent writes to one order or one action exactly one wins,
 * a daily cap is never exceeded; then the approval queue, the feed queue, the confirmation schedule and the agents'
 * outcome counters that move in the same step as the action.
 */
abstract class ActionStoreContract {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    final String seller = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private int next;

    abstract ActionStore store();

    /** A ticket of {@code sellerId} that came from {@code channel}. */
    abstract String ticket(String sellerId, String channel);

    /** The agent's counters of {@code day} ({@code act_{TYPE}_{outcome}}). */
    abstract Map<String, Long> counts(String sellerId, String agentId, LocalDate day);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private OrderAction refund(String ticket, String order, String agent, ActionState state, String amount) {
        String id = String.format("01J%05d", next++) + UUID.randomUUID().toString().substring(0, 8);
        return new OrderAction(seller, ticket, id, ActionType.REFUND, state, order, "A1PA6795UKMFR9", agent, amount, "EUR",
                "CustomerReturn", NOW, null, NOW, "{}", null, null, null, null);
    }

    private OrderAction created(OrderAction a) {
        ActionStore.Ledger ledger = store().ledger(a.sellerId(), a.orderId());
        assertThat(store().create(a, "key-" + a.actionId(), "hash", ledger, NOW)).isEqualTo(ActionStore.Created.CREATED);
        return a;
    }

    /**
     * Runs {@code tasks} at once (released together) and returns their answers; a task that threw (DynamoDB may cancel
     * a transaction that conflicts with a concurrent one) answers null: it did not win.
     */
    private <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> t : tasks) {
            futures.add(pool.submit(() -> {
                go.await();
                try {
                    return t.call();
                } catch (RuntimeException conflict) {
                    return null;
                }
            }));
        }
        go.countDown();
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    @Test
    void aReplayedKeyNeverCreatesASecondActionAndAnswersWithTheFirst() {
        String ticket = ticket(seller, "amazon");
        OrderAction first = refund(ticket, "028-1000001-0000001", "anna", ActionState.QUEUED, "10.00");
        assertThat(store().create(first, "key-1", "hash-1", store().ledger(seller, first.orderId()), NOW))
                .isEqualTo(ActionStore.Created.CREATED);

        OrderAction replay = refund(ticket, first.orderId(), "anna", ActionState.QUEUED, "10.00");
        assertThat(store().create(replay, "key-1", "hash-1", store().ledger(seller, first.orderId()), NOW))
                .isEqualTo(ActionStore.Created.KEY_TAKEN);

        assertThat(store().idempotency(seller, "key-1")).contains(new ActionStore.Idempotency(first.actionId(), ticket, "hash-1"));
        assertThat(store().byTicket(seller, ticket)).extracting(OrderAction::actionId).containsExactly(first.actionId());
        ActionStore.Ledger ledger = store().ledger(seller, first.orderId());
        assertThat(ledger.version()).isEqualTo(1);
        assertThat(store().actions(seller, ledger)).containsExactly(first);
        assertThat(counts(seller, "anna", LocalDate.of(2026, 11, 20))).containsEntry("act_REFUND_requested", 1L);
        assertThat(store().ticketChannel(seller, ticket)).contains("amazon");
        assertThat(store().ticketChannel(seller, "no-such-ticket")).isEmpty();
    }

    @Test
    void ofConcurrentActionsOnOneOrderReadAtTheSameVersionExactlyOneIsRecorded() throws Exception {
        String ticket = ticket(seller, "amazon");
        String order = "028-1000002-0000002";
        created(refund(ticket, order, "anna", ActionState.QUEUED, "5.00"));
        ActionStore.Ledger read = store().ledger(seller, order);
        List<Callable<ActionStore.Created>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            OrderAction a = refund(ticket, order, "anna", ActionState.QUEUED, "5.00");
            tasks.add(() -> store().create(a, "key-" + a.actionId(), "hash", read, NOW));
        }
        List<ActionStore.Created> answers = race(tasks);
        assertThat(answers).filteredOn(c -> c == ActionStore.Created.CREATED).hasSize(1);
        assertThat(answers).filteredOn(c -> c != null && c != ActionStore.Created.CREATED)
                .containsOnly(ActionStore.Created.LEDGER_MOVED);
        assertThat(store().ledger(seller, order).version()).isEqualTo(2);
        assertThat(store().byTicket(seller, ticket)).hasSize(2);
    }

    @Test
    void ofConcurrentTransitionsOfOneActionExactlyOneWinsAndCountsItsOutcomeOnce() throws Exception {
        String ticket = ticket(seller, "amazon");
        OrderAction queued = created(refund(ticket, "028-1000003-0000003", "carla", ActionState.QUEUED, "7.00"));
        List<Callable<Optional<OrderAction>>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> store().transition(queued, ActionStore.states(ActionState.QUEUED), ActionState.FAILED, null,
                    Map.of("error", "18028"), NOW.plusSeconds(5)));
        }
        List<Optional<OrderAction>> moved = race(tasks);
        assertThat(moved).filteredOn(m -> m != null && m.isPresent()).hasSize(1);
        OrderAction failed = store().get(seller, ticket, queued.actionId()).orElseThrow();
        assertThat(failed.state()).isEqualTo(ActionState.FAILED);
        assertThat(failed.error()).isEqualTo("18028");
        assertThat(failed.updatedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(counts(seller, "carla", LocalDate.of(2026, 11, 20)))
                .containsEntry("act_REFUND_requested", 1L).containsEntry("act_REFUND_FAILED", 1L);
        assertThat(store().transition(failed, ActionStore.states(ActionState.QUEUED), ActionState.COMPLETED, null, Map.of(), NOW))
                .as("a move from a state it is no longer in").isEmpty();
    }

    @Test
    void aDailyCapIsNeverExceededByConcurrentRefundsAndARejectionGivesItBack() throws Exception {
        String ticket = ticket(seller, "amazon");
        LocalDate day = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        RefundCaps.DailyCap cap = new RefundCaps.DailyCap("dora", day, 0, new BigDecimal("50.00"), new BigDecimal("20.00"), "EUR");
        List<Callable<ActionStore.Created>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            OrderAction a = refund(ticket, "028-20000" + i + "-0000000", "dora", ActionState.QUEUED, "20.00");
            tasks.add(() -> store().create(a, "key-" + a.actionId(), "hash", new ActionStore.Ledger(0, Map.of()), NOW, cap));
        }
        long created = race(tasks).stream().filter(c -> c == ActionStore.Created.CREATED).count();
        assertThat(created).isBetween(1L, 2L);
        for (int i = 0; created < 2 && i < 4; i++) { // a refund that lost a conflicting write is asked again
            OrderAction a = refund(ticket, "028-20001" + i + "-0000000", "dora", ActionState.QUEUED, "20.00");
            created += store().create(a, "key-" + a.actionId(), "hash", new ActionStore.Ledger(0, Map.of()), NOW, cap)
                    == ActionStore.Created.CREATED ? 1 : 0;
        }
        OrderAction third = refund(ticket, "028-2000020-0000000", "dora", ActionState.QUEUED, "20.00");
        assertThat(store().create(third, "key-third", "hash", new ActionStore.Ledger(0, Map.of()), NOW, cap))
                .isEqualTo(ActionStore.Created.CAP_EXCEEDED);
        assertThat(store().caps().usage(seller, "dora", day, "EUR")).isEqualTo(new RefundCaps.CapUsage(2, new BigDecimal("40.00")));
        assertThat(store().byTicket(seller, ticket)).as("a refused refund records nothing").hasSize(2);

        store().caps().release(store().byTicket(seller, ticket).get(0));
        assertThat(store().caps().usage(seller, "dora", day, "EUR")).isEqualTo(new RefundCaps.CapUsage(1, new BigDecimal("20.00")));
        RefundCaps.DailyCap byCount = new RefundCaps.DailyCap("dora", day, 2, null, new BigDecimal("1.00"), "EUR");
        assertThat(store().create(refund(ticket, "028-2000010-0000000", "dora", ActionState.QUEUED, "1.00"), "key-c1", "h",
                new ActionStore.Ledger(0, Map.of()), NOW, byCount)).isEqualTo(ActionStore.Created.CREATED);
        assertThat(store().create(refund(ticket, "028-2000011-0000000", "dora", ActionState.QUEUED, "1.00"), "key-c2", "h",
                new ActionStore.Ledger(0, Map.of()), NOW, byCount)).isEqualTo(ActionStore.Created.CAP_EXCEEDED);
    }

    @Test
    void aRefundAwaitingApprovalIsDecidedOnceByASecondPersonAndAnApprovedOneJoinsTheFeedQueue() throws Exception {
        String ticket = ticket(seller, "amazon");
        OrderAction approved = created(refund(ticket, "028-3000001-0000001", "ben", ActionState.AWAITING_APPROVAL, "90.00"));
        OrderAction rejected = created(refund(ticket, "028-3000002-0000002", "ben", ActionState.AWAITING_APPROVAL, "95.00"));
        assertThat(store().approvals().awaiting(seller, 10)).extracting(OrderAction::actionId)
                .containsExactly(approved.actionId(), rejected.actionId());
        assertThat(queuedIds()).doesNotContain(approved.actionId());

        assertThat(store().approvals().decide(approved, true, "ben", NOW)).isEqualTo(ApprovalQueue.Decided.SAME_PERSON);
        List<ApprovalQueue.Decided> answers = race(List.of(
                () -> store().approvals().decide(approved, true, "lead-1", NOW),
                () -> store().approvals().decide(approved, true, "lead-2", NOW)));
        assertThat(answers).filteredOn(d -> d == ApprovalQueue.Decided.DECIDED).hasSize(1);
        assertThat(answers).filteredOn(d -> d != null && d != ApprovalQueue.Decided.DECIDED)
                .containsOnly(ApprovalQueue.Decided.NOT_AWAITING);
        OrderAction queued = store().get(seller, ticket, approved.actionId()).orElseThrow();
        assertThat(queued.state()).isEqualTo(ActionState.QUEUED);
        assertThat(queued.decision().approved()).isTrue();
        assertThat(queuedIds()).contains(approved.actionId());

        assertThat(store().approvals().decide(rejected, false, "lead-1", NOW)).isEqualTo(ApprovalQueue.Decided.DECIDED);
        assertThat(store().get(seller, ticket, rejected.actionId()).orElseThrow().state()).isEqualTo(ActionState.REJECTED);
        assertThat(store().approvals().awaiting(seller, 10)).isEmpty();
        assertThat(counts(seller, "ben", LocalDate.of(2026, 11, 20)))
                .containsEntry("act_REFUND_requested", 2L).containsEntry("act_REFUND_REJECTED", 1L);
    }

    @Test
    void aQueuedActionIsClaimedByOneFeedAttemptGivenBackAndLeavesTheQueueWhenSubmitted() {
        String ticket = ticket(seller, "amazon");
        OrderAction a = created(refund(ticket, "028-4000001-0000001", "anna", ActionState.QUEUED, "3.00"));
        assertThat(queuedIds()).contains(a.actionId());
        FeedQueue.QueuedRef ref = new FeedQueue.QueuedRef(seller, ticket, a.actionId());

        assertThat(store().feedQueue().claim(ref, "att-1", NOW)).isTrue();
        assertThat(store().feedQueue().claim(ref, "att-2", NOW)).as("claimed once").isFalse();
        assertThat(queuedIds()).doesNotContain(a.actionId());
        assertThat(store().feedQueue().release(a, "att-2", NOW)).as("only by its own attempt").isFalse();
        assertThat(store().feedQueue().release(a, "att-1", NOW)).isTrue();
        assertThat(queuedIds()).contains(a.actionId());

        assertThat(store().feedQueue().claim(ref, "att-3", NOW)).isTrue();
        assertThat(store().transition(a, ActionStore.states(ActionState.QUEUED), ActionState.SUBMITTED, "att-1",
                Map.of("feedId", "F1", "messageId", "1"), NOW)).as("another attempt's claim").isEmpty();
        OrderAction submitted = store().transition(a, ActionStore.states(ActionState.QUEUED), ActionState.SUBMITTED, "att-3",
                Map.of("feedId", "F1", "messageId", "7"), NOW).orElseThrow();
        assertThat(submitted.feedId()).isEqualTo("F1");
        assertThat(submitted.messageId()).isEqualTo(7L);
        assertThat(queuedIds()).doesNotContain(a.actionId());
    }

    @Test
    void aChannelActionIsOnTheConfirmationScheduleUntilItSettlesAndEachDueCheckIsClaimedOnce() {
        String ticket = ticket(seller, "shopify");
        OrderAction a = created(refund(ticket, "#1001-" + UUID.randomUUID(), "eve", ActionState.QUEUED, "12.00")
                .onChannel(new OrderAction.ChannelRef("shopify", null, null)));
        assertThat(queuedIds()).as("channel actions never wait for a feed").doesNotContain(a.actionId());
        assertThat(store().ticketChannel(seller, ticket)).contains("shopify");
        java.util.HashMap<String, String> fields = new java.util.HashMap<>(ConfirmationIndex.fields(a, NOW, NOW));
        fields.put("externalId", "gid://shopify/Refund/1");
        fields.put("pendingKind", "refund");
        OrderAction submitted = store().transition(a, ActionStore.states(ActionState.QUEUED), ActionState.SUBMITTED, null,
                fields, NOW).orElseThrow();
        assertThat(submitted.channel()).isEqualTo(new OrderAction.ChannelRef("shopify", "gid://shopify/Refund/1", "refund"));

        assertThat(dueIds(NOW.minusSeconds(1))).doesNotContain(a.actionId());
        ConfirmationIndex.ConfirmationRef due = store().confirmations().due(NOW.plusSeconds(1), 10_000).stream()
                .filter(r -> r.actionId().equals(a.actionId())).findFirst().orElseThrow();
        assertThat(due.submittedAt()).isEqualTo(NOW);
        assertThat(store().confirmations().claim(due, NOW.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(store().confirmations().claim(due, NOW.plus(Duration.ofMinutes(5)))).as("claimed once").isFalse();
        assertThat(dueIds(NOW.plus(Duration.ofMinutes(4)))).doesNotContain(a.actionId());
        assertThat(dueIds(NOW.plus(Duration.ofMinutes(5)))).contains(a.actionId());

        Map<String, String> settled = new java.util.HashMap<>();
        settled.put("pendingKind", null);
        OrderAction done = store().transition(submitted, ActionStore.states(ActionState.SUBMITTED), ActionState.COMPLETED, null,
                settled, NOW).orElseThrow();
        assertThat(done.channel().pendingKind()).isNull();
        assertThat(dueIds(NOW.plus(Duration.ofDays(1)))).as("settled: off the schedule").doesNotContain(a.actionId());
        assertThat(counts(seller, "eve", LocalDate.of(2026, 11, 20))).containsEntry("act_REFUND_COMPLETED", 1L);
    }

    @Test
    void aDroppedConfirmationIsNeverDueAgain() {
        String ticket = ticket(seller, "ebay");
        OrderAction a = created(refund(ticket, "12-34567-" + next, "eve", ActionState.QUEUED, "4.00")
                .onChannel(new OrderAction.ChannelRef("ebay", null, null)));
        store().transition(a, ActionStore.states(ActionState.QUEUED), ActionState.SUBMITTED, null,
                ConfirmationIndex.fields(a, NOW, NOW), NOW).orElseThrow();
        ConfirmationIndex.ConfirmationRef due = store().confirmations().due(NOW, 10_000).stream()
                .filter(r -> r.actionId().equals(a.actionId())).findFirst().orElseThrow();
        store().confirmations().drop(due);
        assertThat(dueIds(NOW.plus(Duration.ofDays(1)))).doesNotContain(a.actionId());
        assertThat(store().confirmations().claim(due, NOW.plusSeconds(60))).isFalse();
    }

    /**
     * A transition names logical fields only: the confirmation schedule is {@link ConfirmationIndex#fields}, never a
     * store's index keys (only the DynamoDB adapter turns it into GSI3 keys). Every store refuses raw keys and leaves the
     * action as it was; the schedule's fields themselves carry no GSI name.
     */
    @Test
    void aTransitionCarriesLogicalFieldsNeverAStoresKeys() {
        String ticket = ticket(seller, "shopify");
        OrderAction a = created(refund(ticket, "#1002-" + UUID.randomUUID(), "eve", ActionState.QUEUED, "3.00")
                .onChannel(new OrderAction.ChannelRef("shopify", null, null)));
        assertThat(ConfirmationIndex.fields(a, NOW, NOW).keySet()).allSatisfy(k -> {
            assertThat(k).doesNotStartWithIgnoringCase("GSI");
            assertThat(ActionStore.Transition.FIELDS).contains(k);
        });
        assertThat(ActionStore.Transition.FIELDS).noneMatch(k -> k.toUpperCase(java.util.Locale.ROOT).startsWith("GSI")
                || k.equals("PK") || k.equals("SK"));
        for (Map<String, String> raw : List.of(Map.of("GSI3PK", "CHCONF#1", "GSI3SK", "x"), Map.of("PK", "S#other"),
                Map.of("state", "COMPLETED"), Map.of(ConfirmationIndex.DUE_AT, NOW.toString()))) {
            assertThatThrownBy(() -> store().transition(a, ActionStore.states(ActionState.QUEUED), ActionState.SUBMITTED,
                    null, raw, NOW)).as(raw.toString()).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store().get(seller, ticket, a.actionId()).orElseThrow().state()).isEqualTo(ActionState.QUEUED);
        assertThat(dueIds(NOW.plus(Duration.ofDays(1)))).doesNotContain(a.actionId());
    }

    private List<String> queuedIds() {
        return store().feedQueue().queued(10_000).stream().filter(r -> r.sellerId().equals(seller))
                .map(FeedQueue.QueuedRef::actionId).toList();
    }

    private List<String> dueIds(Instant at) {
        return store().confirmations().due(at, 10_000).stream().filter(r -> r.sellerId().equals(seller))
                .map(ConfirmationIndex.ConfirmationRef::actionId).toList();
    }
}
