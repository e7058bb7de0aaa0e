package com.deskbridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** One seller flooding a running local system's intake queue, and the clock on another seller's ticket. */
final class Flood {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Flood() {
    }

    static String envelope(String seller, String id) {
        return JSON.createObjectNode().put("version", 1).put("type", "channel-message").put("channel", "ebay")
                .put("sellerId", seller).put("externalMessageId", id).put("threadKey", id)
                .put("body", "Where is my parcel? (" + id + ")").put("receivedAt", Instant.now().toString())
                .set("sender", JSON.createObjectNode().put("address", "buyer_" + id)).toString();
    }

    /** Puts {@code count} messages of {@code seller} on the intake queue, ten per SendMessageBatch. */
    static void send(LocalRunner system, String seller, int count) {
        String queue = system.stack().queueUrl("IntakeQueue");
        for (int from = 0; from < count; from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 10); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(envelope(seller, seller + "-" + i)).build());
            }
            system.stack().sqsClient().sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
        }
    }

    /** The seller's open tickets as the API lists them (at most {@code limit}), following the cursor. */
    static int openTickets(LocalRunner system, String seller, int limit) {
        String token = system.token("agent-flood", seller, Duration.ofMinutes(30));
        int count = 0;
        String cursor = null;
        try {
            do {
                String path = "/tickets?status=open&limit=100" + (cursor == null ? "" : "&cursor=" + cursor);
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(system.api().baseUrl() + path))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                JsonNode page = JSON.readTree(r.body());
                count += page.path("items").size();
                cursor = page.hasNonNull("nextCursor") ? java.net.URLEncoder.encode(page.get("nextCursor").asText(),
                        java.nio.charset.StandardCharsets.UTF_8) : null;
            } while (cursor != null && count < limit);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return count;
    }

    /** Milliseconds until {@code seller} has {@code expected} open tickets, or -1 when {@code limit} passed first. */
    static long millisUntil(LocalRunner system, String seller, int expected, long startNanos, Duration limit)
            throws InterruptedException {
        long deadline = startNanos + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (openTickets(system, seller, expected) >= expected) {
                return (System.nanoTime() - startNanos) / 1_000_000;
            }
            Thread.sleep(25);
        }
        return -1;
    }
}
