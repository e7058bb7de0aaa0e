package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.port.TicketNotes;
import com.deskbridge.domain.ticket.InternalNote;
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

/** {@link TicketNotes} as items in the ticket's partition ({@code SK = N#{at}#{noteId}}, TicketKeys). */
public final class DynamoDbTicketNotes implements TicketNotes {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTicketNotes(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public void add(SellerId seller, TicketId ticket, InternalNote note, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, ItemCodec.s(TicketKeys.ticketPk(seller, ticket)));
        item.put(SK, ItemCodec.s(TicketKeys.NOTE_SK_PREFIX + TicketKeys.time(note.createdAt()) + "#" + note.noteId()));
        item.put("itemType", ItemCodec.s("note"));
        item.put("noteId", ItemCodec.s(note.noteId()));
        item.put("agentId", ItemCodec.s(note.agentId()));
        item.put("text", ItemCodec.s(note.text()));
        item.put("createdAt", ItemCodec.s(TicketKeys.time(note.createdAt())));
        item.put(ItemCodec.EXPIRES_AT, ItemCodec.n(expiresAt.getEpochSecond()));
        dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(" + PK + ")"));
    }

    @Override
    public List<InternalNote> notes(SellerId seller, TicketId ticket, Instant now) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression(PK + " = :pk AND begins_with(" + SK + ", :notes)")
                        .expressionAttributeValues(Map.of(":pk", ItemCodec.s(TicketKeys.ticketPk(seller, ticket)),
                                ":notes", ItemCodec.s(TicketKeys.NOTE_SK_PREFIX)))
                        .consistentRead(true).build())
                .items().stream().filter(i -> !ItemCodec.expired(i, now))
                .map(i -> new InternalNote(i.get("noteId").s(), i.get("agentId").s(), i.get("text").s(),
                        Instant.parse(i.get("createdAt").s())))
                .toList();
    }
}
