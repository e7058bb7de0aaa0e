package com.deskbridge.localaws.dynamodb;

import com.deskbridge.localaws.template.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Creates the template's tables (keys, GSIs, LSIs, streams, TTL) unless they already exist. */
public final class TableProvisioner {
    private final DynamoDbClient dynamo;

    /** @param dynamo client pointed at DynamoDB Local */
    public TableProvisioner(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /**
     * @param table the table
     * @return true when it was created, false when it already existed
     */
    public boolean ensure(TableSpec table) {
        boolean created = false;
        if (!exists(table.tableName())) {
            create(table);
            created = true;
        }
        if (table.ttlAttribute() != null) {
            TimeToLiveStatus status = dynamo.describeTimeToLive(r -> r.tableName(table.tableName()))
                    .timeToLiveDescription().timeToLiveStatus();
            if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
                dynamo.updateTimeToLive(r -> r.tableName(table.tableName())
                        .timeToLiveSpecification(t -> t.attributeName(table.ttlAttribute()).enabled(true)));
            }
        }
        return created;
    }

    private boolean exists(String name) {
        try {
            dynamo.describeTable(r -> r.tableName(name));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private void create(TableSpec table) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Map.Entry<String, String> a : table.attributeDefinitions().entrySet()) {
            attributes.add(AttributeDefinition.builder().attributeName(a.getKey()).attributeType(a.getValue()).build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.tableName())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(keys(table.keySchema()));
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalSecondaryIndexes().stream()
                    .map(i -> GlobalSecondaryIndex.builder().indexName(i.indexName()).keySchema(keys(i.keySchema()))
                            .projection(projection(i)).build())
                    .toList());
        }
        if (!table.localSecondaryIndexes().isEmpty()) {
            request.localSecondaryIndexes(table.localSecondaryIndexes().stream()
                    .map(i -> LocalSecondaryIndex.builder().indexName(i.indexName()).keySchema(keys(i.keySchema()))
                            .projection(projection(i)).build())
                    .toList());
        }
        if (table.streamViewType() != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(table.streamViewType()).build());
        }
        dynamo.createTable(request.build());
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(table.tableName()));
    }

    private static List<KeySchemaElement> keys(List<TableSpec.KeyElement> keys) {
        return keys.stream().map(k -> KeySchemaElement.builder().attributeName(k.attributeName())
                .keyType(k.keyType()).build()).toList();
    }

    private static Projection projection(TableSpec.IndexSpec index) {
        Projection.Builder projection = Projection.builder().projectionType(ProjectionType.fromValue(index.projectionType()));
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return projection.build();
    }
}
