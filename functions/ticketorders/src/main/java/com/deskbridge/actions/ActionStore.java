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
    public enum Created { CREATED, KEY_TAKEN, LEDGER_MOVED }

    public boolean ticketExists(String sellerId, String ticketId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(Keys.ticketPk(sellerId, ticketId), "TICKET"))).item();
        return item != null && !item.isEmpty();
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

    /** The single decisive write of a request (see the class comment). */
    public Created create(OrderAction action, String idempotencyKey, String payloadHash, Ledger readLedger, Instant now) {
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
        try {
            dynamo.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(idem)
                            .conditionExpression("attribute_not_exists(" + PK + ")").build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(action, idempotencyKey))
                            .conditionExpression("attribute_not_exists(" + PK + ")").build()).build(),
                    TransactWriteItem.builder().update(ledger).build()));
            return Created.CREATED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return Created.KEY_TAKEN;
            }
            if (reasons.size() > 2 && "ConditionalCheckFailed".equals(reasons.get(2).code())) {
                return Created.LEDGER_MOVED;
            }
            throw e;
        }
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
        if (to != ActionState.QUEUED) {
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
        if (a.state() == ActionState.QUEUED) {
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
                Attr.num(i, "messageId"), Attr.str(i, "error"));
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, Attr.s(pk), SK, Attr.s(sk));
    }

    static Set<ActionState> states(ActionState first, ActionState... rest) {
        return EnumSet.of(first, rest);
    }
}
