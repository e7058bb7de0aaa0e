package com.deskbridge.actions;

import static com.deskbridge.actions.Keys.GSI3PK;
import static com.deskbridge.actions.Keys.GSI3SK;
import static com.deskbridge.actions.Keys.PK;
import static com.deskbridge.actions.Keys.SK;

import java.time.Instant;
import java.util.ArrayList;
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
 * The {@link ActionStore} in the tickets table ({@link Keys}; the item layout is {@link ActionItems}). {@link #create}
 * is one TransactWriteItems that puts the idempotency item and the action (both only if absent), moves the order's
 * ledger version (only if nobody else moved it since it was read) and the agent's day counter (only while the cap
 * allows it); {@link #transition} is a conditional update from the expected states, in one transaction with the
 * agent's outcome counter when it ends the action.
 */
public final class DynamoDbActionStore implements ActionStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbRefundCaps caps;
    private final DynamoDbApprovalQueue approvals;
    private final DynamoDbFeedQueue feedQueue;
    private final DynamoDbConfirmationIndex confirmations;

    public DynamoDbActionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        this.caps = new DynamoDbRefundCaps(dynamo, table);
        this.approvals = new DynamoDbApprovalQueue(dynamo, table);
        this.feedQueue = new DynamoDbFeedQueue(dynamo, table);
        this.confirmations = new DynamoDbConfirmationIndex(dynamo, table);
    }

    @Override
    public RefundCaps caps() {
        return caps;
    }

    @Override
    public ApprovalQueue approvals() {
        return approvals;
    }

    @Override
    public FeedQueue feedQueue() {
        return feedQueue;
    }

    @Override
    public ConfirmationIndex confirmations() {
        return confirmations;
    }

    /** The channel a ticket came from ({@code amazon}, {@code ebay}, {@code shopify}, {@code email}); empty when no such ticket. */
    @Override
    public Optional<String> ticketChannel(String sellerId, String ticketId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Keys.key(Keys.ticketPk(sellerId, ticketId), "TICKET"))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        String channel = Attr.str(item, "channel");
        return Optional.of(channel == null ? "amazon" : channel);
    }

    @Override
    public Optional<Idempotency> idempotency(String sellerId, String key) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Keys.key(Keys.idempotencyPk(sellerId, key), "IDEM"))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Idempotency(Attr.str(item, "actionId"), Attr.str(item, "ticketId"), Attr.str(item, "payloadHash")));
    }

    @Override
    public Ledger ledger(String sellerId, String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Keys.key(Keys.ledgerPk(sellerId, orderId), "ACTIONS"))).item();
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

    @Override
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
        Map<String, AttributeValue> idem = new HashMap<>(Keys.key(Keys.idempotencyPk(action.sellerId(), idempotencyKey), "IDEM"));
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
        return Update.builder().tableName(table).key(Keys.key(Keys.ledgerPk(action.sellerId(), action.orderId()), "ACTIONS"))
                .updateExpression("SET version = :next, actions = :refs, itemType = :type")
                .conditionExpression(condition).expressionAttributeValues(ledgerValues).build();
    }

    @Override
    public Optional<OrderAction> get(String sellerId, String ticketId, String actionId) {
        return ActionItems.read(dynamo, table, sellerId, ticketId, actionId);
    }

    @Override
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

    @Override
    public Optional<OrderAction> transition(OrderAction a, Set<ActionState> from, ActionState to, String attemptId,
                                            Map<String, String> fields, Instant now) {
        Map<String, String> logical = Transition.checked(fields);
        // only here do the schedule's logical fields become index keys (DynamoDbConfirmationIndex.stored)
        Move move = move(from, to, attemptId, DynamoDbConfirmationIndex.stored(a, logical), Transition.schedules(logical), now);
        Optional<TransactWriteItem> outcome = new Transition(from, to, attemptId).countsOutcome()
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

    /** A state move ({@link Transition}) as a conditional update: its expression, condition and their names and values. */
    private record Move(String expression, String condition, Map<String, String> names, Map<String, AttributeValue> values) {
    }

    /** {@code fields} as stored; {@code scheduled}: the transition puts the action on the confirmation schedule. */
    private static Move move(Set<ActionState> from, ActionState to, String attemptId, Map<String, String> fields,
                             boolean scheduled, Instant now) {
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
        if (to != ActionState.QUEUED && !scheduled) { // a channel action awaiting confirmation gets its schedule's keys
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
}
