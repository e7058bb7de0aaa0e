package com.deskbridge.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.localaws.template.CloudFormationYaml;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code sam build} both ways, for every function template.yaml builds with a Makefile (make's dry run, as SAM's
 * custom-make builder calls it: target {@code build-<LogicalId>}, ARTIFACTS_DIR set, the environment passed on).
 * In the project ({@code --build-in-source}) the target builds the module with the Maven reactor; copied to a scratch
 * folder (plain {@code sam build}) it stops at once saying to use {@code --build-in-source}, or builds from
 * {@code DESKBRIDGE_ROOT} when that names the project.
 */
class SamBuildMakefilesTest {

    record Run(int exit, String output) {
    }

    @Test
    void everyMakefileFunctionBuildsInSourceFailsFastWhenCopiedAndBuildsFromDeskbridgeRoot() throws Exception {
        Assumptions.assumeTrue(onPath("make"), "make is not on PATH: sam build's Makefiles cannot be checked here");
        Path root = ProjectRoot.find();
        JsonNode resources = CloudFormationYaml.parse(Files.readString(root.resolve("template.yaml"))).path("Resources");
        List<String> checked = new ArrayList<>();
        Path artifacts = Files.createTempDirectory("sam-artifacts");
        for (var it = resources.fields(); it.hasNext(); ) {
            var resource = it.next();
            if (!"makefile".equals(resource.getValue().path("Metadata").path("BuildMethod").asText())) {
                continue;
            }
            String function = resource.getKey();
            String codeUri = resource.getValue().path("Properties").path("CodeUri").asText();
            Path source = root.resolve(codeUri);
            String module = source.getFileName().toString();
            String build = "mvn -q -B -DskipTests -pl functions/" + module + " -am package";

            Run inSource = make(source, function, artifacts, Map.of());
            assertThat(inSource.exit()).as(function + " in source: " + inSource.output()).isZero();
            assertThat(inSource.output()).contains("cd \"" + root + "\" && " + build)
                    .contains("unzip -q -o \"" + root.resolve(codeUri) + "/target/");

            Path scratch = Files.createTempDirectory("sam-scratch");
            Files.copy(source.resolve("Makefile"), scratch.resolve("Makefile"));
            Run copied = make(scratch, function, artifacts, Map.of());
            assertThat(copied.exit()).as(function + " copied out of the project").isNotZero();
            assertThat(copied.output()).contains("sam build --build-in-source").contains("DESKBRIDGE_ROOT").doesNotContain("mvn ");

            Run fromRoot = make(scratch, function, artifacts, Map.of("DESKBRIDGE_ROOT", root.toString()));
            assertThat(fromRoot.exit()).as(function + " with DESKBRIDGE_ROOT: " + fromRoot.output()).isZero();
            assertThat(fromRoot.output()).contains("cd \"" + root + "\" && " + build);
            checked.add(function);
        }
        assertThat(checked).contains("ApiFunction", "IntakeFunction", "SenderFunction", "SlaSweepFunction", "EnrichmentFunction",
                "ActionsFunction");
    }

    private static Run make(Path dir, String function, Path artifacts, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("make", "-n", "build-" + function).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("DESKBRIDGE_ROOT");
        pb.environment().put("ARTIFACTS_DIR", artifacts.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
