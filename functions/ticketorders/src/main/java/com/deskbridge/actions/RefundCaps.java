package com.deskbridge.actions;

import static com.deskbridge.actions.Keys.PK;

import java.math.BigDecimal;
import java.time.Instant;
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
 * The agents' daily refund counters (issue 12): one item per agent and UTC day, moved by {@link ActionStore#create} in
 * the same transaction that records a refund ({@link #counted}), read to explain a refusal, given back when a lead
 * rejects the refund.
 */
public final class RefundCaps {

    private final DynamoDbClient dynamo;
    private final String table;

    RefundCaps(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    /**
     * One agent's refunds on one UTC day, counted in the same transaction that records a refund, so the cap and the
     * refund are one decision (a refused refund counts nothing, a replayed key counts once).
     *
     * @param maxCount  refunds allowed that day (0: no count cap)
     * @param maxAmount money allowed that day in {@code currency}, or null for no amount cap
     */
    public record DailyCap(String agentId, LocalDate day, int maxCount, BigDecimal maxAmount, BigDecimal amount,
                           String currency) {
    }

    /** What one agent has refunded on one day: the count, and the amount in one currency. */
    public record CapUsage(long count, BigDecimal amount) {
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
        // kept two days past its day: long enough for the rejection of a refund requested just before midnight
        values.put(":exp", Attr.n(cap.day().plusDays(3).atStartOfDay(ZoneOffset.UTC).toEpochSecond()));
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
        return ActionStore.key(Keys.capPk(sellerId, agentId), "DAY#" + day);
    }

    /** What {@code agentId} has refunded on {@code day} (in {@code currency}). */
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

    /** Gives a rejected refund back to its agent's day counter (best effort: a counter already expired stays gone). */
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

    /** The refusal of a refund over {@code cap}: what the agent has used today and when the cap resets. */
    ActionResult.CapExceeded refusal(OrderAction refund, DailyCap cap) {
        CapUsage used = usage(refund.sellerId(), cap.agentId(), cap.day(), cap.currency());
        Instant resetsAt = cap.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean byCount = cap.maxCount() > 0 && used.count() >= cap.maxCount();
        String detail = byCount
                ? "agent " + cap.agentId() + " already requested " + used.count() + " refunds today, the seller's daily cap per agent"
                + " is " + cap.maxCount() + "; nothing was recorded. A lead can refund, or the cap resets at " + resetsAt
                : "refunding " + refund.amount() + " " + refund.currency() + " would take agent " + cap.agentId() + " to "
                + used.amount().add(cap.amount()).toPlainString() + " " + refund.currency() + " today, over the seller's daily cap"
                + " per agent of " + cap.maxAmount().toPlainString() + " " + refund.currency() + "; nothing was recorded."
                + " The cap resets at " + resetsAt;
        return new ActionResult.CapExceeded(detail, cap.maxCount(), used.count(),
                cap.maxAmount() == null ? null : cap.maxAmount().toPlainString(), used.amount().toPlainString(), cap.currency(), resetsAt);
    }
}
