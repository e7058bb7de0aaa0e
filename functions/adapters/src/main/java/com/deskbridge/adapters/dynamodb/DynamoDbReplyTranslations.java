package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.translation.ReplyTranslation;
import com.deskbridge.translation.ReplyTranslations;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link ReplyTranslations} as items in the ticket's partition ({@code SK = RT#{messageKey}}): both texts of a reply
 * written in the agent's language, with {@code expiresAt} like the reply's own personal data. Written before the reply
 * is recorded; a retry of a recorded reply reuses it (TranslationDesk).
 */
public final class DynamoDbReplyTranslations implements ReplyTranslations {
    static final String SK_PREFIX = "RT#";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbReplyTranslations(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public void save(String sellerId, String ticketId, ReplyTranslation t, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, ItemCodec.s(pk(sellerId, ticketId)));
        item.put(SK, ItemCodec.s(SK_PREFIX + t.messageKey()));
        item.put("itemType", ItemCodec.s("reply-translation"));
        item.put("messageKey", ItemCodec.s(t.messageKey()));
        if (t.agentId() != null) {
            item.put("agentId", ItemCodec.s(t.agentId()));
        }
        item.put("agentText", ItemCodec.s(t.agentText()));
        item.put("agentLanguage", ItemCodec.s(t.agentLanguage()));
        item.put("sentText", ItemCodec.s(t.sentText()));
        item.put("sentLanguage", ItemCodec.s(t.sentLanguage()));
        item.put("method", ItemCodec.s(t.method().wireName()));
        if (t.note() != null) {
            item.put("note", ItemCodec.s(t.note()));
        }
        item.put("recordedAt", ItemCodec.s(t.recordedAt().toString()));
        item.put(ItemCodec.EXPIRES_AT, ItemCodec.n(expiresAt.getEpochSecond()));
        dynamo.putItem(p -> p.tableName(table).item(item));
    }

    @Override
    public List<ReplyTranslation> list(String sellerId, String ticketId, Instant now) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression(PK + " = :pk AND begins_with(" + SK + ", :rt)")
                        .expressionAttributeValues(Map.of(":pk", ItemCodec.s(pk(sellerId, ticketId)),
                                ":rt", ItemCodec.s(SK_PREFIX)))
                        .consistentRead(true).build())
                .items().stream().filter(i -> !ItemCodec.expired(i, now)).map(DynamoDbReplyTranslations::translation)
                .sorted(java.util.Comparator.comparing(ReplyTranslation::recordedAt)).toList();
    }

    private static String pk(String sellerId, String ticketId) {
        return TicketKeys.ticketPk(new SellerId(sellerId), new TicketId(ticketId));
    }

    private static ReplyTranslation translation(Map<String, AttributeValue> i) {
        return new ReplyTranslation(i.get("messageKey").s(), ItemCodec.str(i, "agentId"), i.get("agentText").s(),
                i.get("agentLanguage").s(), i.get("sentText").s(), i.get("sentLanguage").s(),
                ReplyTranslation.Method.parse(i.get("method").s()), ItemCodec.str(i, "note"),
                Instant.parse(i.get("recordedAt").s()));
    }
}
