package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.port.TicketPresence;
import com.deskbridge.domain.ticket.Presence;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link TicketPresence} as one item per agent in the ticket's partition ({@code SK = P#{agent}}), overwritten by each
 * heartbeat. Reads keep only entries whose {@code until} lies ahead; DynamoDB TTL removes the rest later.
 */
public final class DynamoDbTicketPresence implements TicketPresence {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTicketPresence(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public void mark(SellerId seller, TicketId ticket, Presence presence) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, ItemCodec.s(TicketKeys.ticketPk(seller, ticket)));
        item.put(SK, ItemCodec.s(TicketKeys.PRESENCE_SK_PREFIX + presence.agentId()));
        item.put("itemType", ItemCodec.s("presence"));
        item.put("agentId", ItemCodec.s(presence.agentId()));
        item.put("activity", ItemCodec.s(presence.activity().name()));
        if (presence.since() != null) {
            item.put("since", ItemCodec.s(TicketKeys.time(presence.since())));
        }
        item.put("until", ItemCodec.s(TicketKeys.time(presence.until())));
        item.put(ItemCodec.EXPIRES_AT, ItemCodec.n(presence.until().getEpochSecond() + 60));
        dynamo.putItem(p -> p.tableName(table).item(item));
    }

    @Override
    public List<Presence> current(SellerId seller, TicketId ticket, Instant now) {
        return dynamo.query(QueryRequest.builder().tableName(table)
                        .keyConditionExpression(PK + " = :pk AND begins_with(" + SK + ", :p)")
                        .filterExpression("#until > :now")
                        .expressionAttributeNames(Map.of("#until", "until"))
                        .expressionAttributeValues(Map.of(":pk", ItemCodec.s(TicketKeys.ticketPk(seller, ticket)),
                                ":p", ItemCodec.s(TicketKeys.PRESENCE_SK_PREFIX), ":now", ItemCodec.s(TicketKeys.time(now))))
                        .consistentRead(true).build())
                .items().stream()
                .map(i -> new Presence(i.get("agentId").s(), Presence.Activity.valueOf(i.get("activity").s()),
                        i.containsKey("since") ? Instant.parse(i.get("since").s()) : null, Instant.parse(i.get("until").s())))
                .toList();
    }
}
