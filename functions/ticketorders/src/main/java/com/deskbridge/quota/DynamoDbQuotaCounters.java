package com.deskbridge.quota;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link QuotaCounters} in the tickets table. A window counter is an item {@code {calls, expiresAt (TTL)}} raised by
 * one conditional {@code ADD calls 1} ({@code attribute_not_exists(calls) OR calls < :limit}); two counters are raised
 * in one TransactWriteItems (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html).
 * A bucket is an item {@code {tokens, atMillis}} replaced by an optimistic conditional update (the stored level must
 * be the one read). Every read is strongly consistent.
 */
public final class DynamoDbQuotaCounters implements QuotaCounters {

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbQuotaCounters(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public boolean increment(Key counter, int limit, Instant expiresAt) {
        Update u = count(counter, limit, expiresAt);
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(u.key()).updateExpression(u.updateExpression())
                    .conditionExpression(u.conditionExpression()).expressionAttributeValues(u.expressionAttributeValues()).build());
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    @Override
    public Outcome incrementBoth(Key first, int firstLimit, Key second, int secondLimit, Instant expiresAt) {
        try {
            dynamo.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().update(count(first, firstLimit, expiresAt)).build(),
                    TransactWriteItem.builder().update(count(second, secondLimit, expiresAt)).build()));
            return Outcome.GRANTED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons.size() > 0 && CONDITIONAL_CHECK_FAILED.equals(reasons.get(0).code())) {
                return Outcome.FIRST_FULL;
            }
            if (reasons.size() > 1 && CONDITIONAL_CHECK_FAILED.equals(reasons.get(1).code())) {
                return Outcome.SECOND_FULL;
            }
            return Outcome.CONFLICT;
        } catch (TransactionConflictException e) {
            return Outcome.CONFLICT;
        }
    }

    @Override
    public int calls(Key counter) {
        Map<String, AttributeValue> item = read(counter);
        return item == null || !item.containsKey("calls") ? 0 : Integer.parseInt(item.get("calls").n());
    }

    @Override
    public Optional<Level> level(Key bucket) {
        Map<String, AttributeValue> item = read(bucket);
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Level(new BigDecimal(item.get("tokens").n()), Long.parseLong(item.get("atMillis").n())));
    }

    @Override
    public boolean replaceLevel(Key bucket, Optional<Level> expected, Level next) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":t", AttributeValue.fromN(next.tokens().toPlainString()));
        values.put(":at", AttributeValue.fromN(Long.toString(next.atMillis())));
        values.put(":type", AttributeValue.fromS("quota"));
        String condition = "attribute_not_exists(PK)";
        if (expected.isPresent()) {
            values.put(":oldAt", AttributeValue.fromN(Long.toString(expected.get().atMillis())));
            values.put(":oldT", AttributeValue.fromN(expected.get().tokens().toPlainString()));
            condition = "atMillis = :oldAt AND tokens = :oldT";
        }
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(bucket))
                    .updateExpression("SET tokens = :t, atMillis = :at, itemType = :type")
                    .conditionExpression(condition).expressionAttributeValues(values).build());
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }

    private Update count(Key counter, int limit, Instant expiresAt) {
        return Update.builder().tableName(table).key(key(counter))
                .updateExpression("SET itemType = :type, expiresAt = :exp ADD calls :one")
                .conditionExpression("attribute_not_exists(calls) OR calls < :limit")
                .expressionAttributeValues(Map.of(":type", AttributeValue.fromS("quota-window"),
                        ":exp", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())),
                        ":one", AttributeValue.fromN("1"),
                        ":limit", AttributeValue.fromN(Integer.toString(limit))))
                .build();
    }

    private Map<String, AttributeValue> read(Key key) {
        return dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(key(key))).item();
    }

    private static Map<String, AttributeValue> key(Key key) {
        return Map.of("PK", AttributeValue.fromS(key.pk()), "SK", AttributeValue.fromS(key.sk()));
    }
}
