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
            dynamo.putItem(p -> p.tableName(table).item(Map.of(
                    "PK", AttributeValue.fromS("S#" + sellerId + "#SHOPIFYHOOK#" + webhookId),
                    "SK", AttributeValue.fromS("DELIVERY"),
                    "itemType", AttributeValue.fromS("shopify-webhook"),
                    "expiresAt", AttributeValue.fromN(Long.toString(expires.getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void forget(String sellerId, String webhookId) {
        dynamo.deleteItem(d -> d.tableName(table).key(Map.of(
                "PK", AttributeValue.fromS("S#" + sellerId + "#SHOPIFYHOOK#" + webhookId), "SK", AttributeValue.fromS("DELIVERY"))));
    }
}
