package com.deskbridge.actions;

import com.deskbridge.spapi.SpApiOperation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * One SP-API operation's budget for one seller, shared by every Lambda container: a token bucket in DynamoDB with
 * Amazon's documented rate and burst (for createFeed burst 15 and 0.0083/s, one call per ~120.5 s;
 * https://developer-docs.amazon.com/sp-api/docs/feeds-api-rate-limits). A permit is taken with an optimistic conditional update (the stored level and time must be what was read), so
 * two containers can never spend the same token and the operation is never called beyond Amazon's limit, however many
 * containers run. Used directly for createFeed by the actions function's FeedSubmitter and, through {@link SharedQuotaProvider}, for
 * the other tight operations.
 */
public final class FeedBudget {

    private static final int ATTEMPTS = 20;
    /** Tokens are stored as an exact decimal; the refill is rounded down so a rounding error can never add a call. */
    private static final int SCALE = 9;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final String operation;
    private final BigDecimal ratePerSecond;
    private final int burst;

    /** The createFeed budget. */
    public FeedBudget(DynamoDbClient dynamo, String table, Clock clock) {
        this(dynamo, table, clock, SpApiOperation.FEEDS_CREATE_FEED);
    }

    /** The budget of {@code operation} with its documented rate and burst. */
    public FeedBudget(DynamoDbClient dynamo, String table, Clock clock, SpApiOperation operation) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        this.clock = Objects.requireNonNull(clock);
        this.operation = operation.id();
        this.ratePerSecond = BigDecimal.valueOf(operation.ratePerSecond());
        this.burst = operation.burst();
    }

    private record Level(BigDecimal tokens, long atMillis, boolean stored) {
    }

    /** Whole permits the seller has now (for planning; {@link #tryTake} decides). */
    public int available(String sellerId) {
        return refilled(read(sellerId), clock.millis()).intValue();
    }

    /** Whole permits now and when the last one was taken (null when never). */
    public record Snapshot(int available, Instant lastTakenAt) {
    }

    public Snapshot snapshot(String sellerId) {
        Level level = read(sellerId);
        return new Snapshot(refilled(level, clock.millis()).intValue(), level.stored() ? Instant.ofEpochMilli(level.atMillis()) : null);
    }

    /** Takes one createFeed permit if there is one; false otherwise. */
    public boolean tryTake(String sellerId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Level level = read(sellerId);
            long now = Math.max(clock.millis(), level.atMillis());
            BigDecimal tokens = refilled(level, now);
            if (tokens.compareTo(BigDecimal.ONE) < 0) {
                return false;
            }
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":t", AttributeValue.fromN(tokens.subtract(BigDecimal.ONE).toPlainString()));
            values.put(":at", Attr.n(now));
            values.put(":type", Attr.s("quota"));
            String condition;
            if (level.stored()) {
                values.put(":oldAt", Attr.n(level.atMillis()));
                values.put(":oldT", AttributeValue.fromN(level.tokens().toPlainString()));
                condition = "atMillis = :oldAt AND tokens = :oldT";
            } else {
                condition = "attribute_not_exists(" + Keys.PK + ")";
            }
            try {
                dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(sellerId))
                        .updateExpression("SET tokens = :t, atMillis = :at, itemType = :type")
                        .conditionExpression(condition).expressionAttributeValues(values).build());
                return true;
            } catch (ConditionalCheckFailedException raced) {
                // another submitter spent or refilled in between: read again
            }
        }
        return false;
    }

    private BigDecimal refilled(Level level, long nowMillis) {
        if (!level.stored()) {
            return BigDecimal.valueOf(burst);
        }
        long elapsed = Math.max(0, nowMillis - level.atMillis());
        BigDecimal gained = ratePerSecond.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(1000), SCALE, RoundingMode.DOWN);
        return level.tokens().add(gained).min(BigDecimal.valueOf(burst)).setScale(SCALE, RoundingMode.DOWN);
    }

    private Level read(String sellerId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(key(sellerId))).item();
        if (item == null || item.isEmpty()) {
            return new Level(BigDecimal.ZERO, 0, false);
        }
        return new Level(new BigDecimal(item.get("tokens").n()), Long.parseLong(item.get("atMillis").n()), true);
    }

    private Map<String, AttributeValue> key(String sellerId) {
        return Keys.key(Keys.quotaPk(sellerId, operation), "QUOTA");
    }

    /** When the next permit will be available (now when one is). */
    public Instant nextPermitAt(String sellerId) {
        Level level = read(sellerId);
        BigDecimal tokens = refilled(level, clock.millis());
        if (tokens.compareTo(BigDecimal.ONE) >= 0) {
            return clock.instant();
        }
        BigDecimal missing = BigDecimal.ONE.subtract(tokens);
        long ms = missing.multiply(BigDecimal.valueOf(1000)).divide(ratePerSecond, 0, RoundingMode.UP).longValue();
        return clock.instant().plusMillis(ms);
    }
}
