package com.deskbridge.actions;

import com.deskbridge.channels.ActionAttempts;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link ActionAttempts} in the tickets table: one item per (seller, channel idempotency key), written with a
 * conditional put before the request leaves (first writer wins across every container), completed with the channel's
 * id once it answered. Kept {@link #RETENTION} (an eBay refund's outcome is known within days).
 */
public final class DynamoDbActionAttempts implements ActionAttempts {

    static final Duration RETENTION = Duration.ofDays(90);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbActionAttempts(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public Optional<Attempt> find(String sellerId, String idempotencyKey) {
        Map<String, AttributeValue> i = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Keys.key(Keys.channelAttemptPk(sellerId, idempotencyKey), "ATTEMPT"))).item();
        if (i == null || i.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue known = i.get("knownBefore");
        return Optional.of(new Attempt(sellerId, idempotencyKey, Attr.str(i, "orderId"), Attr.str(i, "kind"),
                Attr.str(i, "fingerprint"), known == null || known.l() == null ? Set.of()
                : new HashSet<>(known.l().stream().map(AttributeValue::s).toList()), Attr.str(i, "request"),
                Attr.instant(i, "startedAt"), Attr.str(i, "externalId")));
    }

    @Override
    public boolean begin(Attempt a) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.channelAttemptPk(a.sellerId(), a.idempotencyKey()), "ATTEMPT"));
        item.put("itemType", Attr.s("channel-attempt"));
        item.put("orderId", Attr.s(a.orderId()));
        item.put("kind", Attr.s(a.kind()));
        item.put("fingerprint", Attr.s(a.fingerprint()));
        item.put("knownBefore", AttributeValue.fromL(a.knownBefore().stream().map(Attr::s).toList()));
        item.put("startedAt", Attr.s(a.startedAt().toString()));
        item.put(Keys.EXPIRES_AT, Attr.n(a.startedAt().plus(RETENTION).getEpochSecond()));
        Attr.putIfPresent(item, "request", a.request());
        Attr.putIfPresent(item, "externalId", a.externalId());
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(" + Keys.PK + ")"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void complete(String sellerId, String idempotencyKey, String externalId) {
        if (externalId == null) {
            return;
        }
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Keys.key(Keys.channelAttemptPk(sellerId, idempotencyKey), "ATTEMPT"))
                    .updateExpression("SET externalId = :e").conditionExpression("attribute_exists(" + Keys.PK + ")")
                    .expressionAttributeValues(Map.of(":e", Attr.s(externalId))));
        } catch (ConditionalCheckFailedException e) {
            // no attempt under this key: nothing to complete
        }
    }
}
