package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.localaws.template.FunctionSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * events/ holds a sample for every trigger in template.yaml (events/&lt;Function&gt;/&lt;Event&gt;[-variant].json, usable
 * with `sam local invoke -e`); each is fed through its handler the way Lambda would, as JSON.
 */
class SampleEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = ProjectRoot.find().resolve("events");
    private static LocalRunner system;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
    }

    private static List<Path> samples(String function, String event) throws IOException {
        Path dir = EVENTS.resolve(function);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.equals(event + ".json") || (name.startsWith(event + "-") && name.endsWith(".json"));
            }).sorted().toList();
        }
    }

    @Test
    void everyTriggerInTheTemplateHasASampleEvent() throws IOException {
        List<String> missing = new ArrayList<>();
        int triggers = 0;
        for (FunctionSpec f : system.stack().model().functions().values()) {
            for (var event : f.events()) {
                triggers++;
                if (samples(f.logicalId(), event.name()).isEmpty()) {
                    missing.add(f.logicalId() + "/" + event.name());
                }
            }
        }
        assertThat(triggers).isPositive();
        assertThat(missing).as("triggers without a sample in events/").isEmpty();
    }

    @Test
    void everySampleRunsThroughItsHandler() throws Exception {
        // The relay sample points at an e-mail SES stored in S3: store the same e-mail the raw-MIME sample carries.
        JsonNode rawMime = JSON.readTree(JSON.readTree(EVENTS.resolve("IntakeFunction/IntakeMessages-raw-mime.json")
                .toFile()).get("Records").get(0).get("body").asText());
        JsonNode s3Record = JSON.readTree(JSON.readTree(EVENTS.resolve("IntakeFunction/IntakeMessages-relay-mail-s3.json")
                .toFile()).get("Records").get(0).get("body").asText()).get("Records").get(0).get("s3");
        String bucket = s3Record.get("bucket").get("name").asText();
        system.s3().createBuckets(List.of(bucket));
        system.s3().client().putObject(p -> p.bucket(bucket).key(s3Record.get("object").get("key").asText()),
                RequestBody.fromBytes(Base64.getDecoder().decode(rawMime.get("mimeBase64").asText())));

        for (Path sample : samples("IntakeFunction", "IntakeMessages")) {
            JsonNode response = JSON.readTree(system.stack().invoke("IntakeFunction", Files.readString(sample)));
            assertThat(response.get("batchItemFailures")).as(sample.toString()).isEmpty();
        }
        assertThat(samples("IntakeFunction", "IntakeMessages")).hasSize(3);

        JsonNode get = JSON.readTree(system.stack().invoke("ApiFunction",
                Files.readString(EVENTS.resolve("ApiFunction/GetTicket.json"))));
        assertThat(get.get("statusCode").asInt()).isEqualTo(200);
        JsonNode ticket = JSON.readTree(get.get("body").asText());
        assertThat(ticket.get("id").asText()).isEqualTo(
                JSON.readTree(EVENTS.resolve("ApiFunction/GetTicket.json").toFile()).get("pathParameters").get("id").asText());
        assertThat(ticket.get("subject").asText()).isEqualTo("Wo bleibt meine Bestellung?");

        JsonNode list = JSON.readTree(system.stack().invoke("ApiFunction",
                Files.readString(EVENTS.resolve("ApiFunction/ListTickets.json"))));
        assertThat(list.get("statusCode").asInt()).isEqualTo(200);
        JsonNode items = JSON.readTree(list.get("body").asText()).get("items");
        assertThat(items).extracting(i -> i.get("channel").asText()).contains("ebay", "amazon");
        assertThat(items).filteredOn(i -> i.get("channel").asText().equals("amazon"))
                .as("the raw-MIME and the S3 sample carry the same e-mail: one ticket, one message")
                .singleElement().satisfies(i -> assertThat(i.get("messageCount").asInt()).isEqualTo(1));

        JsonNode closed = JSON.readTree(system.stack().invoke("ApiFunction",
                Files.readString(EVENTS.resolve("ApiFunction/NoResponseNeeded.json"))));
        assertThat(closed.get("statusCode").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(closed.get("body").asText()).get("status").asText()).isEqualTo("closed");

        for (String route : List.of("PutSlaPolicy", "GetSlaPolicy")) {
            JsonNode r = JSON.readTree(system.stack().invoke("ApiFunction",
                    Files.readString(EVENTS.resolve("ApiFunction/" + route + ".json"))));
            assertThat(r.get("statusCode").asInt()).as(route).isEqualTo(200);
            assertThat(JSON.readTree(r.get("body").asText()).get("policy").get("holidays")).as(route).hasSize(3);
        }

        for (String route : List.of("PutTagRules", "GetTagRules")) {
            JsonNode r = JSON.readTree(system.stack().invoke("ApiFunction",
                    Files.readString(EVENTS.resolve("ApiFunction/" + route + ".json"))));
            assertThat(r.get("statusCode").asInt()).as(route).isEqualTo(200);
            assertThat(JSON.readTree(r.get("body").asText()).get("tagRules").get("rules")).as(route).hasSize(2);
        }

        JsonNode sweep = JSON.readTree(system.stack().invoke("SlaSweepFunction",
                Files.readString(EVENTS.resolve("SlaSweepFunction/Sweep.json"))));
        assertThat(sweep.get("publishFailures").asInt()).isZero();
        assertThat(sweep.has("due")).isTrue();
    }
}
