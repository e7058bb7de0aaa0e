package com.deskbridge.enrichment;

import com.deskbridge.channels.MessageInbox;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link EbayMessagePoll.Cursors} in the tickets table: one item per seller, {@code PK = S#{seller}#EBAYPOLL},
 * {@code SK = CURSOR}, holding the cursor's time, the message ids of its overlap window (ids only, no buyer text) and
 * when the seller is due again. Read consistently; written after the poll's messages are on the intake queue.
 */
public final class DynamoDbPollCursors implements EbayMessagePoll.Cursors {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbPollCursors(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    static Map<String, AttributeValue> key(String sellerId) {
        return Map.of("PK", AttributeValue.fromS("S#" + sellerId + "#EBAYPOLL"), "SK", AttributeValue.fromS("CURSOR"));
    }

    @Override
    public Optional<EbayMessagePoll.State> find(String sellerId) {
        Map<String, AttributeValue> i = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(key(sellerId))).item();
        if (i == null || i.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue seen = i.get("seen");
        List<String> ids = seen == null || !seen.hasL() ? List.of() : seen.l().stream().map(AttributeValue::s).toList();
        return Optional.of(new EbayMessagePoll.State(
                new MessageInbox.Cursor(Instant.parse(i.get("since").s()), new HashSet<>(ids)),
                Instant.parse(i.get("nextPollAt").s())));
    }

    @Override
    public void save(String sellerId, EbayMessagePoll.State state) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(sellerId));
        item.put("itemType", AttributeValue.fromS("ebay-poll-cursor"));
        item.put("since", AttributeValue.fromS(state.cursor().since().toString()));
        item.put("seen", AttributeValue.fromL(state.cursor().seen().stream().sorted().map(AttributeValue::fromS).toList()));
        item.put("nextPollAt", AttributeValue.fromS(state.nextPollAt().toString()));
        dynamo.putItem(p -> p.tableName(table).item(item));
    }
}
