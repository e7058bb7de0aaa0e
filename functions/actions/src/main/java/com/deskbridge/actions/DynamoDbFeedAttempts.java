package com.deskbridge.actions;

import static com.deskbridge.actions.Keys.GSI3PK;
import static com.deskbridge.actions.Keys.GSI3SK;
import static com.deskbridge.actions.Keys.PK;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link FeedAttempts} in the tickets table: {@link FeedAttempt}s and the Amazon-feed-id pointer to them in the tickets table ({@link Keys}). Open attempts carry
 * the sparse GSI3 entry {@code FEEDS#{shard}} so recovery and the poller find them without a scan. Every status change
 * is conditional on the status read, so exactly one submitter wins each step.
 */
public final class DynamoDbFeedAttempts implements FeedAttempts {

    private static final String SK = "FEEDATTEMPT";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbFeedAttempts(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public void create(FeedAttempt a) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.attemptPk(a.sellerId(), a.attemptId()), SK));
        item.put("itemType", Attr.s("feed-attempt"));
        item.put("sellerId", Attr.s(a.sellerId()));
        item.put("attemptId", Attr.s(a.attemptId()));
        item.put("status", Attr.s(a.status().name()));
        item.put("marketplaceId", Attr.s(a.marketplaceId()));
        item.put("feedType", Attr.s(a.feedType()));
        item.put("createdAt", Attr.s(a.createdAt().toString()));
        item.put("leaseUntil", Attr.s(a.leaseUntil().toString()));
        item.put("messages", messages(a.messages()));
        item.put(GSI3PK, Attr.s(Keys.feedsPk(Keys.shard(a.attemptId()))));
        item.put(GSI3SK, Attr.s(Keys.time(a.createdAt()) + "#" + a.sellerId() + "#" + a.attemptId()));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(" + PK + ")").build());
    }

    @Override
    public Optional<FeedAttempt> get(String sellerId, String attemptId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Keys.key(Keys.attemptPk(sellerId, attemptId), SK))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(attempt(item));
    }

    @Override
    public Optional<FeedAttempt> byFeedId(String feedId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Keys.key(Keys.feedPk(feedId), "FEED"))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return get(Attr.str(item, "sellerId"), Attr.str(item, "attemptId"));
    }

    @Override
    public List<FeedAttempt> open() {
        List<FeedAttempt> out = new ArrayList<>();
        for (int shard = 0; shard < Keys.SHARDS; shard++) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(Keys.GSI3)
                        .keyConditionExpression(GSI3PK + " = :p").expressionAttributeValues(Map.of(":p", Attr.s(Keys.feedsPk(shard))))
                        .exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> i : page.items()) {
                    String[] parts = Attr.str(i, GSI3SK).split("#", 3);
                    get(parts[1], parts[2]).ifPresent(out::add);
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return out;
    }

    /** Sets the change's fields with the status; leaves the open index when {@code to} is final. */
    @Override
    public boolean move(FeedAttempt a, FeedAttempt.Status from, FeedAttempt.Status to, Change change) {
        try {
            Update u = update(a, from, to, fields(change));
            dynamo.updateItem(UpdateItemRequest.builder().tableName(u.tableName()).key(u.key()).updateExpression(u.updateExpression())
                    .conditionExpression(u.conditionExpression()).expressionAttributeNames(u.expressionAttributeNames())
                    .expressionAttributeValues(u.expressionAttributeValues()).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** CREATING → SUBMITTED together with the feed-id pointer, in one transaction. */
    @Override
    public boolean submitted(FeedAttempt a, String feedId, Instant at) {
        Map<String, AttributeValue> pointer = new HashMap<>(Keys.key(Keys.feedPk(feedId), "FEED"));
        pointer.put("itemType", Attr.s("feed-pointer"));
        pointer.put("sellerId", Attr.s(a.sellerId()));
        pointer.put("attemptId", Attr.s(a.attemptId()));
        Map<String, AttributeValue> fields = Map.of("feedId", Attr.s(feedId), "submittedAt", Attr.s(at.toString()));
        try {
            dynamo.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().update(update(a, FeedAttempt.Status.CREATING, FeedAttempt.Status.SUBMITTED, fields)).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(pointer).build()).build()));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    private Update update(FeedAttempt a, FeedAttempt.Status from, FeedAttempt.Status to, Map<String, AttributeValue> fields) {
        Map<String, String> names = new HashMap<>(Map.of("#st", "status"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":from", Attr.s(from.name()), ":to", Attr.s(to.name())));
        StringBuilder set = new StringBuilder("SET #st = :to");
        int i = 0;
        for (Map.Entry<String, AttributeValue> f : fields.entrySet()) {
            names.put("#f" + i, f.getKey());
            values.put(":f" + i, f.getValue());
            set.append(", #f").append(i).append(" = :f").append(i);
            i++;
        }
        String expression = set + (to.open() ? "" : " REMOVE " + GSI3PK + ", " + GSI3SK);
        return Update.builder().tableName(table).key(Keys.key(Keys.attemptPk(a.sellerId(), a.attemptId()), SK))
                .updateExpression(expression).conditionExpression("#st = :from")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    private static Map<String, AttributeValue> fields(Change c) {
        Map<String, AttributeValue> fields = new HashMap<>();
        if (c.messages() != null) {
            fields.put("messages", messages(c.messages()));
        }
        Attr.putIfPresent(fields, "leaseUntil", c.leaseUntil() == null ? null : c.leaseUntil().toString());
        Attr.putIfPresent(fields, "documentId", c.documentId());
        Attr.putIfPresent(fields, "createStartedAt", c.createStartedAt() == null ? null : c.createStartedAt().toString());
        Attr.putIfPresent(fields, "error", c.error());
        Attr.putIfPresent(fields, "processingStatus", c.processingStatus());
        if (c.actionsMarked() != null) {
            fields.put("actionsMarked", AttributeValue.fromBool(c.actionsMarked()));
        }
        return fields;
    }

    private static AttributeValue messages(List<FeedAttempt.Message> messages) {
        List<AttributeValue> list = new ArrayList<>();
        for (FeedAttempt.Message m : messages) {
            list.add(AttributeValue.fromM(Map.of("actionId", Attr.s(m.actionId()), "ticketId", Attr.s(m.ticketId()),
                    "messageId", Attr.n(m.messageId()))));
        }
        return AttributeValue.fromL(list);
    }

    private static FeedAttempt attempt(Map<String, AttributeValue> i) {
        List<FeedAttempt.Message> messages = new ArrayList<>();
        AttributeValue l = i.get("messages");
        if (l != null && l.hasL()) {
            for (AttributeValue m : l.l()) {
                messages.add(new FeedAttempt.Message(m.m().get("actionId").s(), m.m().get("ticketId").s(),
                        Long.parseLong(m.m().get("messageId").n())));
            }
        }
        return new FeedAttempt(Attr.str(i, "sellerId"), Attr.str(i, "attemptId"), FeedAttempt.Status.valueOf(Attr.str(i, "status")),
                Attr.str(i, "marketplaceId"), Attr.str(i, "feedType"), Attr.instant(i, "createdAt"), Attr.instant(i, "leaseUntil"),
                messages, Attr.str(i, "documentId"), Attr.str(i, "feedId"), Attr.instant(i, "submittedAt"),
                i.containsKey("actionsMarked") && Boolean.TRUE.equals(i.get("actionsMarked").bool()));
    }
}
