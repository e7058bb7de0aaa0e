package com.deskbridge.actions;

import static com.deskbridge.actions.Keys.GSI3PK;
import static com.deskbridge.actions.Keys.GSI3SK;
import static com.deskbridge.actions.Keys.PK;
import static com.deskbridge.actions.Keys.SK;

import com.deskbridge.adapters.dynamodb.AgentCounters;
import com.deskbridge.domain.ticket.SellerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Order actions, their idempotency keys and the per-order ledger in the tickets table ({@link Keys}). The decisive
 * write of a request is {@link #create}: one TransactWriteItems that puts the idempotency item and the action (both
 * only if absent) and moves the order's ledger version (only if nobody else moved it since it was read), so a
 * duplicate key and a concurrent second refund of the same order can never both get through. Every later change is
 * {@link #transition}: a conditional update from the expected states.
 */
public final class ActionStore {

    /** How long an idempotency key is remembered (clients retry within minutes; 30 days outlast any outage and the agent's memory of the click). */
    static final Duration IDEMPOTENCY_TTL = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    public ActionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    /** The idempotency record: the action a key produced and the hash of the request that produced it. */
    public record Idempotency(String actionId, String ticketId, String payloadHash) {
    }

    /** Actions of one order so far, and the version the next action must find. */
    public record Ledger(long version, Map<String, String> ticketByAction) {
        public Ledger {
            ticketByAction = Map.copyOf(ticketByAction);
        }
    }

    /** Outcome of {@link #create}. */
    public enum Created { CREATED, KEY_TAKEN, LEDGER_MOVED, CAP_EXCEEDED }

    /**
     * One agent's refunds on one UTC day, counted in the same transaction that records a refund, so the cap and the
     * refund are one decision (a refused refund counts nothing, a replayed key counts once).
     *
     * @param maxCount  refunds allowed that day (0: no count cap)
     * @param maxAmount money allowed that day in {@code currency}, or null for no amount cap
     */
    public record DailyCap(String agentId, java.time.LocalDate day, int maxCount, java.math.BigDecimal maxAmount,
                           java.math.BigDecimal amount, String currency) {
    }

    /** What one agent has refunded on one day: the count, and the amount in one currency. */
    public record CapUsage(long count, java.math.BigDecimal amount) {
    }

    public boolean ticketExists(String sellerId, String ticketId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(Keys.ticketPk(sellerId, ticketId), "TICKET"))).item();
        return item != null && !item.isEmpty();
    }

    /** The channel a ticket came from ({@code amazon}, {@code ebay}, {@code shopify}, {@code email}); empty when no such ticket. */
    public Optional<String> ticketChannel(String sellerId, String ticketId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(Keys.ticketPk(sellerId, ticketId), "TICKET"))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        String channel = Attr.str(item, "channel");
        return Optional.of(channel == null ? "amazon" : channel);
    }

    public Optional<Idempotency> idempotency(String sellerId, String key) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(Keys.idempotencyPk(sellerId, key), "IDEM"))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Idempotency(Attr.str(item, "actionId"), Attr.str(item, "ticketId"), Attr.str(item, "payloadHash")));
    }

    public Ledger ledger(String sellerId, String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(Keys.ledgerPk(sellerId, orderId), "ACTIONS"))).item();
        if (item == null || item.isEmpty()) {
            return new Ledger(0, Map.of());
        }
        Map<String, String> refs = new LinkedHashMap<>();
        AttributeValue m = item.get("actions");
        if (m != null && m.hasM()) {
            m.m().forEach((k, v) -> refs.put(k, v.s()));
        }
        return new Ledger(Attr.num(item, "version"), refs);
    }

    /** The actions the ledger names (any state). */
    public List<OrderAction> actions(String sellerId, Ledger ledger) {
        List<OrderAction> out = new ArrayList<>();
        ledger.ticketByAction().forEach((actionId, ticketId) -> get(sellerId, ticketId, actionId).ifPresent(out::add));
        return out;
    }

    /** The single decisive write of a request (see the class comment), without a daily cap. */
    public Created create(OrderAction action, String idempotencyKey, String payloadHash, Ledger readLedger, Instant now) {
        return create(action, idempotencyKey, payloadHash, readLedger, now, null);
    }

    /**
     * The single decisive write of a request (see the class comment): with {@code cap}, the agent's day counter moves
     * in the same transaction, only while the cap allows it; a refund that waits for approval also gets its entry in
     * the seller's approval list ({@link #awaitingApproval}).
     */
    public Created create(OrderAction action, String idempotencyKey, String payloadHash, Ledger readLedger, Instant now,
                          DailyCap cap) {
        Map<String, AttributeValue> idem = new HashMap<>(key(Keys.idempotencyPk(action.sellerId(), idempotencyKey), "IDEM"));
        idem.put("itemType", Attr.s("idempotency"));
        idem.put("actionId", Attr.s(action.actionId()));
        idem.put("ticketId", Attr.s(action.ticketId()));
        idem.put("payloadHash", Attr.s(payloadHash));
        idem.put(Keys.EXPIRES_AT, Attr.n(now.plus(IDEMPOTENCY_TTL).getEpochSecond()));
        Map<String, AttributeValue> refs = new HashMap<>();
        readLedger.ticketByAction().forEach((a, t) -> refs.put(a, Attr.s(t)));
        refs.put(action.actionId(), Attr.s(action.ticketId()));
        Map<String, AttributeValue> ledgerValues = new HashMap<>();
        ledgerValues.put(":next", Attr.n(readLedger.version() + 1));
        ledgerValues.put(":refs", AttributeValue.fromM(refs));
        ledgerValues.put(":type", Attr.s("order-ledger"));
        String condition = "attribute_not_exists(" + PK + ")";
        if (readLedger.version() > 0) {
            ledgerValues.put(":v", Attr.n(readLedger.version()));
            condition = "version = :v";
        }
        Update ledger = Update.builder().tableName(table).key(key(Keys.ledgerPk(action.sellerId(), action.orderId()), "ACTIONS"))
                .updateExpression("SET version = :next, actions = :refs, itemType = :type")
                .conditionExpression(condition).expressionAttributeValues(ledgerValues).build();
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(idem)
                        .conditionExpression("attribute_not_exists(" + PK + ")").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(action, idempotencyKey))
                        .conditionExpression("attribute_not_exists(" + PK + ")").build()).build(),
                TransactWriteItem.builder().update(ledger).build()));
        if (cap != null) {
            writes.add(TransactWriteItem.builder().update(capUpdate(action.sellerId(), cap, now)).build());
        }
        if (action.state() == ActionState.AWAITING_APPROVAL) {
            Map<String, AttributeValue> pending = new HashMap<>(key(Keys.approvalsPk(action.sellerId()), Keys.actionSk(action.actionId())));
            pending.put("itemType", Attr.s("approval-pending"));
            pending.put("ticketId", Attr.s(action.ticketId()));
            pending.put("actionId", Attr.s(action.actionId()));
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(pending).build()).build());
        }
        outcomeCount(action, "requested").ifPresent(writes::add);
        try {
            dynamo.transactWriteItems(t -> t.transactItems(writes));
            return Created.CREATED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (failed(reasons, 0)) {
                return Created.KEY_TAKEN;
            }
            if (failed(reasons, 2)) {
                return Created.LEDGER_MOVED;
            }
            if (cap != null && failed(reasons, 3)) {
                return Created.CAP_EXCEEDED;
            }
            throw e;
        }
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** One more refund on the agent's day counter, only while below the count cap and within the amount cap. */
    private Update capUpdate(String sellerId, DailyCap cap, Instant now) {
        Map<String, String> names = new HashMap<>();
        names.put("#c", "refunds");
        names.put("#a", "amount_" + cap.currency());
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", Attr.n(1));
        values.put(":x", AttributeValue.fromN(cap.amount().toPlainString()));
        values.put(":type", Attr.s("refund-cap"));
        // kept two days past its day: long enough for the rejection of a refund requested just before midnight
        values.put(":exp", Attr.n(cap.day().plusDays(3).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond()));
        List<String> conditions = new ArrayList<>();
        if (cap.maxCount() > 0) {
            values.put(":maxCount", Attr.n(cap.maxCount()));
            conditions.add("(attribute_not_exists(#c) OR #c < :maxCount)");
        }
        if (cap.maxAmount() != null) {
            java.math.BigDecimal room = cap.maxAmount().subtract(cap.amount());
            values.put(":room", AttributeValue.fromN(room.toPlainString()));
            conditions.add(room.signum() < 0 ? "attribute_not_exists(" + PK + ") AND attribute_exists(" + PK + ")"
                    : "(attribute_not_exists(#a) OR #a <= :room)");
        }
        Update.Builder update = Update.builder().tableName(table).key(capKey(sellerId, cap.agentId(), cap.day()))
                .updateExpression("SET itemType = :type, expiresAt = :exp ADD #c :one, #a :x")
                .expressionAttributeNames(names).expressionAttributeValues(values);
        if (!conditions.isEmpty()) {
            update.conditionExpression(String.join(" AND ", conditions));
        }
        return update.build();
    }

    private static Map<String, AttributeValue> capKey(String sellerId, String agentId, java.time.LocalDate day) {
        return key(Keys.capPk(sellerId, agentId), "DAY#" + day);
    }

    /** What {@code agentId} has refunded on {@code day} (in {@code currency}). */
    public CapUsage capUsage(String sellerId, String agentId, java.time.LocalDate day, String currency) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(capKey(sellerId, agentId, day))).item();
        if (item == null || item.isEmpty()) {
            return new CapUsage(0, java.math.BigDecimal.ZERO);
        }
        AttributeValue amount = item.get("amount_" + currency);
        return new CapUsage(Attr.num(item, "refunds") == null ? 0 : Attr.num(item, "refunds"),
                amount == null ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(amount.n()));
    }

    /** Gives a rejected refund back to its agent's day counter (best effort: a counter already expired stays gone). */
    public void releaseCap(OrderAction a) {
        if (a.agentId() == null || a.amount() == null || a.currency() == null) {
            return;
        }
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(capKey(a.sellerId(), a.agentId(), java.time.LocalDate.ofInstant(a.requestedAt(), java.time.ZoneOffset.UTC)))
                    .updateExpression("ADD #c :minusOne, #a :minusX")
                    .conditionExpression("attribute_exists(" + PK + ")")
                    .expressionAttributeNames(Map.of("#c", "refunds", "#a", "amount_" + a.currency()))
                    .expressionAttributeValues(Map.of(":minusOne", Attr.n(-1),
                            ":minusX", AttributeValue.fromN(new java.math.BigDecimal(a.amount()).negate().toPlainString())))
                    .build());
        } catch (ConditionalCheckFailedException expired) {
            // the day's counter is gone: nothing to give back
        }
    }

    /** Outcome of {@link #decide}. */
    public enum Decided { DECIDED, NOT_AWAITING, SAME_PERSON }

    /**
     * A lead's decision about a refund that awaits approval, as one transaction: the action moves from
     * AWAITING_APPROVAL (only from there, and only when {@code lead} is not the agent who asked) to QUEUED, entering
     * the submitter's queue, or to REJECTED; its entry leaves the seller's approval list. Two leads deciding at once,
     * or one deciding twice, move it once.
     */
    public Decided decide(OrderAction a, boolean approve, String lead, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#st", "state"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":awaiting", Attr.s(ActionState.AWAITING_APPROVAL.name()));
        values.put(":to", Attr.s((approve ? ActionState.QUEUED : ActionState.REJECTED).name()));
        values.put(":lead", Attr.s(lead));
        values.put(":now", Attr.s(now.toString()));
        values.put(":decision", Attr.s(approve ? "APPROVED" : "REJECTED"));
        String set = "SET #st = :to, updatedAt = :now, decidedBy = :lead, decidedAt = :now, decision = :decision";
        if (approve && a.channel() == null) { // channel actions are executed at once, never by the feed submitter
            values.put(":qp", Attr.s(Keys.queuePk(Keys.shard(a.actionId()))));
            values.put(":qs", Attr.s(queueSk(a)));
            set += ", " + GSI3PK + " = :qp, " + GSI3SK + " = :qs";
        }
        Update move = Update.builder().tableName(table).key(key(Keys.ticketPk(a.sellerId(), a.ticketId()), Keys.actionSk(a.actionId())))
                .updateExpression(set).conditionExpression("#st = :awaiting AND agentId <> :lead")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
        List<TransactWriteItem> writes = new ArrayList<>(List.of(TransactWriteItem.builder().update(move).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(key(Keys.approvalsPk(a.sellerId()), Keys.actionSk(a.actionId())))).build()));
        if (!approve) {
            outcomeCount(a, ActionState.REJECTED.name()).ifPresent(writes::add);
        }
        try {
            dynamo.transactWriteItems(t -> t.transactItems(writes));
            return Decided.DECIDED;
        } catch (TransactionCanceledException e) {
            if (!failed(e.cancellationReasons(), 0)) {
                throw e;
            }
            OrderAction now2 = get(a.sellerId(), a.ticketId(), a.actionId()).orElse(a);
            return now2.state() == ActionState.AWAITING_APPROVAL && lead.equals(now2.agentId()) ? Decided.SAME_PERSON
                    : Decided.NOT_AWAITING;
        }
    }

    /** The seller's refunds awaiting approval, oldest first (action ids are time-ordered). */
    public List<OrderAction> awaitingApproval(String sellerId, int limit) {
        List<OrderAction> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression(PK + " = :pk").expressionAttributeValues(Map.of(":pk", Attr.s(Keys.approvalsPk(sellerId))))
                    .exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> i : page.items()) {
                get(sellerId, Attr.str(i, "ticketId"), Attr.str(i, "actionId"))
                        .filter(a -> a.state() == ActionState.AWAITING_APPROVAL).ifPresent(out::add);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && out.size() < limit);
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    public Optional<OrderAction> get(String sellerId, String ticketId, String actionId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(Keys.ticketPk(sellerId, ticketId), Keys.actionSk(actionId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(action(item));
    }

    /** The ticket's actions, oldest first (action ids are time-ordered). */
    public List<OrderAction> byTicket(String sellerId, String ticketId) {
        List<OrderAction> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression(PK + " = :pk AND begins_with(" + SK + ", :a)")
                    .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.ticketPk(sellerId, ticketId)), ":a", Attr.s("A#")))
                    .exclusiveStartKey(start).build());
            page.items().forEach(i -> out.add(action(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** A reference to an action waiting for a feed, as the queue index holds it. */
    public record QueuedRef(String sellerId, String ticketId, String actionId) {
    }

    /** Actions waiting for a feed, oldest first per shard, at most {@code limit} in total. */
    public List<QueuedRef> queued(int limit) {
        List<QueuedRef> out = new ArrayList<>();
        for (int shard = 0; shard < Keys.SHARDS && out.size() < limit; shard++) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(Keys.GSI3)
                        .keyConditionExpression(GSI3PK + " = :p").expressionAttributeValues(Map.of(":p", Attr.s(Keys.queuePk(shard))))
                        .exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> i : page.items()) {
                    String[] parts = Attr.str(i, GSI3SK).split("#", 4);
                    out.add(new QueuedRef(parts[1], parts[2], parts[3]));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && out.size() < limit);
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /**
     * Moves an action to {@code to} if it is in one of {@code from} (and, when {@code attemptId} is given, still
     * claimed by that feed attempt). {@code fields} are set (null values removed).
     *
     * @return the updated action, or empty when the condition did not hold (someone else already moved it)
     */
    public Optional<OrderAction> transition(OrderAction a, Set<ActionState> from, ActionState to, String attemptId,
                                            Map<String, String> fields, Instant now) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#st", "state");
        values.put(":to", Attr.s(to.name()));
        values.put(":now", Attr.s(now.toString()));
        StringBuilder set = new StringBuilder("SET #st = :to, updatedAt = :now");
        List<String> remove = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> f : fields.entrySet()) {
            String n = "#f" + i;
            names.put(n, f.getKey());
            if (f.getValue() == null) {
                remove.add(n);
            } else {
                values.put(":f" + i, f.getKey().equals("messageId") ? AttributeValue.fromN(f.getValue()) : Attr.s(f.getValue()));
                set.append(", ").append(n).append(" = :f").append(i);
            }
            i++;
        }
        if (to != ActionState.QUEUED && !fields.containsKey(GSI3PK)) { // a channel action awaiting confirmation sets its own
            remove.add(GSI3PK);
            remove.add(GSI3SK);
        }
        List<String> states = new ArrayList<>();
        int j = 0;
        for (ActionState s : from) {
            values.put(":s" + j, Attr.s(s.name()));
            states.add(":s" + j++);
        }
        String condition = "#st IN (" + String.join(", ", states) + ")";
        if (attemptId != null) {
            values.put(":att", Attr.s(attemptId));
            condition += " AND feedAttemptId = :att";
        }
        String expression = set + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        Optional<TransactWriteItem> outcome = FINAL.contains(to) && !from.contains(to) ? outcomeCount(a, to.name()) : Optional.empty();
        if (outcome.isPresent()) { // the winning move and its agent's outcome counter are one write
            Update move = Update.builder().tableName(table).key(key(Keys.ticketPk(a.sellerId(), a.ticketId()), Keys.actionSk(a.actionId())))
                    .updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values).build();
            try {
                dynamo.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder().update(move).build(), outcome.get()));
            } catch (TransactionCanceledException e) {
                if (failed(e.cancellationReasons(), 0)) {
                    return Optional.empty();
                }
                throw e;
            }
            return get(a.sellerId(), a.ticketId(), a.actionId());
        }
        try {
            Map<String, AttributeValue> updated = dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(key(Keys.ticketPk(a.sellerId(), a.ticketId()), Keys.actionSk(a.actionId())))
                    .updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues("ALL_NEW").build()).attributes();
            return Optional.of(action(updated));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /** The states an action ends in: reaching one counts as its requesting agent's outcome. */
    private static final Set<ActionState> FINAL = EnumSet.of(ActionState.COMPLETED, ActionState.FAILED, ActionState.REJECTED);

    /** The requesting agent's counter of this action's type and {@code outcome} on the request's day (none without an agent). */
    private Optional<TransactWriteItem> outcomeCount(OrderAction a, String outcome) {
        return a.agentId() == null || a.agentId().isBlank() ? Optional.empty()
                : Optional.of(AgentCounters.agentCount(table, new SellerId(a.sellerId()), a.agentId(),
                        AgentCounters.actionCounter(a.type().name(), outcome), a.requestedAt()));
    }

    /** Claims a queued, unclaimed action for a feed attempt and takes it off the queue index. */
    public boolean claim(QueuedRef ref, String attemptId, Instant now) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(key(Keys.ticketPk(ref.sellerId(), ref.ticketId()), Keys.actionSk(ref.actionId())))
                    .updateExpression("SET feedAttemptId = :att, updatedAt = :now REMOVE " + GSI3PK + ", " + GSI3SK)
                    .conditionExpression("#st = :q AND attribute_not_exists(feedAttemptId)")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(Map.of(":att", Attr.s(attemptId), ":now", Attr.s(now.toString()),
                            ":q", Attr.s(ActionState.QUEUED.name())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Gives a claimed action back to the queue (its attempt never reached createFeed). */
    public boolean release(OrderAction a, String attemptId, Instant now) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(key(Keys.ticketPk(a.sellerId(), a.ticketId()), Keys.actionSk(a.actionId())))
                    .updateExpression("SET " + GSI3PK + " = :qp, " + GSI3SK + " = :qs, updatedAt = :now REMOVE feedAttemptId")
                    .conditionExpression("#st = :q AND feedAttemptId = :att")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(Map.of(":att", Attr.s(attemptId), ":now", Attr.s(now.toString()),
                            ":q", Attr.s(ActionState.QUEUED.name()), ":qp", Attr.s(Keys.queuePk(Keys.shard(a.actionId()))),
                            ":qs", Attr.s(queueSk(a))))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * A channel action awaiting its channel's confirmation, as the confirmation index holds it (GSI3
     * {@code CHCONF#{shard}}, sort key {@code {dueAt}#{submittedAt}#{seller}#{ticket}#{actionId}}).
     */
    public record ConfirmationRef(String sellerId, String ticketId, String actionId, Instant dueAt, Instant submittedAt,
                                  String sortKey) {
    }

    /**
     * The index fields that put {@code a} on the confirmation schedule: checked from {@code dueAt} on, its deadlines
     * counted from {@code submittedAt}. Passed as {@link #transition} fields (the transition then keeps them).
     */
    static Map<String, String> confirmationIndex(OrderAction a, Instant dueAt, Instant submittedAt) {
        Map<String, String> fields = new HashMap<>();
        fields.put(GSI3PK, Keys.confirmPk(Keys.shard(a.actionId())));
        fields.put(GSI3SK, confirmSk(a.sellerId(), a.ticketId(), a.actionId(), dueAt, submittedAt));
        return fields;
    }

    private static String confirmSk(String sellerId, String ticketId, String actionId, Instant dueAt, Instant submittedAt) {
        return Keys.time(dueAt) + "#" + Keys.time(submittedAt) + "#" + sellerId + "#" + ticketId + "#" + actionId;
    }

    /**
     * Channel actions whose next confirmation check is due at {@code now}, earliest first per shard, at most
     * {@code limit}: a query of the sparse confirmation index, never a scan.
     */
    public List<ConfirmationRef> confirmationsDue(Instant now, int limit) {
        List<ConfirmationRef> out = new ArrayList<>();
        String bound = Keys.time(now) + "$"; // every key whose due time is at or before now ('#' < '$')
        for (int shard = 0; shard < Keys.SHARDS && out.size() < limit; shard++) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(Keys.GSI3)
                        .keyConditionExpression(GSI3PK + " = :p AND " + GSI3SK + " < :b")
                        .expressionAttributeValues(Map.of(":p", Attr.s(Keys.confirmPk(shard)), ":b", Attr.s(bound)))
                        .limit(limit).exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> i : page.items()) {
                    String sk = Attr.str(i, GSI3SK);
                    String[] parts = sk.split("#", 5);
                    out.add(new ConfirmationRef(parts[2], parts[3], parts[4], Instant.parse(parts[0]), Instant.parse(parts[1]), sk));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && out.size() < limit);
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /**
     * Takes a due confirmation for one run: moves its next check to {@code nextDue}, only if nobody moved it since it
     * was read and the action still awaits its channel. Two overlapping runs: one claims, the other skips it.
     */
    public boolean claimConfirmation(ConfirmationRef ref, Instant nextDue) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(key(Keys.ticketPk(ref.sellerId(), ref.ticketId()), Keys.actionSk(ref.actionId())))
                    .updateExpression("SET " + GSI3SK + " = :next")
                    .conditionExpression(GSI3SK + " = :seen AND #st IN (:s, :a)")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(Map.of(":seen", Attr.s(ref.sortKey()),
                            ":next", Attr.s(confirmSk(ref.sellerId(), ref.ticketId(), ref.actionId(), nextDue, ref.submittedAt())),
                            ":s", Attr.s(ActionState.SUBMITTED.name()), ":a", Attr.s(ActionState.ATTENTION_REQUIRED.name())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Takes the action off the confirmation schedule (given up: nobody asks its channel again). */
    public void dropConfirmation(ConfirmationRef ref) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(key(Keys.ticketPk(ref.sellerId(), ref.ticketId()), Keys.actionSk(ref.actionId())))
                    .updateExpression("REMOVE " + GSI3PK + ", " + GSI3SK)
                    .conditionExpression(GSI3PK + " = :p")
                    .expressionAttributeValues(Map.of(":p", Attr.s(Keys.confirmPk(Keys.shard(ref.actionId())))))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            // already off the schedule
        }
    }

    private static String queueSk(OrderAction a) {
        return Keys.time(a.requestedAt()) + "#" + a.sellerId() + "#" + a.ticketId() + "#" + a.actionId();
    }

    private static Map<String, AttributeValue> item(OrderAction a, String idempotencyKey) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.ticketPk(a.sellerId(), a.ticketId()), Keys.actionSk(a.actionId())));
        item.put("itemType", Attr.s("order-action"));
        item.put("sellerId", Attr.s(a.sellerId()));
        item.put("ticketId", Attr.s(a.ticketId()));
        item.put("actionId", Attr.s(a.actionId()));
        item.put("actionType", Attr.s(a.type().name()));
        item.put("state", Attr.s(a.state().name()));
        item.put("requestedAt", Attr.s(a.requestedAt().toString()));
        item.put("updatedAt", Attr.s(a.updatedAt().toString()));
        item.put("idempotencyKey", Attr.s(idempotencyKey));
        Attr.putIfPresent(item, "orderId", a.orderId());
        Attr.putIfPresent(item, "marketplaceId", a.marketplaceId());
        Attr.putIfPresent(item, "agentId", a.agentId());
        Attr.putIfPresent(item, "amount", a.amount());
        Attr.putIfPresent(item, "currency", a.currency());
        Attr.putIfPresent(item, "reason", a.reason());
        Attr.putIfPresent(item, "command", a.commandJson());
        Attr.putIfPresent(item, "error", a.error());
        if (a.buyerRequestAt() != null) {
            item.put("buyerRequestAt", Attr.s(a.buyerRequestAt().toString()));
        }
        if (a.decision() != null) {
            item.put("decidedBy", Attr.s(a.decision().by()));
            item.put("decidedAt", Attr.s(a.decision().at().toString()));
            item.put("decision", Attr.s(a.decision().approved() ? "APPROVED" : "REJECTED"));
        }
        if (a.channel() != null) {
            item.put("channel", Attr.s(a.channel().name()));
        }
        if (a.state() == ActionState.QUEUED && a.channel() == null) {
            item.put(GSI3PK, Attr.s(Keys.queuePk(Keys.shard(a.actionId()))));
            item.put(GSI3SK, Attr.s(queueSk(a)));
        }
        return item;
    }

    static OrderAction action(Map<String, AttributeValue> i) {
        return new OrderAction(Attr.str(i, "sellerId"), Attr.str(i, "ticketId"), Attr.str(i, "actionId"),
                ActionType.valueOf(Attr.str(i, "actionType")), ActionState.valueOf(Attr.str(i, "state")),
                Attr.str(i, "orderId"), Attr.str(i, "marketplaceId"), Attr.str(i, "agentId"), Attr.str(i, "amount"),
                Attr.str(i, "currency"), Attr.str(i, "reason"), Attr.instant(i, "requestedAt"), Attr.instant(i, "buyerRequestAt"),
                Attr.instant(i, "updatedAt"), Attr.str(i, "command"), Attr.str(i, "feedAttemptId"), Attr.str(i, "feedId"),
                Attr.num(i, "messageId"), Attr.str(i, "error"), Attr.str(i, "decidedBy") == null ? null
                        : new OrderAction.Decision("APPROVED".equals(Attr.str(i, "decision")), Attr.str(i, "decidedBy"),
                        Attr.instant(i, "decidedAt")),
                Attr.str(i, "channel") == null ? null : new OrderAction.ChannelRef(Attr.str(i, "channel"),
                        Attr.str(i, "externalId"), Attr.str(i, "pendingKind")));
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, Attr.s(pk), SK, Attr.s(sk));
    }

    static Set<ActionState> states(ActionState first, ActionState... rest) {
        return EnumSet.of(first, rest);
    }
}
