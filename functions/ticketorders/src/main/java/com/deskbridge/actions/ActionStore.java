package com.deskbridge.actions;

import static com.deskbridge.actions.Keys.GSI3PK;
import static com.deskbridge.actions.Keys.GSI3SK;
import static com.deskbridge.actions.Keys.PK;
import static com.deskbridge.actions.Keys.SK;

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
 * {@link #transition}: a conditional update from the expected states; reaching a final state moves the requesting
 * agent's outcome counter in the same transaction.
 *
 * <p>The parts of the table with their own rules: the agents' daily refund counters ({@link #caps()}), refunds
 * awaiting a lead ({@link #approvals()}), the feed queue index ({@link #feedQueue()}) and the channel-confirmation
 * schedule ({@link #confirmations()}); the item layout is {@link ActionItems}.
 */
public final class ActionStore {

    /** How long an idempotency key is remembered (clients retry within minutes; 30 days outlast any outage and the agent's memory of the click). */
    static final Duration IDEMPOTENCY_TTL = Duration.ofDays(30);

    /** The states an action ends in: reaching one counts as its requesting agent's outcome. */
    private static final Set<ActionState> FINAL = EnumSet.of(ActionState.COMPLETED, ActionState.FAILED, ActionState.REJECTED);

    private final DynamoDbClient dynamo;
    private final String table;
    private final RefundCaps caps;
    private final ApprovalQueue approvals;
    private final FeedQueue feedQueue;
    private final ConfirmationIndex confirmations;

    public ActionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        this.caps = new RefundCaps(dynamo, table);
        this.approvals = new ApprovalQueue(dynamo, table);
        this.feedQueue = new FeedQueue(dynamo, table);
        this.confirmations = new ConfirmationIndex(dynamo, table);
    }

    /** The agents' daily refund counters. */
    public RefundCaps caps() {
        return caps;
    }

    /** Refunds awaiting a lead's approval and the lead's decision. */
    public ApprovalQueue approvals() {
        return approvals;
    }

    /** Amazon actions waiting for a feed. */
    public FeedQueue feedQueue() {
        return feedQueue;
    }

    /** Channel actions waiting for their channel's confirmation. */
    public ConfirmationIndex confirmations() {
        return confirmations;
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
     * the seller's approval list ({@link ApprovalQueue#awaiting}).
     */
    public Created create(OrderAction action, String idempotencyKey, String payloadHash, Ledger readLedger, Instant now,
                          RefundCaps.DailyCap cap) {
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(idempotencyItem(action, idempotencyKey, payloadHash, now))
                        .conditionExpression("attribute_not_exists(" + PK + ")").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(ActionItems.item(action, idempotencyKey))
                        .conditionExpression("attribute_not_exists(" + PK + ")").build()).build(),
                TransactWriteItem.builder().update(ledgerMove(action, readLedger)).build()));
        if (cap != null) {
            writes.add(TransactWriteItem.builder().update(caps.counted(action.sellerId(), cap)).build());
        }
        if (action.state() == ActionState.AWAITING_APPROVAL) {
            writes.add(approvals.entry(action));
        }
        ActionItems.outcomeCount(table, action, "requested").ifPresent(writes::add);
        try {
            dynamo.transactWriteItems(t -> t.transactItems(writes));
            return Created.CREATED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (ActionItems.failed(reasons, 0)) {
                return Created.KEY_TAKEN;
            }
            if (ActionItems.failed(reasons, 2)) {
                return Created.LEDGER_MOVED;
            }
            if (cap != null && ActionItems.failed(reasons, 3)) {
                return Created.CAP_EXCEEDED;
            }
            throw e;
        }
    }

    private static Map<String, AttributeValue> idempotencyItem(OrderAction action, String idempotencyKey, String payloadHash,
                                                               Instant now) {
        Map<String, AttributeValue> idem = new HashMap<>(key(Keys.idempotencyPk(action.sellerId(), idempotencyKey), "IDEM"));
        idem.put("itemType", Attr.s("idempotency"));
        idem.put("actionId", Attr.s(action.actionId()));
        idem.put("ticketId", Attr.s(action.ticketId()));
        idem.put("payloadHash", Attr.s(payloadHash));
        idem.put(Keys.EXPIRES_AT, Attr.n(now.plus(IDEMPOTENCY_TTL).getEpochSecond()));
        return idem;
    }

    /** The order's ledger names the new action too, only if its version is still the one read. */
    private Update ledgerMove(OrderAction action, Ledger readLedger) {
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
        return Update.builder().tableName(table).key(key(Keys.ledgerPk(action.sellerId(), action.orderId()), "ACTIONS"))
                .updateExpression("SET version = :next, actions = :refs, itemType = :type")
                .conditionExpression(condition).expressionAttributeValues(ledgerValues).build();
    }

    public Optional<OrderAction> get(String sellerId, String ticketId, String actionId) {
        return ActionItems.read(dynamo, table, sellerId, ticketId, actionId);
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
            page.items().forEach(i -> out.add(ActionItems.action(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /**
     * Moves an action to {@code to} if it is in one of {@code from} (and, when {@code attemptId} is given, still
     * claimed by that feed attempt). {@code fields} are set (null values removed). The move into a final state and
     * its agent's outcome counter are one transaction, so only the winning move counts.
     *
     * @return the updated action, or empty when the condition did not hold (someone else already moved it)
     */
    public Optional<OrderAction> transition(OrderAction a, Set<ActionState> from, ActionState to, String attemptId,
                                            Map<String, String> fields, Instant now) {
        Move move = move(from, to, attemptId, fields, now);
        Optional<TransactWriteItem> outcome = FINAL.contains(to) && !from.contains(to)
                ? ActionItems.outcomeCount(table, a, to.name()) : Optional.empty();
        if (outcome.isPresent()) {
            Update update = Update.builder().tableName(table).key(ActionItems.actionKey(a.sellerId(), a.ticketId(), a.actionId()))
                    .updateExpression(move.expression()).conditionExpression(move.condition())
                    .expressionAttributeNames(move.names()).expressionAttributeValues(move.values()).build();
            try {
                dynamo.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder().update(update).build(), outcome.get()));
            } catch (TransactionCanceledException e) {
                if (ActionItems.failed(e.cancellationReasons(), 0)) {
                    return Optional.empty();
                }
                throw e;
            }
            return get(a.sellerId(), a.ticketId(), a.actionId());
        }
        try {
            Map<String, AttributeValue> updated = dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(ActionItems.actionKey(a.sellerId(), a.ticketId(), a.actionId()))
                    .updateExpression(move.expression()).conditionExpression(move.condition())
                    .expressionAttributeNames(move.names()).expressionAttributeValues(move.values())
                    .returnValues("ALL_NEW").build()).attributes();
            return Optional.of(ActionItems.action(updated));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /** A state move as a conditional update: its expression, condition and their names and values. */
    private record Move(String expression, String condition, Map<String, String> names, Map<String, AttributeValue> values) {
    }

    private static Move move(Set<ActionState> from, ActionState to, String attemptId, Map<String, String> fields, Instant now) {
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
        return new Move(set + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove)), condition, names, values);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, Attr.s(pk), SK, Attr.s(sk));
    }

    static Set<ActionState> states(ActionState first, ActionState... rest) {
        return EnumSet.of(first, rest);
    }
}
