package com.deskbridge.actions;

import static com.deskbridge.actions.Keys.GSI3PK;
import static com.deskbridge.actions.Keys.GSI3SK;

import com.deskbridge.adapters.dynamodb.AgentCounters;
import com.deskbridge.domain.ticket.SellerId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * How an order action is laid out in the tickets table ({@link Keys}): its item and back, its place in the feed queue
 * index, and the requesting agent's outcome counter that moves in the same transaction as the action.
 */
final class ActionItems {

    private ActionItems() {
    }

    static Optional<OrderAction> read(DynamoDbClient dynamo, String table, String sellerId, String ticketId, String actionId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(actionKey(sellerId, ticketId, actionId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(action(item));
    }

    static Map<String, AttributeValue> actionKey(String sellerId, String ticketId, String actionId) {
        return Keys.key(Keys.ticketPk(sellerId, ticketId), Keys.actionSk(actionId));
    }

    /** The sort key of {@code a} in the feed queue index (GSI3 {@code Q#{shard}}). */
    static String queueSk(OrderAction a) {
        return Keys.time(a.requestedAt()) + "#" + a.sellerId() + "#" + a.ticketId() + "#" + a.actionId();
    }

    /** Whether the transaction's write at {@code index} failed its condition. */
    static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** The requesting agent's counter of this action's type and {@code outcome} on the request's day (none without an agent). */
    static Optional<TransactWriteItem> outcomeCount(String table, OrderAction a, String outcome) {
        return a.agentId() == null || a.agentId().isBlank() ? Optional.empty()
                : Optional.of(AgentCounters.agentCount(table, new SellerId(a.sellerId()), a.agentId(),
                        AgentCounters.actionCounter(a.type().name(), outcome), a.requestedAt()));
    }

    static Map<String, AttributeValue> item(OrderAction a, String idempotencyKey) {
        Map<String, AttributeValue> item = new HashMap<>(actionKey(a.sellerId(), a.ticketId(), a.actionId()));
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
}
