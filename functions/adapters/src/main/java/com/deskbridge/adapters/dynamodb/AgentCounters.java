package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.ReplySource;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Daily counters per agent and per suggested macro, written with the events they count (a reply's counters in the
 * reply's own transaction), in one partition per seller and UTC day like the first-response records
 * ({@link ResponseRecords}), so a report for a period reads exactly its days and never scans. They hold no personal
 * data (agent ids, macro ids, intents, numbers) and live for {@link ResponseRecords#KEEP}.
 *
 * <ul>
 *   <li>agent day {@code S#{seller}#AGENTDAY#{day}} / {@code A#{agent}}: {@code replies}, {@code src_{source}} per
 *       {@link ReplySource}, {@code blocked} (replies the compliance check refused before sending),
 *       {@code act_{TYPE}_requested} and {@code act_{TYPE}_{OUTCOME}} for refunds and cancellations.</li>
 *   <li>suggestion day {@code S#{seller}#SUGGDAY#{day}} / {@code {macro}#{intent}}: {@code shown} (a sendable
 *       suggestion was shown on a ticket, once per ticket and suggestion text), {@code used}, {@code edited}.</li>
 * </ul>
 */
public final class AgentCounters {
    /** Where the counters of a ticket without an intent go. */
    public static final String NO_INTENT = "NONE";
    /** The counter of replies the compliance check refused before sending. */
    public static final String BLOCKED = "blocked";
    private static final AttributeValue ONE = AttributeValue.fromN("1");

    private final DynamoDbClient dynamo;
    private final String table;

    public AgentCounters(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    /** One agent's counters on one day. */
    public record AgentDay(LocalDate day, String agentId, Map<String, Long> counts) {
        public long count(String name) {
            return counts.getOrDefault(name, 0L);
        }
    }

    /** One macro's suggestion counters for one intent on one day. */
    public record SuggestionDay(LocalDate day, String macroId, String intent, long shown, long used, long edited) {
    }

    /** The counter of replies from this source. */
    public static String sourceCounter(ReplySource source) {
        return "src_" + source.wireName().replace('-', '_');
    }

    /**
     * The counter of refunds or cancellations of this type requested ({@code outcome} "requested") or finished
     * ({@code outcome} the final state's name: COMPLETED, FAILED, REJECTED), kept on the day the action was requested,
     * so that the requests of a period and what became of them are read from the same days.
     */
    public static String actionCounter(String type, String outcome) {
        return "act_" + type + "_" + outcome;
    }

    /** Counts an agent's reply (for the reply's transaction). */
    static TransactWriteItem agentReply(String table, SellerId seller, String agentId, ReplySource source, Instant at) {
        return TransactWriteItem.builder().update(add(table, TicketKeys.agentDayPk(seller, at), "A#" + agentId,
                Map.of("agentId", agentId), at, "replies", sourceCounter(source))).build();
    }

    /**
     * One more of {@code counter} for the agent on the UTC day of {@code day}, for the caller's own transaction: a
     * refund or cancellation counted in the very write that records it ({@code requested}) or moves it to its final
     * state ({@link #actionCounter}), so a replayed request, a redelivered message or a lost race counts nothing.
     */
    public static TransactWriteItem agentCount(String table, SellerId seller, String agentId, String counter, Instant day) {
        return TransactWriteItem.builder().update(add(table, TicketKeys.agentDayPk(seller, day), "A#" + agentId,
                Map.of("agentId", agentId), day, counter)).build();
    }

    /** Counts a suggestion sent as suggested or edited (for the reply's transaction). */
    static TransactWriteItem suggestionSent(String table, SellerId seller, String macroId, String intent, boolean edited,
                                            Instant at) {
        String in = intent == null ? NO_INTENT : intent;
        return TransactWriteItem.builder().update(add(table, TicketKeys.suggestionDayPk(seller, at), macroId + "#" + in,
                Map.of("macroId", macroId, "intent", in), at, edited ? "edited" : "used")).build();
    }

    /** Counts one more of {@code counter} for the agent today (a blocked reply, a requested or finished action). */
    public void count(SellerId seller, String agentId, String counter, Instant at) {
        if (agentId == null || agentId.isBlank()) {
            return;
        }
        Update u = add(table, TicketKeys.agentDayPk(seller, at), "A#" + agentId, Map.of("agentId", agentId), at, counter);
        dynamo.updateItem(b -> b.tableName(u.tableName()).key(u.key()).updateExpression(u.updateExpression())
                .expressionAttributeNames(u.expressionAttributeNames())
                .expressionAttributeValues(u.expressionAttributeValues()));
    }

    /**
     * Counts a sendable suggestion as shown, once per ticket and suggestion: a mark on the ticket (expiring with the
     * ticket's personal data) and the day's counter, in one transaction.
     *
     * @return false when this suggestion was counted on this ticket before
     */
    public boolean shown(SellerId seller, TicketId ticket, String suggestionId, String macroId, String intent, Instant at,
                         Instant markExpiresAt) {
        String in = intent == null ? NO_INTENT : intent;
        Map<String, AttributeValue> mark = new HashMap<>();
        mark.put(PK, ItemCodec.s(TicketKeys.ticketPk(seller, ticket)));
        mark.put(SK, ItemCodec.s("SUGG#" + suggestionId));
        mark.put("itemType", ItemCodec.s("suggestionShown"));
        mark.put(ItemCodec.EXPIRES_AT, ItemCodec.n(markExpiresAt.getEpochSecond()));
        try {
            dynamo.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(mark)
                            .conditionExpression("attribute_not_exists(" + PK + ")").build()).build(),
                    TransactWriteItem.builder().update(add(table, TicketKeys.suggestionDayPk(seller, at),
                            macroId + "#" + in, Map.of("macroId", macroId, "intent", in), at, "shown")).build()));
            return true;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return false;
            }
            throw e;
        }
    }

    /** The agents' counters of the UTC days from {@code from} to {@code to}, both included. */
    public List<AgentDay> agentDays(SellerId seller, LocalDate from, LocalDate to) {
        List<AgentDay> days = new ArrayList<>();
        for (LocalDate day : days(from, to)) {
            for (Map<String, AttributeValue> item : query(TicketKeys.agentDayPk(seller, start(day)))) {
                Map<String, Long> counts = new HashMap<>();
                item.forEach((k, v) -> {
                    if (v.n() != null && !k.equals(ItemCodec.EXPIRES_AT)) {
                        counts.put(k, Long.parseLong(v.n()));
                    }
                });
                days.add(new AgentDay(day, ItemCodec.str(item, "agentId"), counts));
            }
        }
        return days;
    }

    /** The suggestion counters of the UTC days from {@code from} to {@code to}, both included. */
    public List<SuggestionDay> suggestionDays(SellerId seller, LocalDate from, LocalDate to) {
        List<SuggestionDay> days = new ArrayList<>();
        for (LocalDate day : days(from, to)) {
            for (Map<String, AttributeValue> item : query(TicketKeys.suggestionDayPk(seller, start(day)))) {
                days.add(new SuggestionDay(day, ItemCodec.str(item, "macroId"), ItemCodec.str(item, "intent"),
                        num(item, "shown"), num(item, "used"), num(item, "edited")));
            }
        }
        return days;
    }

    private List<LocalDate> days(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "must not be after to");
        }
        if (from.plusDays(ResponseRecords.MAX_PERIOD.toDays()).isBefore(to)) {
            throw new InvalidInputException("to", "a report covers at most " + ResponseRecords.MAX_PERIOD.toDays() + " days");
        }
        return from.datesUntil(to.plusDays(1)).toList();
    }

    private List<Map<String, AttributeValue>> query(String pk) {
        return Pages.all(dynamo, QueryRequest.builder().tableName(table).keyConditionExpression(PK + " = :pk")
                .expressionAttributeValues(Map.of(":pk", ItemCodec.s(pk))));
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    private static Update add(String table, String pk, String sk, Map<String, String> labels, Instant at,
                              String... counters) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET #exp = if_not_exists(#exp, :exp)");
        names.put("#exp", ItemCodec.EXPIRES_AT);
        values.put(":exp", ItemCodec.n(at.plus(ResponseRecords.KEEP).plus(Duration.ofDays(1)).getEpochSecond()));
        int i = 0;
        for (Map.Entry<String, String> label : labels.entrySet()) {
            names.put("#l" + i, label.getKey());
            values.put(":l" + i, ItemCodec.s(label.getValue()));
            set.append(", #l").append(i).append(" = :l").append(i);
            i++;
        }
        StringBuilder add = new StringBuilder(" ADD ");
        for (int c = 0; c < counters.length; c++) {
            names.put("#c" + c, counters[c]);
            add.append(c == 0 ? "" : ", ").append("#c").append(c).append(" :one");
        }
        values.put(":one", ONE);
        return Update.builder().tableName(table)
                .key(Map.of(PK, ItemCodec.s(pk), SK, ItemCodec.s(sk)))
                .updateExpression(set + add.toString())
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }
}
