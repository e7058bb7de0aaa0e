package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI1PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.port.ResponseLog;
import com.deskbridge.domain.sla.ResponseRecord;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketStatus;
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
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * First-response records: one item per answered waiting period, written in the reply's transaction, in a partition
 * per seller and day of the buyer's message ({@code S#{seller}#RESP#{yyyy-MM-dd}}), so a report for a period reads
 * exactly its days. They hold no personal data (times, channel, agent id) and live for {@link #KEEP}.
 */
public final class ResponseRecords implements ResponseLog {
    /** How long response records are kept: a year of metrics plus a month of slack. */
    static final Duration KEEP = Duration.ofDays(400);
    /** The longest period one report may cover. */
    public static final Duration MAX_PERIOD = Duration.ofDays(92);

    private final DynamoDbClient dynamo;
    private final String table;

    public ResponseRecords(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    static Map<String, AttributeValue> item(SellerId seller, TicketId ticket, String channel, Instant receivedAt,
                                            Instant firstResponseAt, String agentId) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(TicketKeys.responsePk(seller, receivedAt)));
        item.put(SK, AttributeValue.fromS(TicketKeys.time(receivedAt) + "#" + ticket.value()));
        item.put("itemType", AttributeValue.fromS("response"));
        item.put("ticketId", AttributeValue.fromS(ticket.value()));
        item.put("channel", AttributeValue.fromS(channel));
        item.put("receivedAt", AttributeValue.fromS(TicketKeys.time(receivedAt)));
        item.put("firstResponseAt", AttributeValue.fromS(TicketKeys.time(firstResponseAt)));
        item.put("responseSeconds", AttributeValue.fromN(Long.toString(Duration.between(receivedAt, firstResponseAt).toSeconds())));
        if (agentId != null) {
            item.put("agentId", AttributeValue.fromS(agentId));
        }
        item.put(ItemCodec.EXPIRES_AT, AttributeValue.fromN(Long.toString(firstResponseAt.plus(KEEP).getEpochSecond())));
        return item;
    }

    @Override
    public List<ResponseRecord> responses(SellerId seller, Instant from, Instant to, Instant now) {
        if (!from.isBefore(to)) {
            throw new InvalidInputException("from", "must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new InvalidInputException("to", "a report covers at most " + MAX_PERIOD.toDays() + " days");
        }
        List<ResponseRecord> records = new ArrayList<>();
        String lower = TicketKeys.time(from);
        String upper = TicketKeys.time(to);
        for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); !day.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(to.minusNanos(1));
             day = day.plusDays(1)) {
            String pk = TicketKeys.responsePk(seller, day.atStartOfDay(ZoneOffset.UTC).toInstant());
            for (Map<String, AttributeValue> item : Pages.all(dynamo, QueryRequest.builder().tableName(table)
                    .keyConditionExpression(PK + " = :pk AND " + SK + " BETWEEN :lo AND :hi")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                            ":lo", AttributeValue.fromS(lower), ":hi", AttributeValue.fromS(upper))))) {
                if (item.get(SK).s().compareTo(upper) >= 0) {
                    continue; // the bound is exclusive
                }
                records.add(new ResponseRecord(Instant.parse(item.get("receivedAt").s()),
                        Instant.parse(item.get("firstResponseAt").s()), Channel.parse(item.get("channel").s(), "channel"),
                        item.containsKey("agentId") ? item.get("agentId").s() : null));
            }
        }
        // Still waiting: the open tickets whose waiting period began in the range.
        for (Map<String, AttributeValue> item : Pages.all(dynamo, QueryRequest.builder().tableName(table)
                .indexName(TicketKeys.BY_STATUS)
                .keyConditionExpression(GSI1PK + " = :pk")
                .filterExpression("awaitingReplySince >= :lo AND awaitingReplySince < :hi")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TicketKeys.statusPk(seller, TicketStatus.OPEN)),
                        ":lo", AttributeValue.fromS(lower), ":hi", AttributeValue.fromS(upper))))) {
            records.add(new ResponseRecord(Instant.parse(item.get("awaitingReplySince").s()), null,
                    Channel.parse(item.get("channel").s(), "channel"), null));
        }
        return records;
    }

}
