package com.deskbridge.actions;

import static com.deskbridge.actions.Keys.GSI3PK;
import static com.deskbridge.actions.Keys.GSI3SK;

import java.time.Instant;
import java.util.ArrayList;
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
 * {@link FeedQueue} as the sparse, write-sharded queue index of the tickets table (GSI3 {@code ACTQ#{shard}}, sort key
 * {@code {requestedAt}#{seller}#{ticket}#{actionId}}).
 */
final class DynamoDbFeedQueue implements FeedQueue {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbFeedQueue(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public List<QueuedRef> queued(int limit) {
        List<QueuedRef> out = new ArrayList<>();
        for (int shard = 0; shard < Keys.SHARDS && out.size() < limit; shard++) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(Keys.GSI3)
                        .keyConditionExpression(GSI3PK + " = :p").expressionAttributeValues(Map.of(":p", Attr.s(Keys.queuePk(shard))))
                        .exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> i : page.items()) {
                    String[] parts = Attr.str(i, GSI3SK).split("#", 4);
                    out.add(new QueuedRef(parts[1], parts[2], parts[3]));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && out.size() < limit);
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Override
    public boolean claim(QueuedRef ref, String attemptId, Instant now) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(ActionItems.actionKey(ref.sellerId(), ref.ticketId(), ref.actionId()))
                    .updateExpression("SET feedAttemptId = :att, updatedAt = :now REMOVE " + GSI3PK + ", " + GSI3SK)
                    .conditionExpression("#st = :q AND attribute_not_exists(feedAttemptId)")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(Map.of(":att", Attr.s(attemptId), ":now", Attr.s(now.toString()),
                            ":q", Attr.s(ActionState.QUEUED.name())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean release(OrderAction a, String attemptId, Instant now) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(ActionItems.actionKey(a.sellerId(), a.ticketId(), a.actionId()))
                    .updateExpression("SET " + GSI3PK + " = :qp, " + GSI3SK + " = :qs, updatedAt = :now REMOVE feedAttemptId")
                    .conditionExpression("#st = :q AND feedAttemptId = :att")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(Map.of(":att", Attr.s(attemptId), ":now", Attr.s(now.toString()),
                            ":q", Attr.s(ActionState.QUEUED.name()), ":qp", Attr.s(Keys.queuePk(Keys.shard(a.actionId()))),
                            ":qs", Attr.s(ActionItems.queueSk(a))))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
