package com.deskbridge.actions;

import static com.deskbridge.actions.Keys.GSI3PK;
import static com.deskbridge.actions.Keys.GSI3SK;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link ConfirmationIndex} as a sparse, write-sharded index of the tickets table (GSI3 {@code CHCONF#{shard}}, sort
 * key {@code {dueAt}#{submittedAt}#{seller}#{ticket}#{actionId}}), queried, never scanned.
 */
final class DynamoDbConfirmationIndex implements ConfirmationIndex {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbConfirmationIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    /**
     * Transition {@code fields} as stored: the schedule's {@link #DUE_AT} and {@link #SUBMITTED_AT} become the index
     * keys of {@code a}; the other fields are kept as they are.
     */
    static Map<String, String> stored(OrderAction a, Map<String, String> fields) {
        if (!fields.containsKey(DUE_AT)) {
            return fields;
        }
        Map<String, String> stored = new HashMap<>(fields);
        Instant dueAt = Instant.parse(stored.remove(DUE_AT));
        Instant submittedAt = Instant.parse(stored.remove(SUBMITTED_AT));
        stored.put(GSI3PK, Keys.confirmPk(Keys.shard(a.actionId())));
        stored.put(GSI3SK, sortKey(a.sellerId(), a.ticketId(), a.actionId(), dueAt, submittedAt));
        return stored;
    }

    private static String sortKey(String sellerId, String ticketId, String actionId, Instant dueAt, Instant submittedAt) {
        return Keys.time(dueAt) + "#" + Keys.time(submittedAt) + "#" + sellerId + "#" + ticketId + "#" + actionId;
    }

    @Override
    public List<ConfirmationRef> due(Instant now, int limit) {
        List<ConfirmationRef> out = new ArrayList<>();
        String bound = Keys.time(now) + "$"; // every key whose due time is at or before now ('#' < '$')
        for (int shard = 0; shard < Keys.SHARDS && out.size() < limit; shard++) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(Keys.GSI3)
                        .keyConditionExpression(GSI3PK + " = :p AND " + GSI3SK + " < :b")
                        .expressionAttributeValues(Map.of(":p", Attr.s(Keys.confirmPk(shard)), ":b", Attr.s(bound)))
                        .limit(limit).exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> i : page.items()) {
                    String sk = Attr.str(i, GSI3SK);
                    String[] parts = sk.split("#", 5);
                    out.add(new ConfirmationRef(parts[2], parts[3], parts[4], Instant.parse(parts[0]), Instant.parse(parts[1]), sk));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && out.size() < limit);
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Override
    public boolean claim(ConfirmationRef ref, Instant nextDue) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(ActionItems.actionKey(ref.sellerId(), ref.ticketId(), ref.actionId()))
                    .updateExpression("SET " + GSI3SK + " = :next")
                    .conditionExpression(GSI3SK + " = :seen AND #st IN (:s, :a)")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(Map.of(":seen", Attr.s(ref.sortKey()),
                            ":next", Attr.s(sortKey(ref.sellerId(), ref.ticketId(), ref.actionId(), nextDue, ref.submittedAt())),
                            ":s", Attr.s(ActionState.SUBMITTED.name()), ":a", Attr.s(ActionState.ATTENTION_REQUIRED.name())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void drop(ConfirmationRef ref) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(ActionItems.actionKey(ref.sellerId(), ref.ticketId(), ref.actionId()))
                    .updateExpression("REMOVE " + GSI3PK + ", " + GSI3SK)
                    .conditionExpression(GSI3PK + " = :p")
                    .expressionAttributeValues(Map.of(":p", Attr.s(Keys.confirmPk(Keys.shard(ref.actionId())))))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            // already off the schedule
        }
    }
}
