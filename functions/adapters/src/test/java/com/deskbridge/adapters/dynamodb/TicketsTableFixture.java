package com.deskbridge.adapters.dynamodb;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/** DynamoDB Local (in-process) with the TicketsTable exactly as template.yaml declares it. */
final class TicketsTableFixture implements AutoCloseable {
    private final AmazonDynamoDBLocal local;
    private final DynamoDbClient client;

    private TicketsTableFixture(AmazonDynamoDBLocal local) {
        this.local = local;
        this.client = local.dynamoDbClient();
    }

    static TicketsTableFixture start() {
        TicketsTableFixture f = new TicketsTableFixture(DynamoDBEmbedded.create(true));
        f.client.createTable(createRequestFromTemplate());
        return f;
    }

    DynamoDbClient client() {
        return client;
    }

    String name() {
        return "TicketsTable";
    }

    @Override
    public void close() {
        client.close();
        local.shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private static CreateTableRequest createRequestFromTemplate() {
        Map<String, Object> template;
        try (InputStream in = Files.newInputStream(projectRoot().resolve("template.yaml"))) {
            template = new Yaml(new CloudFormationTags()).load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                template.get("Resources")).get("TicketsTable")).get("Properties");
        List<Map<String, String>> attrs = (List<Map<String, String>>) props.get("AttributeDefinitions");
        List<Map<String, Object>> gsis = (List<Map<String, Object>>) props.get("GlobalSecondaryIndexes");
        return CreateTableRequest.builder()
                .tableName("TicketsTable")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attrs.stream().map(a -> AttributeDefinition.builder()
                        .attributeName(a.get("AttributeName")).attributeType(a.get("AttributeType")).build()).toList())
                .keySchema(keys((List<Map<String, String>>) props.get("KeySchema")))
                .globalSecondaryIndexes(gsis.stream().map(g -> GlobalSecondaryIndex.builder()
                        .indexName((String) g.get("IndexName"))
                        .keySchema(keys((List<Map<String, String>>) g.get("KeySchema")))
                        .projection(Projection.builder().projectionType(
                                (String) ((Map<String, Object>) g.get("Projection")).get("ProjectionType")).build())
                        .build()).toList())
                .build();
    }

    private static List<KeySchemaElement> keys(List<Map<String, String>> schema) {
        return schema.stream().map(k -> KeySchemaElement.builder()
                .attributeName(k.get("AttributeName")).keyType(k.get("KeyType")).build()).toList();
    }

    static Path projectRoot() {
        String configured = System.getProperty("deskbridge.root");
        Path dir = Path.of(configured != null ? configured : System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("template.yaml"))) {
                return p;
            }
        }
        throw new IllegalStateException("template.yaml not found above " + dir);
    }

    /** Reads CloudFormation short-form tags (!Ref X) as their plain scalar value; enough for the table definition. */
    private static final class CloudFormationTags extends SafeConstructor {
        CloudFormationTags() {
            super(new LoaderOptions());
            for (String tag : List.of("!Ref", "!Sub", "!GetAtt")) {
                yamlConstructors.put(new Tag(tag), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        return node instanceof ScalarNode s ? s.getValue() : null;
                    }
                });
            }
        }
    }
}
