package com.deskbridge.enrichment;

import com.deskbridge.adapters.metrics.Metrics;
import com.deskbridge.http.Quota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A {@link Quota} shared by every Lambda container: at most {@code permits} calls per fixed window of length
 * {@code period}, windows aligned to the epoch (so a one-day window resets at 00:00 UTC, like DHL's quota,
 * domain-reference §2.1). One counter item per window in the tickets table ({@code PK = QUOTA#{name}},
 * {@code SK = W#{window start}}); a permit is one conditional {@code ADD calls 1} that only succeeds while
 * {@code calls < permits}, so concurrent takers from any number of containers together never exceed the limit.
 * Counter items expire (TTL) two windows after theirs ends. A refused take costs nothing.
 */
public final class DynamoDbQuota implements Quota {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final String name;
    private final int permits;
    private final Duration period;
    /** The quota's family for the QuotaTaken/QuotaDenied metrics: its name without the seller (carrier#dhl, spapi#getOrder). */
    private final String metricName;

    public DynamoDbQuota(DynamoDbClient dynamo, String table, Clock clock, String name, int permits, Duration period) {
        if (permits < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a quota needs at least one permit per positive period");
        }
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        this.clock = Objects.requireNonNull(clock);
        this.name = Objects.requireNonNull(name);
        this.permits = permits;
        this.period = period;
        String[] parts = name.split("#", 3);
        this.metricName = parts.length >= 2 ? parts[0] + "#" + parts[1] : name;
    }

    @Override
    public Decision take() {
        Instant now = clock.instant();
        Instant start = windowStart(now);
        Instant end = start.plus(period);
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(start))
                    .updateExpression("SET itemType = :type, expiresAt = :exp ADD calls :one")
                    .conditionExpression("attribute_not_exists(calls) OR calls < :limit")
                    .expressionAttributeValues(Map.of(":type", AttributeValue.fromS("quota-window"),
                            ":exp", AttributeValue.fromN(Long.toString(end.plus(period).getEpochSecond() + 60)),
                            ":one", AttributeValue.fromN("1"),
                            ":limit", AttributeValue.fromN(Integer.toString(permits)))));
            Metrics.count(Metrics.QUOTA_TAKEN, "Quota", metricName, 1);
            return GRANTED;
        } catch (ConditionalCheckFailedException full) {
            Metrics.count(Metrics.QUOTA_DENIED, "Quota", metricName, 1);
            Duration wait = Duration.between(now, end);
            return new Denied(wait.isZero() || wait.isNegative() ? Duration.ofMillis(1) : wait);
        }
    }

    /** Calls still allowed in the current window. */
    public int remaining() {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(windowStart(clock.instant())))).item();
        int used = item == null || !item.containsKey("calls") ? 0 : Integer.parseInt(item.get("calls").n());
        return Math.max(0, permits - used);
    }

    /** When the current window ends (the next permit at the latest, once this window is used up). */
    public Instant windowEnd() {
        return windowStart(clock.instant()).plus(period);
    }

    public int permits() {
        return permits;
    }

    public Duration period() {
        return period;
    }

    private Instant windowStart(Instant now) {
        long p = period.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), p) * p);
    }

    private Map<String, AttributeValue> key(Instant windowStart) {
        return Map.of("PK", AttributeValue.fromS("QUOTA#" + name + "#" + period),
                "SK", AttributeValue.fromS("W#" + windowStart.toEpochMilli()));
    }
}
