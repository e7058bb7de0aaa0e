package com.deskbridge.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * SnapStart priming of the JDK HTTP client's request path (the adapters' {@link UpstreamHttp#send} uses it): the
 * client's exchange, HTTP/1.1 request and response, socket tube and body subscriber classes and their lambdas are
 * loaded, linked and run before the snapshot, not on the first enrichment request after it.
 *
 * <p>Safe by construction: the requests go to a server started on the loopback interface for the purpose (a port the
 * system chooses) and stopped before {@link #prime} returns; it answers every request 403 with a small JSON error, as
 * an upstream refuses a request without credentials. Nothing leaves the container, no upstream is called, no
 * credential is read or sent. What it does not prime: TLS (the loopback server speaks plain HTTP).
 */
public final class HttpPriming {
    private static final byte[] REFUSAL = "{\"errors\":[{\"code\":\"Unauthorized\",\"message\":\"priming\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    private HttpPriming() {
    }

    /**
     * One GET and one form POST (the shapes of an API read and a token request) through {@code client} to a loopback
     * server that refuses both.
     *
     * @return the statuses answered (403 each)
     */
    public static int[] prime(HttpClient client) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "snapstart-priming");
            exchange.sendResponseHeaders(403, REFUSAL.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(REFUSAL);
            }
        });
        server.start();
        try {
            URI base = URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(base.resolve("/priming/read"))
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(base.resolve("/priming/token"))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=none")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new int[] {get.statusCode(), post.statusCode()};
        } finally {
            server.stop(0);
        }
    }
}
