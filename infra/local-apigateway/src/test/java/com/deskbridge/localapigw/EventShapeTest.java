package com.deskbridge.localapigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compares the key set of an emulated event with real API Gateway sample events kept beside the project. */
class EventShapeTest {

    /** Maps whose keys are data, not structure. */
    private static final Set<String> DATA_MAPS = Set.of("headers", "queryStringParameters", "pathParameters",
            "stageVariables", "requestContext.authorizer.jwt.claims");

    /** Present in the samples only for features the emulator does not offer: mutual TLS. */
    private static final Set<String> NOT_EMULATED = Set.of("requestContext.authentication");

    @ParameterizedTest
    @ValueSource(strings = {"aws-lambda-go/apigw-v2-request-jwt-authorizer.json",
            "aws-lambda-java-libs/apigw_http_event.json"})
    void emulatedEventHasTheSameKeysAsTheSample(String sample) throws IOException {
        String root = System.getProperty("deskbridge.root");
        assumeTrue(root != null, "system property deskbridge.root is not set (run through Maven surefire)");
        Path file = Path.of(root).resolve("../shared/reference/lambda-events").resolve(sample).normalize();
        assumeTrue(Files.isRegularFile(file), "sample event not available: " + file);

        Http.Recorder recorder = new Http.Recorder("shape");
        try (HttpApiEmulator api = HttpApiEmulator.builder()
                .jwtAuthorizer(List.of("deskbridge-helpdesk"))
                .stageVariables(Map.of("stageVariable1", "value1"))
                .route("POST", "/my/{proxy+}", recorder)
                .build().start()) {
            String token = api.issuer().mint("agent-1", Map.of("scope", "scope1 scope2"), Duration.ofMinutes(5));
            Http.send(Http.request(api, "/my/path?parameter1=value1&parameter1=value2")
                    .header("Authorization", "Bearer " + token)
                    .header("Cookie", "cookie1=a; cookie2=b")
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("Hello from Lambda!!")).build());
        }
        ObjectMapper mapper = new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        JsonNode ours = mapper.valueToTree(recorder.event());
        JsonNode theirs = mapper.readTree(file.toFile());

        Set<String> expected = paths(theirs, "");
        expected.removeIf(p -> NOT_EMULATED.stream().anyMatch(p::startsWith));
        assertThat(paths(ours, "")).isEqualTo(expected);
    }

    private static Set<String> paths(JsonNode node, String prefix) {
        Set<String> out = new TreeSet<>();
        node.properties().forEach(e -> {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            out.add(path);
            if (e.getValue().isObject() && !DATA_MAPS.contains(path)) {
                out.addAll(paths(e.getValue(), path));
            }
        });
        return out;
    }
}
