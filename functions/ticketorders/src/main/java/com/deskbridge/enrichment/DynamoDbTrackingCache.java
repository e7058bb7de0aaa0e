package com.deskbridge.enrichment;

import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.TrackingFreshness;
import com.deskbridge.logistics.TrackingSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The {@link TrackingCache} in the tickets table:
 * {@code PK = TRACK#{carrier}#{tracking number}}, {@code SK = TRACK} (no buyer data in keys). Answers are reused while
 * {@link TrackingFreshness} calls them fresh, so a second ticket about the same parcel costs no carrier call.
 *
 * <p>Parcels that can still change carry a sparse entry in the DueBySweep index: {@code GSI3PK = REFRESH#{0..7}},
 * {@code GSI3SK = {stale at}#{carrier}#{number}}. The refresh schedule reads only entries that are due, so its cost
 * grows with parcels in transit, never with tickets. Delivered parcels leave the index. A parcel that could not be
 * fetched yet (quota used up) is recorded without a snapshot, due when the quota opens again. The item also keeps
 * the tickets interested in the parcel ({@code seller|ticket|order|marketplace}, at most {@value #MAX_SUBSCRIBERS})
 * and our fetch times of the last day (DHL allows at most 10 per shipment per day, https://support-developer.dhl.com/en/support/solutions/articles/47001248773).
 * Items expire 90 days after the last observation (DHL purges numbers after about 90 days, https://support-developer.dhl.com/support/solutions/folders/47000779436/page/2).
 */
public final class DynamoDbTrackingCache implements TrackingCache {

    static final int SHARDS = 8;
    static final int MAX_SUBSCRIBERS = 50;
    static final Duration KEEP = Duration.ofDays(90);
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final TrackingFreshness freshness;

    public DynamoDbTrackingCache(DynamoDbClient dynamo, String table, Clock clock, TrackingFreshness freshness) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        this.clock = Objects.requireNonNull(clock);
        this.freshness = Objects.requireNonNull(freshness);
    }

    @Override
    public TrackingFreshness freshness() {
        return freshness;
    }

    private static String encode(Subscriber s) {
        return s.sellerId() + "|" + s.ticketId() + "|" + s.orderId() + "|" + (s.marketplaceId() == null ? "" : s.marketplaceId());
    }

    private static Subscriber decode(String s) {
        String[] p = s.split("\\|", -1);
        return new Subscriber(p[0], p[1], p[2], p.length > 3 && !p[3].isEmpty() ? p[3] : null);
    }

    @Override
    public Optional<Entry> get(Carrier carrier, String trackingNumber) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(key(carrier, trackingNumber))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(entry(item, clock.instant()));
    }

    /** Stores a fresh answer, counts the fetch and adds {@code subscriber}. */
    @Override
    public void put(TrackingSnapshot s, String source, Subscriber subscriber) {
        Instant now = clock.instant();
        List<Instant> fetches = get(s.carrier(), s.trackingNumber()).map(Entry::fetchesLastDay).orElse(List.of());
        List<Instant> kept = new ArrayList<>(fetches.stream().filter(t -> t.isAfter(now.minus(Duration.ofDays(1)))).toList());
        kept.add(now);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":type", AttributeValue.fromS("tracking-cache"));
        values.put(":carrier", AttributeValue.fromS(s.carrier().name()));
        values.put(":number", AttributeValue.fromS(s.trackingNumber()));
        values.put(":source", AttributeValue.fromS(source));
        values.put(":snap", AttributeValue.fromS(SnapshotJson.write(s)));
        values.put(":status", AttributeValue.fromS(s.status().tag()));
        values.put(":refreshed", AttributeValue.fromS(now.toString()));
        values.put(":fetches", AttributeValue.fromL(kept.stream().map(t -> AttributeValue.fromS(t.toString())).toList()));
        values.put(":exp", AttributeValue.fromN(Long.toString(now.plus(KEEP).getEpochSecond())));
        values.put(":sub", AttributeValue.fromSs(List.of(encode(subscriber))));
        String set = "SET itemType = :type, carrier = :carrier, trackingNumber = :number, #source = :source, "
                + "trackingSnapshot = :snap, trackingStatus = :status, lastRefreshedAt = :refreshed, fetches = :fetches, expiresAt = :exp";
        Optional<Instant> staleAt = s.status().terminal() ? Optional.empty() : freshness.staleAt(s.status(), s.observedAt());
        String update;
        if (staleAt.isPresent()) {
            values.put(":gpk", AttributeValue.fromS("REFRESH#" + shard(s.carrier(), s.trackingNumber())));
            values.put(":gsk", AttributeValue.fromS(indexSk(staleAt.get(), s.carrier(), s.trackingNumber())));
            update = set + ", GSI3PK = :gpk, GSI3SK = :gsk ADD subscribers :sub";
        } else {
            update = set + " ADD subscribers :sub REMOVE GSI3PK, GSI3SK";
        }
        dynamo.updateItem(u -> u.tableName(table).key(key(s.carrier(), s.trackingNumber())).updateExpression(update)
                .expressionAttributeNames(Map.of("#source", "source")).expressionAttributeValues(values));
    }

    /**
     * Records a parcel we could not fetch yet (quota used up), due for the refresh schedule at {@code dueAt}; keeps
     * any snapshot already cached.
     */
    @Override
    public void defer(Carrier carrier, String trackingNumber, String source, Subscriber subscriber, Instant dueAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":type", AttributeValue.fromS("tracking-cache"));
        values.put(":carrier", AttributeValue.fromS(carrier.name()));
        values.put(":number", AttributeValue.fromS(trackingNumber));
        values.put(":source", AttributeValue.fromS(source));
        values.put(":exp", AttributeValue.fromN(Long.toString(clock.instant().plus(KEEP).getEpochSecond())));
        values.put(":sub", AttributeValue.fromSs(List.of(encode(subscriber))));
        values.put(":gpk", AttributeValue.fromS("REFRESH#" + shard(carrier, trackingNumber)));
        values.put(":gsk", AttributeValue.fromS(indexSk(dueAt, carrier, trackingNumber)));
        dynamo.updateItem(u -> u.tableName(table).key(key(carrier, trackingNumber))
                .updateExpression("SET itemType = :type, carrier = :carrier, trackingNumber = :number, #source = :source, "
                        + "expiresAt = :exp, GSI3PK = :gpk, GSI3SK = :gsk ADD subscribers :sub")
                .expressionAttributeNames(Map.of("#source", "source")).expressionAttributeValues(values));
    }

    /** Adds a ticket to a parcel's subscribers (a cache hit for a new ticket). */
    @Override
    public void subscribe(Carrier carrier, String trackingNumber, Subscriber subscriber) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(carrier, trackingNumber))
                    .updateExpression("ADD subscribers :sub").conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":sub", AttributeValue.fromSs(List.of(encode(subscriber))))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException expired) {
            // the entry expired (TTL) since it was read: the next fetch records the ticket again
        }
    }

    /** Moves a parcel's refresh-index entry to {@code until} (it is being refreshed; do not pick it again meanwhile). */
    @Override
    public void postpone(Carrier carrier, String trackingNumber, Instant until) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(carrier, trackingNumber))
                    .updateExpression("SET GSI3SK = :gsk").conditionExpression("attribute_exists(GSI3PK)")
                    .expressionAttributeValues(Map.of(":gsk", AttributeValue.fromS(indexSk(until, carrier, trackingNumber)))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException delivered) {
            // the parcel left the index meanwhile (delivered): nothing to postpone
        }
    }

    /** Parcels whose refresh is due at {@code now}, at most {@code limit}, read from the sparse refresh index. */
    @Override
    public List<Entry> due(Instant now, int limit) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int shard = 0; shard < SHARDS && keys.size() < limit; shard++) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName("DueBySweep")
                        .keyConditionExpression("GSI3PK = :pk AND GSI3SK <= :upto")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("REFRESH#" + shard),
                                ":upto", AttributeValue.fromS(SORTABLE.format(now) + "#~")))
                        .limit(limit - keys.size()).exclusiveStartKey(start).build());
                page.items().forEach(i -> keys.add(Map.of("PK", i.get("PK"), "SK", i.get("SK"))));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && keys.size() < limit);
        }
        List<Entry> entries = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + 100))).build());
            while (request != null && !request.isEmpty()) {
                Map<String, KeysAndAttributes> ask = request;
                var response = dynamo.batchGetItem(b -> b.requestItems(ask));
                response.responses().getOrDefault(table, List.of()).forEach(i -> entries.add(entry(i, now)));
                request = response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty() ? response.unprocessedKeys() : null;
            }
        }
        return entries;
    }

    private static Map<String, AttributeValue> key(Carrier carrier, String trackingNumber) {
        return Map.of("PK", AttributeValue.fromS("TRACK#" + carrier.name() + "#" + trackingNumber),
                "SK", AttributeValue.fromS("TRACK"));
    }

    private static int shard(Carrier carrier, String number) {
        return Math.floorMod((carrier.name() + "#" + number).hashCode(), SHARDS);
    }

    private static String indexSk(Instant at, Carrier carrier, String number) {
        return SORTABLE.format(at) + "#" + carrier.name() + "#" + number;
    }

    private static Entry entry(Map<String, AttributeValue> item, Instant now) {
        Optional<TrackingSnapshot> snapshot = item.containsKey("trackingSnapshot")
                ? Optional.of(SnapshotJson.read(item.get("trackingSnapshot").s())) : Optional.empty();
        List<Instant> fetches = item.containsKey("fetches") ? item.get("fetches").l().stream()
                .map(a -> Instant.parse(a.s())).filter(t -> t.isAfter(now.minus(Duration.ofDays(1)))).toList() : List.of();
        Set<String> subs = item.containsKey("subscribers") ? new LinkedHashSet<>(item.get("subscribers").ss()) : Set.of();
        List<Subscriber> subscribers = subs.stream().sorted().limit(MAX_SUBSCRIBERS).map(DynamoDbTrackingCache::decode).toList();
        Instant dueAt = null;
        if (item.containsKey("GSI3SK")) {
            String sk = item.get("GSI3SK").s();
            dueAt = Instant.parse(sk.substring(0, sk.indexOf('#')));
        }
        return new Entry(Carrier.valueOf(item.get("carrier").s()), item.get("trackingNumber").s(),
                item.containsKey("source") ? item.get("source").s() : "carrier", snapshot,
                item.containsKey("lastRefreshedAt") ? Instant.parse(item.get("lastRefreshedAt").s()) : null,
                fetches, dueAt, subscribers);
    }
}
