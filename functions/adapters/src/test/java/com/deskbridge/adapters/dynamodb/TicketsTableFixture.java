package com.deskbridge.adapters.dynamodb;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.localaws.dynamodb.TableProvisioner;
import com.deskbridge.localaws.template.SamTemplate;
import com.deskbridge.localaws.template.TableSpec;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local (in-process) with the TicketsTable exactly as template.yaml declares it. A test class holds one:
 * {@code @RegisterExtension static final TicketsTableFixture table = TicketsTableFixture.perClass();} starts it before
 * the class's tests and stops it after them (every test uses its own seller, so tests share the table).
 */
final class TicketsTableFixture implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private AmazonDynamoDBLocal local;
    private DynamoDbClient client;
    private String name;

    private TicketsTableFixture() {
    }

    /** Started and stopped by JUnit around the test class that registers it. */
    static TicketsTableFixture perClass() {
        return new TicketsTableFixture();
    }

    /** Started now; the caller closes it. */
    static TicketsTableFixture start() {
        TicketsTableFixture fixture = new TicketsTableFixture();
        fixture.open();
        return fixture;
    }

    private void open() {
        TableSpec table = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"))
                .model(Map.of(), "eu-west-1", "test").tables().get("TicketsTable");
        local = DynamoDBEmbedded.create(true);
        client = local.dynamoDbClient();
        name = table.tableName();
        new TableProvisioner(client).ensure(table);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    DynamoDbClient client() {
        if (client == null) {
            throw new IllegalStateException("the table is not started: register the fixture with @RegisterExtension");
        }
        return client;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            local.shutdownNow();
            client = null;
        }
    }
}
