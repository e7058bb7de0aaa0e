package com.deskbridge.actions;

import com.deskbridge.adapters.dynamodb.AgentCounters;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@link ActionStore} the fast service tests use: every rule of {@link DynamoDbActionStore} (create once per key,
 * the ledger version, {@link RefundCaps.DailyCap#allows}, {@link ActionStore.Transition},
 * {@link ApprovalQueue#mayDecide}, the feed queue and the confirmation schedule, outcome counters in the same step)
 * held in maps, each step atomic under one lock. {@link ActionStoreContract} runs against both.
 */
final class InMemoryActionStore implements ActionStore, RefundCaps, ApprovalQueue, FeedQueue, ConfirmationIndex {

    private record Schedule(Instant dueAt, Instant submittedAt) {
        String token() {
            return dueAt + "#" + submittedAt;
        }
    }

    private final Map<String, String> tickets = new HashMap<>();
    private final Map<String, Idempotency> keys = new HashMap<>();
    private final Map<String, Ledger> ledgers = new HashMap<>();
    private final Map<String, OrderAction> actions = new TreeMap<>();
    private final Map<String, Long> capCounts = new HashMap<>();
    private final Map<String, BigDecimal> capAmounts = new HashMap<>();
    private final Map<String, Long> counters = new HashMap<>();
    private final Set<String> approvalList = new java.util.HashSet<>();
    private final Set<String> queue = new java.util.HashSet<>();
    private final Map<String, Schedule> schedule = new HashMap<>();

    /** Registers a ticket of {@code channel} ({@code amazon}, {@code ebay}, {@code shopify}, {@code email}). */
    synchronized void ticket(String sellerId, String ticketId, String channel) {
        tickets.put(sellerId + "#" + ticketId, channel);
    }

    /** The agent's counters of the UTC day {@code day} ({@link AgentCounters#actionCounter} names). */
    synchronized Map<String, Long> counts(String sellerId, String agentId, LocalDate day) {
        Map<String, Long> out = new HashMap<>();
        String prefix = sellerId + "#" + agentId + "#" + day + "#";
        counters.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    @Override
    public RefundCaps caps() {
        return this;
    }

    @Override
    public ApprovalQueue approvals() {
        return this;
    }

    @Override
    public FeedQueue feedQueue() {
        return this;
    }

    @Override
    public ConfirmationIndex confirmations() {
        return this;
    }

    @Override
    public synchronized Optional<String> ticketChannel(String sellerId, String ticketId) {
        return Optional.ofNullable(tickets.get(sellerId + "#" + ticketId));
    }

    @Override
    public synchronized Optional<Idempotency> idempotency(String sellerId, String key) {
        return Optional.ofNullable(keys.get(sellerId + "#" + key));
    }

    @Override
    public synchronized Ledger ledger(String sellerId, String orderId) {
        return ledgers.getOrDefault(sellerId + "#" + orderId, new Ledger(0, Map.of()));
    }

    @Override
    public synchronized Created create(OrderAction action, String idempotencyKey, String payloadHash, Ledger readLedger,
                                       Instant now, RefundCaps.DailyCap cap) {
        String ledgerKey = action.sellerId() + "#" + action.orderId();
        if (keys.containsKey(action.sellerId() + "#" + idempotencyKey)) {
            return Created.KEY_TAKEN;
        }
        if (actions.containsKey(key(action))) {
            throw new IllegalStateException("action " + action.actionId() + " exists");
        }
        if (ledger(action.sellerId(), action.orderId()).version() != readLedger.version()) {
            return Created.LEDGER_MOVED;
        }
        if (cap != null && !cap.allows(usage(action.sellerId(), cap.agentId(), cap.day(), cap.currency()))) {
            return Created.CAP_EXCEEDED;
        }
        keys.put(action.sellerId() + "#" + idempotencyKey, new Idempotency(action.actionId(), action.ticketId(), payloadHash));
        actions.put(key(action), action);
        Map<String, String> refs = new LinkedHashMap<>(readLedger.ticketByAction());
        refs.put(action.actionId(), action.ticketId());
        ledgers.put(ledgerKey, new Ledger(readLedger.version() + 1, refs));
        if (cap != null) {
            String capKey = capKey(action.sellerId(), cap.agentId(), cap.day());
            capCounts.merge(capKey, 1L, Long::sum);
            capAmounts.merge(capKey + "#" + cap.currency(), cap.amount(), BigDecimal::add);
        }
        if (action.state() == ActionState.AWAITING_APPROVAL) {
            approvalList.add(key(action));
        }
        if (action.state() == ActionState.QUEUED && action.channel() == null) {
            queue.add(key(action));
        }
        count(action, "requested");
        return Created.CREATED;
    }

    @Override
    public synchronized Optional<OrderAction> get(String sellerId, String ticketId, String actionId) {
        return Optional.ofNullable(actions.get(sellerId + "#" + ticketId + "#" + actionId));
    }

    @Override
    public synchronized List<OrderAction> byTicket(String sellerId, String ticketId) {
        return actions.values().stream().filter(a -> a.sellerId().equals(sellerId) && a.ticketId().equals(ticketId))
                .sorted(Comparator.comparing(OrderAction::actionId)).toList();
    }

    @Override
    public synchronized Optional<OrderAction> transition(OrderAction a, Set<ActionState> from, ActionState to, String attemptId,
                                                         Map<String, String> fields, Instant now) {
        Transition rule = new Transition(from, to, attemptId);
        Transition.checked(fields);
        OrderAction current = actions.get(key(a));
        if (current == null || !rule.allows(current)) {
            return Optional.empty();
        }
        OrderAction moved = moved(current, to, fields, now);
        actions.put(key(a), moved);
        if (Transition.schedules(fields)) {
            schedule.put(key(a), new Schedule(Instant.parse(fields.get(DUE_AT)), Instant.parse(fields.get(SUBMITTED_AT))));
        } else if (to != ActionState.QUEUED) {
            queue.remove(key(a));
            schedule.remove(key(a));
        }
        if (rule.countsOutcome()) {
            count(current, to.name());
        }
        return Optional.of(moved);
    }

    /** {@code a} in state {@code to} with the transition's fields set (null: removed). */
    private static OrderAction moved(OrderAction a, ActionState to, Map<String, String> fields, Instant now) {
        OrderAction.ChannelRef channel = a.channel() == null ? null : new OrderAction.ChannelRef(a.channel().name(),
                field(fields, "externalId", a.channel().externalId()), field(fields, "pendingKind", a.channel().pendingKind()));
        String messageId = field(fields, "messageId", a.messageId() == null ? null : a.messageId().toString());
        return new OrderAction(a.sellerId(), a.ticketId(), a.actionId(), a.type(), to, a.orderId(), a.marketplaceId(),
                a.agentId(), a.amount(), a.currency(), a.reason(), a.requestedAt(), a.buyerRequestAt(), now, a.commandJson(),
                field(fields, "feedAttemptId", a.feedAttemptId()), field(fields, "feedId", a.feedId()),
                messageId == null ? null : Long.valueOf(messageId), field(fields, "error", a.error()), a.decision(), channel);
    }

    private static String field(Map<String, String> fields, String name, String kept) {
        return fields.containsKey(name) ? fields.get(name) : kept;
    }

    // --- RefundCaps

    @Override
    public synchronized CapUsage usage(String sellerId, String agentId, LocalDate day, String currency) {
        String capKey = capKey(sellerId, agentId, day);
        return new CapUsage(capCounts.getOrDefault(capKey, 0L), capAmounts.getOrDefault(capKey + "#" + currency, BigDecimal.ZERO));
    }

    @Override
    public synchronized void release(OrderAction a) {
        if (a.agentId() == null || a.amount() == null || a.currency() == null) {
            return;
        }
        String capKey = capKey(a.sellerId(), a.agentId(), LocalDate.ofInstant(a.requestedAt(), ZoneOffset.UTC));
        if (capCounts.containsKey(capKey)) {
            capCounts.merge(capKey, -1L, Long::sum);
            capAmounts.merge(capKey + "#" + a.currency(), new BigDecimal(a.amount()).negate(), BigDecimal::add);
        }
    }

    // --- ApprovalQueue

    @Override
    public synchronized Decided decide(OrderAction a, boolean approve, String lead, Instant now) {
        OrderAction current = actions.get(key(a));
        if (current == null) {
            return Decided.NOT_AWAITING;
        }
        if (!ApprovalQueue.mayDecide(current, lead)) {
            return ApprovalQueue.refused(current, lead);
        }
        OrderAction decided = ApprovalQueue.decided(current, approve, lead, now);
        actions.put(key(a), decided);
        approvalList.remove(key(a));
        if (approve && decided.channel() == null) {
            queue.add(key(a));
        }
        if (!approve) {
            count(decided, ActionState.REJECTED.name());
        }
        return Decided.DECIDED;
    }

    @Override
    public synchronized List<OrderAction> awaiting(String sellerId, int limit) {
        return approvalList.stream().map(actions::get).filter(a -> a.sellerId().equals(sellerId))
                .filter(a -> a.state() == ActionState.AWAITING_APPROVAL)
                .sorted(Comparator.comparing(OrderAction::actionId)).limit(limit).toList();
    }

    // --- FeedQueue

    @Override
    public synchronized List<QueuedRef> queued(int limit) {
        return queue.stream().map(actions::get).sorted(Comparator.comparing(OrderAction::requestedAt))
                .map(a -> new QueuedRef(a.sellerId(), a.ticketId(), a.actionId())).limit(limit).toList();
    }

    @Override
    public synchronized boolean claim(QueuedRef ref, String attemptId, Instant now) {
        OrderAction a = actions.get(ref.sellerId() + "#" + ref.ticketId() + "#" + ref.actionId());
        if (a == null || a.state() != ActionState.QUEUED || a.feedAttemptId() != null) {
            return false;
        }
        actions.put(key(a), attempt(a, attemptId, now));
        queue.remove(key(a));
        return true;
    }

    @Override
    public synchronized boolean release(OrderAction a, String attemptId, Instant now) {
        OrderAction current = actions.get(key(a));
        if (current == null || current.state() != ActionState.QUEUED || !attemptId.equals(current.feedAttemptId())) {
            return false;
        }
        actions.put(key(a), attempt(current, null, now));
        queue.add(key(a));
        return true;
    }

    private static OrderAction attempt(OrderAction a, String attemptId, Instant now) {
        Map<String, String> claim = new HashMap<>();
        claim.put("feedAttemptId", attemptId);
        return moved(a, a.state(), claim, now);
    }

    // --- ConfirmationIndex

    @Override
    public synchronized List<ConfirmationRef> due(Instant now, int limit) {
        return schedule.entrySet().stream().filter(e -> !e.getValue().dueAt().isAfter(now))
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(Schedule::dueAt)))
                .map(e -> {
                    OrderAction a = actions.get(e.getKey());
                    Schedule s = e.getValue();
                    return new ConfirmationRef(a.sellerId(), a.ticketId(), a.actionId(), s.dueAt(), s.submittedAt(), s.token());
                }).limit(limit).toList();
    }

    @Override
    public synchronized boolean claim(ConfirmationRef ref, Instant nextDue) {
        String k = ref.sellerId() + "#" + ref.ticketId() + "#" + ref.actionId();
        Schedule s = schedule.get(k);
        if (s == null || !s.token().equals(ref.sortKey()) || !AWAITING_CHANNEL.contains(actions.get(k).state())) {
            return false;
        }
        schedule.put(k, new Schedule(nextDue, s.submittedAt()));
        return true;
    }

    @Override
    public synchronized void drop(ConfirmationRef ref) {
        schedule.remove(ref.sellerId() + "#" + ref.ticketId() + "#" + ref.actionId());
    }

    private void count(OrderAction a, String outcome) {
        if (a.agentId() != null && !a.agentId().isBlank()) {
            counters.merge(a.sellerId() + "#" + a.agentId() + "#" + LocalDate.ofInstant(a.requestedAt(), ZoneOffset.UTC) + "#"
                    + AgentCounters.actionCounter(a.type().name(), outcome), 1L, Long::sum);
        }
    }

    private static String key(OrderAction a) {
        return a.sellerId() + "#" + a.ticketId() + "#" + a.actionId();
    }

    private static String capKey(String sellerId, String agentId, LocalDate day) {
        return sellerId + "#" + agentId + "#" + day;
    }
}
