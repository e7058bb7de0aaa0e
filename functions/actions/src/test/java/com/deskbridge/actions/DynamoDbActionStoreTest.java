package com.deskbridge.actions;

import com.deskbridge.adapters.dynamodb.AgentCounters;
import com.deskbridge.domain.ticket.SellerId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link ActionStoreContract} on DynamoDB Local (the template's tickets table, shared per JVM by {@link Harness#stack}). */
class DynamoDbActionStoreTest extends ActionStoreContract {

    private final DynamoDbClient dynamo = Harness.stack().dynamoDbClient();
    private final String table = Harness.stack().tableName("TicketsTable");
    private final ActionStore store = new DynamoDbActionStore(dynamo, table);

    @Override
    ActionStore store() {
        return store;
    }

    /** A ticket item as the ticket store lays it out (no {@code channel}: Amazon's). */
    @Override
    String ticket(String sellerId, String channel) {
        String id = "t" + UUID.randomUUID().toString().replace("-", "");
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS("S#" + sellerId + "#T#" + id));
        item.put("SK", AttributeValue.fromS("TICKET"));
        item.put("itemType", AttributeValue.fromS("ticket"));
        if (!channel.equals("amazon")) {
            item.put("channel", AttributeValue.fromS(channel));
        }
        dynamo.putItem(p -> p.tableName(table).item(item));
        return id;
    }

    @Override
    Map<String, Long> counts(String sellerId, String agentId, LocalDate day) {
        return new AgentCounters(dynamo, table).agentDays(new SellerId(sellerId), day, day).stream()
                .filter(d -> d.agentId().equals(agentId)).findFirst().map(AgentCounters.AgentDay::counts).orElse(Map.of());
    }
}
