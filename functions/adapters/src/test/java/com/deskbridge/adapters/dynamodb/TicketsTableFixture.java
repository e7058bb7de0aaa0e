package com.deskbridge.adapters.dynamodb;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.localaws.dynamodb.TableProvisioner;
import com.deskbridge.localaws.template.SamTemplate;
import com.deskbridge.localaws.template.TableSpec;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local (in-process) with the TicketsTable exactly as template.yaml declares it. */
final class TicketsTableFixture implements AutoCloseable {
    private final AmazonDynamoDBLocal local;
    private final DynamoDbClient client;
    private final String name;

    private TicketsTableFixture(AmazonDynamoDBLocal local, TableSpec table) {
        this.local = local;
        this.client = local.dynamoDbClient();
        this.name = table.tableName();
        new TableProvisioner(client).ensure(table);
    }

    static TicketsTableFixture start() {
        TableSpec table = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"))
                .model(Map.of(), "eu-west-1", "test").tables().get("TicketsTable");
        return new TicketsTableFixture(DynamoDBEmbedded.create(true), table);
    }

    DynamoDbClient client() {
        return client;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        client.close();
        local.shutdownNow();
    }
}
