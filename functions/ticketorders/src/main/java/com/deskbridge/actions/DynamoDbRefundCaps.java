package com.deskbridge.actions;

import static com.deskbridge.actions.Keys.PK;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link RefundCaps} in the tickets table: one item per agent and UTC day ({@code refunds} and {@code amount_{CUR}}),
 * whose conditional update ({@link #counted}) is {@link DailyCap#allows} written as a condition, so it holds under
 * concurrent refunds.
 */
final class DynamoDbRefundCaps implements RefundCaps {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbRefundCaps(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    /** One more refund on the agent's day counter, only while below the count cap and within the amount cap. */
    Update counted(String sellerId, DailyCap cap) {
        Map<String, String> names = new HashMap<>();
        names.put("#c", "refunds");
        names.put("#a", "amount_" + cap.currency());
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", Attr.n(1));
        values.put(":x", AttributeValue.fromN(cap.amount().toPlainString()));
        values.put(":type", Attr.s("refund-cap"));
        values.put(":exp", Attr.n(cap.keptUntil().getEpochSecond()));
        List<String> conditions = new ArrayList<>();
        if (cap.maxCount() > 0) {
            values.put(":maxCount", Attr.n(cap.maxCount()));
            conditions.add("(attribute_not_exists(#c) OR #c < :maxCount)");
        }
        if (cap.maxAmount() != null) {
            BigDecimal room = cap.maxAmount().subtract(cap.amount());
            values.put(":room", AttributeValue.fromN(room.toPlainString()));
            conditions.add(room.signum() < 0 ? "attribute_not_exists(" + PK + ") AND attribute_exists(" + PK + ")"
                    : "(attribute_not_exists(#a) OR #a <= :room)");
        }
        Update.Builder update = Update.builder().tableName(table).key(key(sellerId, cap.agentId(), cap.day()))
                .updateExpression("SET itemType = :type, expiresAt = :exp ADD #c :one, #a :x")
                .expressionAttributeNames(names).expressionAttributeValues(values);
        if (!conditions.isEmpty()) {
            update.conditionExpression(String.join(" AND ", conditions));
        }
        return update.build();
    }

    private static Map<String, AttributeValue> key(String sellerId, String agentId, LocalDate day) {
        return Keys.key(Keys.capPk(sellerId, agentId), "DAY#" + day);
    }

    @Override
    public CapUsage usage(String sellerId, String agentId, LocalDate day, String currency) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(sellerId, agentId, day))).item();
        if (item == null || item.isEmpty()) {
            return new CapUsage(0, BigDecimal.ZERO);
        }
        AttributeValue amount = item.get("amount_" + currency);
        return new CapUsage(Attr.num(item, "refunds") == null ? 0 : Attr.num(item, "refunds"),
                amount == null ? BigDecimal.ZERO : new BigDecimal(amount.n()));
    }

    @Override
    public void release(OrderAction a) {
        if (a.agentId() == null || a.amount() == null || a.currency() == null) {
            return;
        }
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(key(a.sellerId(), a.agentId(), LocalDate.ofInstant(a.requestedAt(), ZoneOffset.UTC)))
                    .updateExpression("ADD #c :minusOne, #a :minusX")
                    .conditionExpression("attribute_exists(" + PK + ")")
                    .expressionAttributeNames(Map.of("#c", "refunds", "#a", "amount_" + a.currency()))
                    .expressionAttributeValues(Map.of(":minusOne", Attr.n(-1),
                            ":minusX", AttributeValue.fromN(new BigDecimal(a.amount()).negate().toPlainString())))
                    .build());
        } catch (ConditionalCheckFailedException expired) {
            // the day's counter is gone: nothing to give back
        }
    }
}
