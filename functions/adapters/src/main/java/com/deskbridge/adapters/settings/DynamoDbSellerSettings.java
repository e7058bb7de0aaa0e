package com.deskbridge.adapters.settings;

import com.deskbridge.domain.ticket.SellerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Seller settings in the tickets table ({@code PK = S#{seller}#CONFIG}, {@code SK = {setting}}). Reads are cached per
 * container for {@link #CACHE_FOR}, so intake does not read them for every message; a change takes effect within
 * that time (at once in the container that saved it).
 */
public final class DynamoDbSellerSettings implements SellerSettings {
    public static final Duration CACHE_FOR = Duration.ofMinutes(1);

    private record Key(SellerId seller, SellerSetting setting) {
    }

    private record Cached(Optional<String> document, Instant until) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    public DynamoDbSellerSettings(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public void save(SellerId seller, SellerSetting setting, String document, String savedBy) {
        dynamo.putItem(r -> r.tableName(table).item(Map.of(
                "PK", AttributeValue.fromS(pk(seller)),
                "SK", AttributeValue.fromS(setting.name()),
                "itemType", AttributeValue.fromS("seller-setting"),
                "document", AttributeValue.fromS(document),
                "savedBy", AttributeValue.fromS(savedBy == null ? "unknown" : savedBy),
                "savedAt", AttributeValue.fromS(clock.instant().toString()))));
        cache.remove(new Key(seller, setting));
    }

    @Override
    public Optional<String> document(SellerId seller, SellerSetting setting) {
        Key key = new Key(seller, setting);
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.document();
        }
        GetItemResponse item = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of("PK", AttributeValue.fromS(pk(seller)), "SK", AttributeValue.fromS(setting.name()))));
        Optional<String> document = item.hasItem() && item.item().containsKey("document")
                ? Optional.of(item.item().get("document").s()) : Optional.empty();
        cache.put(key, new Cached(document, now.plus(CACHE_FOR)));
        return document;
    }

    private static String pk(SellerId seller) {
        return "S#" + seller.value() + "#CONFIG";
    }
}
