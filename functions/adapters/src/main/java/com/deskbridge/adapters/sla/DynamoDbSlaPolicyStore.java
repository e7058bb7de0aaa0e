package com.deskbridge.adapters.sla;

import com.deskbridge.domain.sla.SlaPolicies;
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
 * A seller's SLA policy in the tickets table ({@code PK = S#{seller}#CONFIG}, {@code SK = SLA_POLICY}), kept as the
 * validated JSON document. Reads are cached per container for {@link #CACHE_FOR}, so intake does not read the policy
 * for every message; a change takes effect within that time.
 */
public final class DynamoDbSlaPolicyStore implements SlaPolicyStore {
    public static final Duration CACHE_FOR = Duration.ofMinutes(1);
    private static final String SK = "SLA_POLICY";

    private record Cached(Optional<String> document, Instant until) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final SlaPolicyJson json = new SlaPolicyJson();
    private final Map<SellerId, Cached> cache = new ConcurrentHashMap<>();

    public DynamoDbSlaPolicyStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public SlaPolicies save(SellerId seller, String document, String savedBy) {
        SlaPolicies parsed = json.parse(document);
        dynamo.putItem(r -> r.tableName(table).item(Map.of(
                "PK", AttributeValue.fromS(pk(seller)),
                "SK", AttributeValue.fromS(SK),
                "itemType", AttributeValue.fromS("sla-policy"),
                "document", AttributeValue.fromS(document),
                "savedBy", AttributeValue.fromS(savedBy == null ? "unknown" : savedBy),
                "savedAt", AttributeValue.fromS(clock.instant().toString()))));
        cache.remove(seller);
        return parsed;
    }

    @Override
    public Optional<String> document(SellerId seller) {
        Instant now = clock.instant();
        Cached cached = cache.get(seller);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.document();
        }
        GetItemResponse item = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of("PK", AttributeValue.fromS(pk(seller)), "SK", AttributeValue.fromS(SK))));
        Optional<String> document = item.hasItem() && item.item().containsKey("document")
                ? Optional.of(item.item().get("document").s()) : Optional.empty();
        cache.put(seller, new Cached(document, now.plus(CACHE_FOR)));
        return document;
    }

    /** The seller's policies, or {@code fallback} when it stored none. */
    public SlaPolicies policiesFor(SellerId seller, SlaPolicies fallback) {
        return document(seller).map(json::parse).orElse(fallback);
    }

    private static String pk(SellerId seller) {
        return "S#" + seller.value() + "#CONFIG";
    }
}
