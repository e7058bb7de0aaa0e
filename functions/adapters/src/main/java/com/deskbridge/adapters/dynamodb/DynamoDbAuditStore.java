package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.audit.AuditCopy;
import com.deskbridge.audit.AuditPeriod;
import com.deskbridge.audit.AuditReport;
import com.deskbridge.audit.AuditStore;
import com.deskbridge.domain.ticket.ReplySource;
import com.deskbridge.domain.ticket.SellerId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Audit copies and audit reports in the tickets table.
 *
 * <ul>
 *   <li>Copies: {@code PK = S#{seller}#AUDIT#{2026Q3}#{bucket 0..3}}, {@code SK} = the first 16 hex digits of SHA-256 of
 *   the reply's message key (a random order, and the same key for a redelivered send: the conditional put keeps the
 *   first copy). An audit reads its seller's quarters, a few partitions, projecting no text; then it loads only the
 *   sampled copies (BatchGetItem). TTL two years after sending ({@link AuditCopy#KEEP_DAYS}).</li>
 *   <li>Sellers with copies in a quarter: {@code PK = AUDITSELLERS#{2026Q3}#{shard 0..7}}, {@code SK = seller}, put
 *   with each copy (idempotent), so the schedule finds its sellers without a scan (like the nightly SLA report's
 *   activity markers).</li>
 *   <li>Reports: {@code PK = S#{seller}#AUDITS}, {@code SK = REPORT#{id}}, the report as JSON; kept as long as the
 *   copies.</li>
 * </ul>
 */
public final class DynamoDbAuditStore implements AuditStore {
    static final int BUCKETS = 4;
    private static final Duration KEEP = Duration.ofDays(AuditCopy.KEEP_DAYS);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbAuditStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    private static String quarter(Instant at) {
        return AuditPeriod.quarterKey(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    private static String copyPk(SellerId seller, String quarter, int bucket) {
        return TicketKeys.sellerPrefix(seller) + "AUDIT#" + quarter + "#" + bucket;
    }

    private static String hashHex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, AttributeValue> copyKey(SellerId seller, String messageKey, Instant sentAt) {
        String sk = hashHex(messageKey);
        return Map.of(PK, s(copyPk(seller, quarter(sentAt), Integer.parseInt(sk.substring(0, 2), 16) % BUCKETS)),
                SK, s(sk));
    }

    @Override
    public void record(AuditCopy copy) {
        Map<String, AttributeValue> item = new HashMap<>(copyKey(copy.seller(), copy.messageKey(), copy.sentAt()));
        item.put("itemType", s("audit-copy"));
        item.put("messageKey", s(copy.messageKey()));
        put(item, "ticketId", copy.ticketId());
        put(item, "agentId", copy.agentId());
        item.put("source", s(copy.source().wireName()));
        put(item, "macroId", copy.macroId());
        put(item, "channel", copy.channel());
        put(item, "language", copy.language());
        item.put("sentAt", s(copy.sentAt().toString()));
        item.put("text", s(copy.text()));
        String expires = Long.toString(copy.sentAt().plus(KEEP).getEpochSecond());
        item.put(ItemCodec.EXPIRES_AT, AttributeValue.fromN(expires));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(" + PK + ")"));
        } catch (ConditionalCheckFailedException redelivered) {
            // kept the first copy
        }
        String q = quarter(copy.sentAt());
        dynamo.putItem(p -> p.tableName(table).item(Map.of(
                PK, s("AUDITSELLERS#" + q + "#" + Math.floorMod(copy.seller().value().hashCode(), TicketKeys.DUE_SHARDS)),
                SK, s(copy.seller().value()), "itemType", s("audit-seller"),
                ItemCodec.EXPIRES_AT, AttributeValue.fromN(expires))));
    }

    @Override
    public List<AuditCopy.SentReply> sent(SellerId seller, AuditPeriod period) {
        List<AuditCopy.SentReply> out = new ArrayList<>();
        for (String q : period.quarters()) {
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                for (Map<String, AttributeValue> item : Pages.all(dynamo, QueryRequest.builder().tableName(table)
                        .keyConditionExpression(PK + " = :pk")
                        .projectionExpression("messageKey, agentId, #source, sentAt")
                        .expressionAttributeNames(Map.of("#source", "source"))
                        .expressionAttributeValues(Map.of(":pk", s(copyPk(seller, q, bucket)))))) {
                    Instant sentAt = Instant.parse(item.get("sentAt").s());
                    if (period.contains(sentAt)) {
                        out.add(new AuditCopy.SentReply(item.get("messageKey").s(), str(item, "agentId"),
                                source(item), sentAt));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public List<AuditCopy> copies(SellerId seller, List<AuditCopy.SentReply> replies) {
        List<AuditCopy> out = new ArrayList<>();
        for (int i = 0; i < replies.size(); i += 100) {
            List<Map<String, AttributeValue>> keys = replies.subList(i, Math.min(replies.size(), i + 100)).stream()
                    .map(r -> copyKey(seller, r.messageKey(), r.sentAt())).distinct().toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(ask));
                response.responses().getOrDefault(table, List.of()).forEach(item -> out.add(copy(seller, item)));
                request = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
            }
        }
        return out;
    }

    private static AuditCopy copy(SellerId seller, Map<String, AttributeValue> item) {
        return new AuditCopy(seller, str(item, "ticketId"), item.get("messageKey").s(), str(item, "agentId"), source(item),
                str(item, "macroId"), str(item, "channel"), str(item, "language"), Instant.parse(item.get("sentAt").s()),
                item.get("text").s());
    }

    @Override
    public Set<SellerId> sellersWithCopies(String quarterKey) {
        Set<SellerId> out = new HashSet<>();
        for (int shard = 0; shard < TicketKeys.DUE_SHARDS; shard++) {
            for (Map<String, AttributeValue> item : Pages.all(dynamo, QueryRequest.builder().tableName(table)
                    .keyConditionExpression(PK + " = :pk")
                    .expressionAttributeValues(Map.of(":pk", s("AUDITSELLERS#" + quarterKey + "#" + shard))))) {
                out.add(new SellerId(item.get(SK).s()));
            }
        }
        return out;
    }

    private static String reportsPk(SellerId seller) {
        return TicketKeys.sellerPrefix(seller) + "AUDITS";
    }

    @Override
    public boolean save(SellerId seller, AuditReport report) {
        String json;
        try {
            json = JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit report not serialisable", e);
        }
        Map<String, AttributeValue> item = Map.of(PK, s(reportsPk(seller)), SK, s("REPORT#" + report.id()),
                "itemType", s("audit-report"), "createdAt", s(report.createdAt()), "report", s(json),
                ItemCodec.EXPIRES_AT, AttributeValue.fromN(Long.toString(Instant.parse(report.createdAt()).plus(KEEP)
                        .getEpochSecond())));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(" + PK + ")"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<AuditReport> report(SellerId seller, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of(PK, s(reportsPk(seller)), SK, s("REPORT#" + id)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(parse(item));
    }

    @Override
    public List<AuditReport> reports(SellerId seller) {
        List<AuditReport> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : Pages.all(dynamo, QueryRequest.builder().tableName(table)
                .consistentRead(true).keyConditionExpression(PK + " = :pk AND begins_with(" + SK + ", :r)")
                .expressionAttributeValues(Map.of(":pk", s(reportsPk(seller)), ":r", s("REPORT#"))))) {
            out.add(parse(item));
        }
        out.sort(Comparator.comparing(AuditReport::createdAt).reversed());
        return out;
    }

    private static AuditReport parse(Map<String, AttributeValue> item) {
        try {
            return JSON.readValue(item.get("report").s(), AuditReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit report is not readable", e);
        }
    }

    private static ReplySource source(Map<String, AttributeValue> item) {
        return ReplySource.fromWire(str(item, "source")).orElse(ReplySource.HAND);
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
