package com.deskbridge.actions;

import static com.deskbridge.actions.Keys.GSI3PK;
import static com.deskbridge.actions.Keys.GSI3SK;
import static com.deskbridge.actions.Keys.PK;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link ApprovalQueue} in the tickets table: one {@code S#{seller}#APPROVALS} item per refund awaiting approval, and
 * the decision as one transaction whose condition is {@link ApprovalQueue#mayDecide}.
 */
final class DynamoDbApprovalQueue implements ApprovalQueue {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbApprovalQueue(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    /** The approval-list entry {@link ActionStore#create} writes with a refund that waits for approval. */
    TransactWriteItem entry(OrderAction action) {
        Map<String, AttributeValue> pending = new HashMap<>(Keys.key(Keys.approvalsPk(action.sellerId()),
                Keys.actionSk(action.actionId())));
        pending.put("itemType", Attr.s("approval-pending"));
        pending.put("ticketId", Attr.s(action.ticketId()));
        pending.put("actionId", Attr.s(action.actionId()));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(pending)).build();
    }

    @Override
    public Decided decide(OrderAction a, boolean approve, String lead, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":awaiting", Attr.s(ActionState.AWAITING_APPROVAL.name()));
        values.put(":to", Attr.s((approve ? ActionState.QUEUED : ActionState.REJECTED).name()));
        values.put(":lead", Attr.s(lead));
        values.put(":now", Attr.s(now.toString()));
        values.put(":decision", Attr.s(approve ? "APPROVED" : "REJECTED"));
        String set = "SET #st = :to, updatedAt = :now, decidedBy = :lead, decidedAt = :now, decision = :decision";
        if (approve && a.channel() == null) { // channel actions are executed at once, never by the feed submitter
            values.put(":qp", Attr.s(Keys.queuePk(Keys.shard(a.actionId()))));
            values.put(":qs", Attr.s(ActionItems.queueSk(a)));
            set += ", " + GSI3PK + " = :qp, " + GSI3SK + " = :qs";
        }
        Update move = Update.builder().tableName(table).key(ActionItems.actionKey(a.sellerId(), a.ticketId(), a.actionId()))
                .updateExpression(set).conditionExpression("#st = :awaiting AND (attribute_not_exists(agentId) OR agentId <> :lead)")
                .expressionAttributeNames(Map.of("#st", "state")).expressionAttributeValues(values).build();
        List<TransactWriteItem> writes = new ArrayList<>(List.of(TransactWriteItem.builder().update(move).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(Keys.key(Keys.approvalsPk(a.sellerId()), Keys.actionSk(a.actionId())))).build()));
        if (!approve) {
            ActionItems.outcomeCount(table, a, ActionState.REJECTED.name()).ifPresent(writes::add);
        }
        try {
            dynamo.transactWriteItems(t -> t.transactItems(writes));
            return Decided.DECIDED;
        } catch (TransactionCanceledException e) {
            if (!ActionItems.failed(e.cancellationReasons(), 0)) {
                throw e;
            }
            OrderAction current = ActionItems.read(dynamo, table, a.sellerId(), a.ticketId(), a.actionId()).orElse(a);
            return ApprovalQueue.refused(current, lead);
        }
    }

    @Override
    public List<OrderAction> awaiting(String sellerId, int limit) {
        List<OrderAction> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression(PK + " = :pk").expressionAttributeValues(Map.of(":pk", Attr.s(Keys.approvalsPk(sellerId))))
                    .exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> i : page.items()) {
                ActionItems.read(dynamo, table, sellerId, Attr.str(i, "ticketId"), Attr.str(i, "actionId"))
                        .filter(a -> a.state() == ActionState.AWAITING_APPROVAL).ifPresent(out::add);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && out.size() < limit);
        return out.size() > limit ? out.subList(0, limit) : out;
    }
}
