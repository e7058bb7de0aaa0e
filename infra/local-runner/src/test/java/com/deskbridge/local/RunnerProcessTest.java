package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.localaws.ProjectRoot;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The runner as README starts it, in its own JVM: it prints where everything listens and the demo token, and
 * Ctrl-C (SIGINT) stops it cleanly, with a persistent DynamoDB Local in the data directory it was given.
 */
class RunnerProcessTest {

    @Test
    void printsWhereEverythingListensAndStopsCleanlyOnCtrlC() throws Exception {
        Path dataDir = Files.createTempDirectory("runner-data");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daws.region=eu-west-1",
                "-cp", System.getProperty("java.class.path"),
                LocalRunner.class.getName(),
                "--project=" + ProjectRoot.find(),
                "--api-port=0", "--dynamodb-port=0", "--sqs-port=0", "--events-port=0", "--s3-port=0", "--smtp-port=0",
                "--imap-port=0", "--spapi-port=0", "--carriers-port=0", "--console-port=0",
                "--data-dir=" + dataDir);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            // The banner's last line is the curl that reads the queue: once it is there, the whole banner is.
            String lastBannerLine = "Authorization: Bearer $TOKEN";
            while (!printed(lines, lastBannerLine) && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(printed(lines, lastBannerLine)).as(String.join("\n", snapshot(lines))).isTrue();
            assertThat(printed(lines, "Deskbridge is running locally")).isTrue();
            assertThat(snapshot(lines)).anyMatch(l -> l.startsWith("HTTP API") && l.contains("http://127.0.0.1:"))
                    .anyMatch(l -> l.contains("DynamoDB Local") && l.contains("data in " + dataDir.resolve("dynamodb")))
                    .anyMatch(l -> l.contains("SQS (ElasticMQ)"))
                    .anyMatch(l -> l.contains("token endpoint"))
                    .anyMatch(l -> l.startsWith("Agent console") && l.contains("http://localhost:"))
                    .anyMatch(l -> l.contains("SP-API simulator"))
                    .anyMatch(l -> l.contains("SMTP (GreenMail)"))
                    .anyMatch(l -> l.startsWith("eyJ"));

            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped after Ctrl-C").isTrue();
            reader.get(10, TimeUnit.SECONDS);
            assertThat(snapshot(lines)).contains("Stopped.");
            assertThat(process.exitValue()).isEqualTo(130); // the JVM's exit status after SIGINT
            assertThat(dataDir.resolve("dynamodb").toFile().list()).as("DynamoDB Local kept its data on disk").isNotEmpty();
            assertThat(dataDir.resolve("s3").toFile().list()).as("S3Mock kept the template's bucket").isNotEmpty();
            assertThat(dataDir.resolve("jwt-signing-key.json")).exists();
        } finally {
            process.destroyForcibly();
        }
    }

    private static boolean printed(List<String> lines, String text) {
        return snapshot(lines).stream().anyMatch(l -> l.contains(text));
    }

    private static List<String> snapshot(List<String> lines) {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }
}
