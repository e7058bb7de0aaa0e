package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The runner as README starts it, in its own JVM, with {@code -Dlocal.dataDir}: it prints where everything listens and
 * the demo token; killed with SIGKILL in the middle of a burst of intake messages and restarted on the same data
 * directory, it turns every message the intake queue accepted into a ticket (ElasticMQ's own SQL storage kept the
 * queue, DynamoDB Local its tables); and Ctrl-C (SIGINT) stops it cleanly, its data left on disk. One test, so that
 * the runner starts only twice.
 */
class RunnerProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BURST = 200;
    private static final int KILL_AFTER = 60;

    @Test
    void printsWhereEverythingListensSurvivesKillMinus9WithItsDataDirAndStopsCleanlyOnCtrlC() throws Exception {
        Path dataDir = Files.createTempDirectory("crash-data");
        String seller = "crash-" + System.nanoTime();
        Set<String> accepted = new ConcurrentSkipListSet<>();
        int unfinishedAtKill;
        long t0 = System.nanoTime();
        long started;
        try (RunnerProcess first = RunnerProcess.start("--data-dir=" + dataDir, "--visibility-timeout=5")) {
            assertThat(first.awaitBanner(120)).as(String.join("\n", first.lines())).isTrue();
            assertThat(first.printed("Deskbridge is running locally")).isTrue();
            assertThat(first.lines()).anyMatch(l -> l.startsWith("HTTP API") && l.contains("http://127.0.0.1:"))
                    .anyMatch(l -> l.contains("DynamoDB Local") && l.contains("data in " + dataDir.resolve("dynamodb")))
                    .anyMatch(l -> l.contains("SQS (ElasticMQ)") && l.contains("queues and messages in " + dataDir.resolve("sqs")))
                    .anyMatch(l -> l.contains("token endpoint"))
                    .anyMatch(l -> l.startsWith("Agent console") && l.contains("http://localhost:"))
                    .anyMatch(l -> l.contains("SP-API simulator"))
                    .anyMatch(l -> l.contains("SMTP (GreenMail)"))
                    .anyMatch(l -> l.startsWith("eyJ"));
            started = System.nanoTime();
            SqsClient sqs = sqs(first);
            String queue = first.find("curl -s (http://\\S+/IntakeQueue\\S*) ").orElseThrow();
            ExecutorService sender = Executors.newSingleThreadExecutor();
            Future<?> burst = sender.submit(() -> {
                for (int batch = 0; batch < BURST / 10; batch++) {
                    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        String id = "m" + (batch * 10 + i);
                        entries.add(SendMessageBatchRequestEntry.builder().id(id).messageBody(envelope(seller, id)).build());
                    }
                    try {
                        SendMessageBatchResponse r = sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
                        r.successful().forEach(s -> accepted.add(s.id()));
                        Thread.sleep(50); // a burst from channel integrations, not one request
                    } catch (RuntimeException e) {
                        return; // the runner is gone: the rest of the burst was never accepted
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            while (accepted.size() < KILL_AFTER && !burst.isDone()) {
                Thread.sleep(5);
            }
            var waiting = sqs.getQueueAttributes(a -> a.queueUrl(queue).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
                    .mapToInt(Integer::parseInt).sum();
            first.killHard(); // mid-burst: the sender is still sending, intake still working
            unfinishedAtKill = waiting;
            burst.get();
            sender.shutdown();
            sqs.close();
        }
        assertThat(accepted.size()).as("killed mid-burst").isBetween(KILL_AFTER, BURST - 1);

        try (RunnerProcess second = RunnerProcess.start("--data-dir=" + dataDir, "--visibility-timeout=5")) {
            long restarting = System.nanoTime();
            assertThat(second.awaitBanner(120)).as(String.join("\n", second.lines())).isTrue();
            long restarted = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            Set<String> made = tickets(second, seller);
            while (!made.containsAll(accepted) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                made = tickets(second, seller);
            }
            Set<String> lost = new TreeSet<>(accepted);
            lost.removeAll(made);
            System.out.printf("[crash] %d intake messages accepted before kill -9, %d of them queued or in flight then; after the restart %d tickets,"
                    + " %d accepted messages lost (first start %d ms, burst and kill %d ms, restart %d ms, all tickets %d ms later)%n",
                    accepted.size(), unfinishedAtKill, made.size(), lost.size(), (started - t0) / 1_000_000,
                    (restarting - started) / 1_000_000, (restarted - restarting) / 1_000_000, (System.nanoTime() - restarted) / 1_000_000);
            assertThat(lost).as("accepted intake messages without a ticket after the restart").isEmpty();
            assertThat(unfinishedAtKill).as("the kill came while intake was still working").isPositive();

            new ProcessBuilder("kill", "-INT", Long.toString(second.process().pid())).inheritIO().start().waitFor();
            assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).as("stopped after Ctrl-C").isTrue();
            second.awaitOutput();
            assertThat(second.lines()).contains("Stopped.");
            assertThat(second.process().exitValue()).isEqualTo(130); // the JVM's exit status after SIGINT
        }
        assertThat(dataDir.resolve("dynamodb").toFile().list()).as("DynamoDB Local kept its data on disk").isNotEmpty();
        assertThat(dataDir.resolve("sqs").toFile().list()).as("ElasticMQ kept its queues on disk").isNotEmpty();
        assertThat(dataDir.resolve("s3").toFile().list()).as("S3Mock kept the template's bucket").isNotEmpty();
        assertThat(dataDir.resolve("jwt-signing-key.json")).exists();
    }

    private static String envelope(String seller, String id) {
        return "{\"version\":1,\"type\":\"channel-message\",\"channel\":\"ebay\",\"sellerId\":\"" + seller + "\","
                + "\"marketplaceId\":\"EBAY_DE\",\"externalMessageId\":\"" + id + "\",\"threadKey\":\"" + id + "\","
                + "\"sender\":{\"address\":\"buyer_" + id + "\"},\"subject\":\"" + id + "\",\"body\":\"Where is my parcel?\","
                + "\"receivedAt\":\"" + Instant.now() + "\"}";
    }

    private static SqsClient sqs(RunnerProcess runner) {
        String endpoint = runner.find("SQS \\(ElasticMQ\\)\\s+(http://\\S+)").orElseThrow();
        return SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    /** The subjects (= message ids) of the seller's tickets, read over the runner's HTTP API. */
    private static Set<String> tickets(RunnerProcess runner, String seller) throws Exception {
        String api = runner.find("^HTTP API\\s+(http://\\S+)").orElseThrow();
        HttpClient http = HttpClient.newHttpClient();
        String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(api + "/local-issuer/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"crash-agent\",\"claims\":{\"seller_id\":\"" + seller + "\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
        Set<String> subjects = new TreeSet<>();
        String cursor = null;
        do {
            String path = "/tickets?status=open&limit=100" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(r.body());
            page.path("items").forEach(t -> subjects.add(t.path("subject").asText()));
            cursor = page.path("nextCursor").asText(null);
        } while (cursor != null);
        return subjects;
    }
}
