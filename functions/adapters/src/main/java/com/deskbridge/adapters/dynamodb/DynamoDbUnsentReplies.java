package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI3PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI3SK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.port.UnsentReplies;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link UnsentReplies} on the sparse send index (GSI3 {@code SEND#{shard}}, sort key {@code {recorded}#{ticket}#{key}}):
 * a reply is in it from recording until it is SENT or FAILED. The index keys name the reply; its state is read from
 * the reply item itself (consistent), so a reply sent a moment ago is not picked up.
 */
public final class DynamoDbUnsentReplies implements UnsentReplies {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbUnsentReplies(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public List<UnsentReply> recordedBefore(Instant cutoff, int limit) {
        List<UnsentReply> found = new ArrayList<>();
        for (int shard = 0; shard < TicketKeys.DUE_SHARDS; shard++) {
            List<Map<String, AttributeValue>> keys = dynamo.query(QueryRequest.builder().tableName(table)
                    .indexName(TicketKeys.DUE_BY_SWEEP)
                    .keyConditionExpression(GSI3PK + " = :pk AND " + GSI3SK + " < :cutoff")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TicketKeys.sendPk(shard)),
                            ":cutoff", AttributeValue.fromS(TicketKeys.time(cutoff))))
                    .limit(limit).build()).items();
            for (Map<String, AttributeValue> key : keys) {
                String[] parts = key.get(GSI3SK).s().split("#");
                SellerId seller = new SellerId(key.get("sellerId").s());
                TicketId ticket = new TicketId(parts[1]);
                Map<String, AttributeValue> reply = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                        .key(Map.of(PK, AttributeValue.fromS(key.get(PK).s()), SK, AttributeValue.fromS(key.get(SK).s())))).item();
                if (reply == null || !reply.containsKey("sendStatus")) {
                    continue;
                }
                SendStatus status = SendStatus.valueOf(reply.get("sendStatus").s());
                if (status == SendStatus.SENT || status == SendStatus.FAILED) {
                    continue;
                }
                Instant recorded = Instant.parse(parts[0]);
                Instant since = reply.containsKey("sendUpdatedAt") ? Instant.parse(reply.get("sendUpdatedAt").s()) : recorded;
                found.add(new UnsentReply(seller, ticket, parts[2], status, recorded, since));
            }
        }
        found.sort(Comparator.comparing(UnsentReply::recordedAt));
        return found.size() > limit ? found.subList(0, limit) : found;
    }
}
