package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.port.SlaMetricsArchive;
import com.deskbridge.domain.sla.ResponseReport;
import com.deskbridge.domain.sla.ResponseStats;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.SellerId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link SlaMetricsArchive} in the tickets table. Activity markers {@code ACTIVE#{day}#{shard}} / {@code {seller}} are
 * written with every buyer message (in intake's transaction) and every reply, so the nightly job lists the day's
 * sellers without scanning; they expire after {@link #MARKER_KEEP}. Reports live under {@code S#{seller}#METRICS} /
 * {@code DAY#{yyyy-MM-dd}} for {@link #REPORT_KEEP} and hold counts, times and agent ids only.
 */
public final class DynamoDbSlaMetricsArchive implements SlaMetricsArchive {
    static final Duration MARKER_KEEP = Duration.ofDays(40);
    static final Duration REPORT_KEEP = Duration.ofDays(800);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbSlaMetricsArchive(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    /** The activity marker for a seller at an instant (an idempotent put; many per day cost nothing more). */
    static Put activityMarker(String table, SellerId seller, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return Put.builder().tableName(table).item(Map.of(
                PK, AttributeValue.fromS(activePk(day, Math.floorMod(seller.value().hashCode(), TicketKeys.DUE_SHARDS))),
                SK, AttributeValue.fromS(seller.value()),
                "itemType", AttributeValue.fromS("seller-activity"),
                ItemCodec.EXPIRES_AT, AttributeValue.fromN(Long.toString(at.plus(MARKER_KEEP).getEpochSecond()))))
                .build();
    }

    private static String activePk(LocalDate day, int shard) {
        return "ACTIVE#" + day + "#" + shard;
    }

    @Override
    public Set<SellerId> activeOn(LocalDate day) {
        Set<SellerId> sellers = new LinkedHashSet<>();
        for (int shard = 0; shard < TicketKeys.DUE_SHARDS; shard++) {
            for (Map<String, AttributeValue> item : Pages.all(dynamo, QueryRequest.builder().tableName(table)
                    .keyConditionExpression(PK + " = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(activePk(day, shard)))))) {
                sellers.add(new SellerId(item.get(SK).s()));
            }
        }
        return sellers;
    }

    @Override
    public void save(SellerId seller, LocalDate day, ResponseReport report) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(TicketKeys.sellerPrefix(seller) + "METRICS"));
        item.put(SK, AttributeValue.fromS("DAY#" + day));
        item.put("itemType", AttributeValue.fromS("sla-metrics"));
        item.put("overall", stats(report.overall()));
        Map<String, AttributeValue> channels = new HashMap<>();
        report.byChannel().forEach((c, s) -> channels.put(c.wireName(), stats(s)));
        item.put("byChannel", AttributeValue.fromM(channels));
        Map<String, AttributeValue> agents = new HashMap<>();
        report.byAgent().forEach((a, s) -> agents.put(a, stats(s)));
        item.put("byAgent", AttributeValue.fromM(agents));
        item.put(ItemCodec.EXPIRES_AT, AttributeValue.fromN(Long.toString(
                day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(REPORT_KEEP).getEpochSecond())));
        dynamo.putItem(p -> p.tableName(table).item(item));
    }

    @Override
    public List<DailyReport> days(SellerId seller, LocalDate from, LocalDate to) {
        List<DailyReport> days = new ArrayList<>();
        for (Map<String, AttributeValue> item : Pages.all(dynamo, QueryRequest.builder().tableName(table)
                .keyConditionExpression(PK + " = :pk AND " + SK + " BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TicketKeys.sellerPrefix(seller) + "METRICS"),
                        ":from", AttributeValue.fromS("DAY#" + from), ":to", AttributeValue.fromS("DAY#" + to))))) {
            Map<Channel, ResponseStats> channels = new EnumMap<>(Channel.class);
            item.get("byChannel").m().forEach((c, s) -> channels.put(Channel.parse(c, "channel"), stats(s)));
            Map<String, ResponseStats> agents = new TreeMap<>();
            item.get("byAgent").m().forEach((a, s) -> agents.put(a, stats(s)));
            days.add(new DailyReport(LocalDate.parse(item.get(SK).s().substring(4)),
                    new ResponseReport(stats(item.get("overall")), channels, agents)));
        }
        return days;
    }

    private static AttributeValue stats(ResponseStats s) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("messages", n(s.messages()));
        m.put("answered", n(s.answered()));
        m.put("pending", n(s.pending()));
        m.put("answeredWithin24h", n(s.answeredWithin24h()));
        m.put("breaches", n(s.breaches()));
        s.shareWithin24h().ifPresent(v -> m.put("shareWithin24h", AttributeValue.fromN(Double.toString(v))));
        s.averageFirstResponse().ifPresent(d -> m.put("averageMillis", n(d.toMillis())));
        s.p90FirstResponse().ifPresent(d -> m.put("p90Millis", n(d.toMillis())));
        return AttributeValue.fromM(m);
    }

    private static ResponseStats stats(AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        return new ResponseStats(i(m, "messages"), i(m, "answered"), i(m, "pending"), i(m, "answeredWithin24h"),
                i(m, "breaches"),
                m.containsKey("shareWithin24h") ? OptionalDouble.of(Double.parseDouble(m.get("shareWithin24h").n())) : OptionalDouble.empty(),
                m.containsKey("averageMillis") ? Optional.of(Duration.ofMillis(Long.parseLong(m.get("averageMillis").n()))) : Optional.empty(),
                m.containsKey("p90Millis") ? Optional.of(Duration.ofMillis(Long.parseLong(m.get("p90Millis").n()))) : Optional.empty());
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    private static int i(Map<String, AttributeValue> m, String name) {
        return Integer.parseInt(m.get(name).n());
    }
}
