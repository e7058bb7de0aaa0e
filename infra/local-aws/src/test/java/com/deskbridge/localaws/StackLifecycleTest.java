package com.deskbridge.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.localaws.template.TemplateException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class StackLifecycleTest {

    @Test
    void restartOnTheSameDataDirKeepsTablesAndItems(@TempDir Path dataDir) {
        try (LocalAwsStack first = stack(dataDir)) {
            first.dynamoDbClient().putItem(r -> r.tableName("Notes")
                    .item(Map.of("id", AttributeValue.builder().s("n1").build(),
                            "text", AttributeValue.builder().s("kept").build())));
        }
        try (LocalAwsStack second = stack(dataDir)) {
            var item = second.dynamoDbClient().getItem(r -> r.tableName("Notes")
                    .key(Map.of("id", AttributeValue.builder().s("n1").build()))).item();
            assertThat(item.get("text").s()).isEqualTo("kept");
            assertThat(second.dynamoDbClient().describeTimeToLive(r -> r.tableName("Notes"))
                    .timeToLiveDescription().attributeName()).isEqualTo("ttl");
        }
    }

    @Test
    void conflictingEnvironmentValuesFailFastAndStopWhatStarted() {
        LocalAwsStack stack = LocalAwsStack.builder()
                .template(Path.of("src/test/resources/templates/conflict.yaml")).build();
        assertThatThrownBy(stack::start)
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("environment variable SHARED has different values in First (one) and Second (two)");
        assertThat(System.getProperty("SHARED")).isNull();
        assertThatThrownBy(() -> new Socket("127.0.0.1", stack.dynamoDbEndpoint().getPort()).close())
                .isInstanceOf(java.io.IOException.class);
    }

    private static LocalAwsStack stack(Path dataDir) {
        return LocalAwsStack.builder().template(Path.of("src/test/resources/templates/table-only.yaml"))
                .dataDir(dataDir).pollers(false).schedules(false).start();
    }
}
