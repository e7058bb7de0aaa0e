package com.deskbridge.actions;

import com.deskbridge.spapi.ShipTo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Where an order goes, as seen each time Deskbridge reads the order (enrichment when a ticket arrives or is refreshed,
 * the refund path right before validation), kept as a fingerprint only: SHA-256 over the normalised city, region,
 * postal code and country of Orders v2026 {@code recipient.deliveryAddress} (v0 {@code ShippingAddress}); no address
 * text is stored. When a read finds another fingerprint than the last one, the change time is kept, so a refund
 * shortly after an address change can raise a security event (issue 12, "Money controls": a classic pattern of
 * account takeover and refund fraud). The item expires like other personal data.
 */
public final class ShipToWatch {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public ShipToWatch(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        this.retention = Objects.requireNonNull(retention);
    }

    /**
     * Records what a read of the order saw at {@code now}.
     *
     * @return when the ship-to last changed (this read included), or empty when it never changed since first seen, or
     * the order names no ship-to
     */
    public Optional<Instant> observe(String sellerId, String orderId, Optional<ShipTo> shipTo, Instant now) {
        if (shipTo.isEmpty()) {
            return Optional.empty();
        }
        String fingerprint = fingerprint(shipTo.get());
        Map<String, AttributeValue> key = Keys.key(Keys.ledgerPk(sellerId, orderId), "SHIPTO");
        for (int attempt = 0; attempt < 3; attempt++) {
            Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(key)).item();
            String seen = item == null ? null : Attr.str(item, "fingerprint");
            Instant changedAt = item == null ? null : Attr.instant(item, "changedAt");
            if (fingerprint.equals(seen)) {
                return Optional.ofNullable(changedAt);
            }
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":fp", Attr.s(fingerprint));
            values.put(":now", Attr.s(now.toString()));
            values.put(":type", Attr.s("ship-to"));
            values.put(":exp", Attr.n(now.plus(retention).getEpochSecond()));
            String set = "SET fingerprint = :fp, observedAt = :now, itemType = :type, expiresAt = :exp";
            String condition;
            if (seen == null) {
                condition = "attribute_not_exists(fingerprint)";
            } else {
                values.put(":seen", Attr.s(seen));
                set += ", changedAt = :now";
                condition = "fingerprint = :seen";
            }
            try {
                String expression = set;
                String cond = condition;
                dynamo.updateItem(u -> u.tableName(table).key(key).updateExpression(expression).conditionExpression(cond)
                        .expressionAttributeValues(values));
                return seen == null ? Optional.empty() : Optional.of(now);
            } catch (ConditionalCheckFailedException raced) {
                // another read recorded it at the same moment: look again
            }
        }
        return Optional.empty();
    }

    static String fingerprint(ShipTo shipTo) {
        String canonical = String.join("\u001f", norm(shipTo.city()), norm(shipTo.stateOrRegion()), norm(shipTo.postalCode()),
                norm(shipTo.countryCode()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String norm(Optional<String> part) {
        return part.map(p -> p.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)).orElse("");
    }
}
