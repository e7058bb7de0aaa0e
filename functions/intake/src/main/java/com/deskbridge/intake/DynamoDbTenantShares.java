package com.deskbridge.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link TenantShares} as one counter item per seller and window in the tickets table
 * ({@code PK = INTAKE#{seller}}, {@code SK = W#{window start}}): one atomic {@code ADD} per seller and batch returns
 * the new count, so concurrent containers never admit more than the share between them. Counter items expire (TTL)
 * an hour after their window.
 */
final class DynamoDbTenantShares implements TenantShares {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbTenantShares(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public int admit(String seller, int wanted, int share, Instant windowStart) {
        Map<String, AttributeValue> counted = dynamo.updateItem(u -> u.tableName(table)
                .key(Map.of("PK", AttributeValue.fromS("INTAKE#" + seller),
                        "SK", AttributeValue.fromS("W#" + windowStart.toEpochMilli())))
                .updateExpression("SET itemType = :type, expiresAt = :exp ADD messages :n")
                .expressionAttributeValues(Map.of(":type", AttributeValue.fromS("intake-share"),
                        ":exp", AttributeValue.fromN(Long.toString(windowStart.plus(Duration.ofHours(1)).getEpochSecond())),
                        ":n", AttributeValue.fromN(Integer.toString(wanted))))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        int after = Integer.parseInt(counted.get("messages").n());
        int before = after - wanted;
        return Math.max(0, Math.min(wanted, share - before));
    }
}
