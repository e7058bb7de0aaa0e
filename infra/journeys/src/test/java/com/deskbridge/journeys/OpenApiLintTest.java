package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.localaws.ProjectRoot;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * functions/api/openapi.yaml passes Redocly CLI's recommended lint with no error and no warning: the document the
 * journeys validate every response against is itself a valid OpenAPI 3.1 document. Runs when {@code redocly} (the
 * version .ci/install-redocly.sh installs) is on PATH, as .ci/run arranges; otherwise skipped, saying so.
 */
class OpenApiLintTest {
    static final String VERSION = "2.77.0";

    @Test
    void theApiDocumentPassesRedoclyLint() throws Exception {
        Optional<Path> redocly = onPath("redocly");
        Assumptions.assumeTrue(redocly.isPresent(), "Redocly CLI not found on PATH: run .ci/install-redocly.sh (npm) and put"
                + " .ci/tools/node_modules/.bin on PATH, as .ci/run does");
        String version = run(List.of(redocly.get().toString(), "--version")).lines().findFirst().orElse("").trim();
        Assumptions.assumeTrue(version.equals(VERSION), "Redocly CLI " + version + " on PATH; the project lints with " + VERSION
                + " (.ci/install-redocly.sh)");

        Path document = ProjectRoot.find().resolve("functions/api/openapi.yaml");
        String out = run(List.of(redocly.get().toString(), "lint", document.toString(), "--format=json"));
        JsonNode report = Api.JSON.readTree(out.substring(out.indexOf('{')));
        List<String> problems = new ArrayList<>();
        report.path("problems").forEach(p -> problems.add(p.path("severity").asText() + " " + p.path("ruleId").asText() + ": "
                + p.path("message").asText() + " at " + p.path("location").path(0).path("pointer").asText()));
        System.out.printf("[redocly %s] %s: %d errors, %d warnings%n", version, document.getFileName(),
                report.path("totals").path("errors").asInt(), report.path("totals").path("warnings").asInt());
        assertThat(problems).as("redocly lint " + document).isEmpty();
    }

    private static String run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("REDOCLY_TELEMETRY", "off");
        pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(command + " finished").isTrue();
        return out;
    }

    private static Optional<Path> onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
