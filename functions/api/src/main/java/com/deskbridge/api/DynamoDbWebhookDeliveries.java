package com.deskbridge.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link ShopifyWebhookIntake.Deliveries} in the tickets table: {@code PK = S#{seller}#SHOPIFYHOOK#{webhookId}},
 * {@code SK = DELIVERY}, written with a conditional put (first writer wins across containers), expiring by TTL.
 */
final class DynamoDbWebhookDeliveries implements ShopifyWebhookIntake.Deliveries {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbWebhookDeliveries(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public boolean firstTime(String sellerId, String webhookId, Instant expires) {
        try {
            Map<String, AttributeValue> item = new java.util.HashMap<>(key(sellerId, webhookId));
            item.put("itemType", AttributeValue.fromS("shopify-webhook"));
            item.put("expiresAt", AttributeValue.fromN(Long.toString(expires.getEpochSecond())));
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void forget(String sellerId, String webhookId) {
        dynamo.deleteItem(d -> d.tableName(table).key(key(sellerId, webhookId)));
    }

    private static Map<String, AttributeValue> key(String sellerId, String webhookId) {
        return Map.of("PK", AttributeValue.fromS("S#" + sellerId + "#SHOPIFYHOOK#" + webhookId), "SK", AttributeValue.fromS("DELIVERY"));
    }
}
