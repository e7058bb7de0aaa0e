package com.deskbridge.local;

import com.deskbridge.localaws.ProjectRoot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One local system for the whole test run (starting it takes seconds): every emulator on a free port, in memory,
 * with a 2 s visibility timeout so that redrive to the DLQ happens within the test.
 */
final class RunningSystem {
    static final int VISIBILITY_TIMEOUT_SECONDS = 2;
    private static LocalRunner runner;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RunningSystem() {
    }

    static synchronized LocalRunner get() {
        if (runner == null) {
            runner = LocalRunner.start(RunnerOptions.ephemeral(ProjectRoot.find())
                    .withVisibilityTimeout(VISIBILITY_TIMEOUT_SECONDS).withWorld(fastWorld()));
            Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "stop-local-system"));
        }
        return runner;
    }

    /** The demo world without its realistic latencies, and feeds processed in a second instead of two minutes. */
    private static java.nio.file.Path fastWorld() {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode world = (com.fasterxml.jackson.databind.node.ObjectNode) LocalWorld.demoWorld();
            ((com.fasterxml.jackson.databind.node.ObjectNode) world.get("spapi")).put("latencyMs", 0).put("feedProcessingDelay", "PT1S")
                    .put("reportProcessingDelay", "PT1S");
            java.nio.file.Path file = java.nio.file.Files.createTempFile("deskbridge-test-world", ".json");
            file.toFile().deleteOnExit();
            new com.fasterxml.jackson.databind.ObjectMapper().writeValue(file.toFile(), world);
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(get().api().baseUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the condition holds, at most {@code limit}; returns the last value. Not a timing assertion. */
    static <T> T await(Supplier<T> probe, Predicate<T> done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            value = probe.get();
        }
        return value;
    }
}
