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
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A {@link Quota} shared by every Lambda container: at most {@code permits} calls per fixed window of length
 * {@code period}, windows aligned to the epoch (so a one-day window resets at 00:00 UTC, like DHL's quota,
 * https://support-developer.dhl.com/en/support/solutions/articles/47001248773). One counter item per window in the tickets table ({@code PK = QUOTA#{name}},
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
            return denied(now, end);
        }
    }

    /**
     * This budget as one seller may use it (per-tenant fairness, issue 12): the seller takes freely up to its
     * {@code share} of each window; beyond that it may only borrow while more than {@code reserve} permits of the
     * window are left, so the last {@code reserve} permits stay for sellers still within their share. The shared
     * limit holds as before. A permit is one DynamoDB transaction over the shared counter and the seller's counter
     * (both conditional), so concurrent takers never exceed either.
     */
    public Quota forSeller(String sellerId, int share, int reserve) {
        Objects.requireNonNull(sellerId);
        if (share < 1 || reserve < 0 || reserve >= permits) {
            throw new IllegalArgumentException("a share of at least one and a reserve below the budget are needed");
        }
        return () -> {
            Instant now = clock.instant();
            Instant start = windowStart(now);
            Instant end = start.plus(period);
            Map<String, AttributeValue> sellerKey = Map.of("PK", AttributeValue.fromS("QUOTA#" + name + "#" + period + "#S#" + sellerId),
                    "SK", AttributeValue.fromS("W#" + start.toEpochMilli()));
            boolean borrowing = false;
            for (int attempt = 0; attempt < CONFLICT_ATTEMPTS; attempt++) {
                Taken taken = borrowing
                        // over its share: borrow, but never into the reserve
                        ? take(count(key(start), end, permits - reserve), count(sellerKey, end, Integer.MAX_VALUE))
                        : take(count(key(start), end, permits), count(sellerKey, end, share));
                switch (taken) {
                    case GRANTED -> {
                        return GRANTED;
                    }
                    case SECOND_FULL -> borrowing = true;
                    case FIRST_FULL -> {
                        return denied(now, end);
                    }
                    case CONFLICT -> {
                        // another container took at the same moment: try again
                    }
                }
            }
            return denied(now, end);
        };
    }

    private static final int CONFLICT_ATTEMPTS = 20;

    private enum Taken { GRANTED, FIRST_FULL, SECOND_FULL, CONFLICT }

    private Taken take(TransactWriteItem shared, TransactWriteItem own) {
        try {
            dynamo.transactWriteItems(t -> t.transactItems(shared, own));
            return Taken.GRANTED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons.size() > 0 && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return Taken.FIRST_FULL;
            }
            if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
                return Taken.SECOND_FULL;
            }
            return Taken.CONFLICT;
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionConflictException e) {
            return Taken.CONFLICT;
        }
    }

    /** One more call on a window counter, only while it is below {@code limit}. */
    private TransactWriteItem count(Map<String, AttributeValue> key, Instant end, int limit) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                .updateExpression("SET itemType = :type, expiresAt = :exp ADD calls :one")
                .conditionExpression("attribute_not_exists(calls) OR calls < :limit")
                .expressionAttributeValues(Map.of(":type", AttributeValue.fromS("quota-window"),
                        ":exp", AttributeValue.fromN(Long.toString(end.plus(period).getEpochSecond() + 60)),
                        ":one", AttributeValue.fromN("1"),
                        ":limit", AttributeValue.fromN(Integer.toString(limit))))
                .build()).build();
    }

    private static Denied denied(Instant now, Instant end) {
        Duration wait = Duration.between(now, end);
        return new Denied(wait.isZero() || wait.isNegative() ? Duration.ofMillis(1) : wait);
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
