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
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * SnapStart priming of the JDK HTTP client's request path (the adapters' {@link UpstreamHttp#send} uses it): the
 * client's exchange, HTTP/1.1 request and response, socket tube and body subscriber classes and their lambdas are
 * loaded, linked and run before the snapshot, not on the first enrichment request after it.
 *
 * <p>Safe by construction: the requests go to a server started on the loopback interface for the purpose (a port the
 * system chooses) and stopped before {@link #prime} returns; it answers every request 403 with a small JSON error, as
 * an upstream refuses a request without credentials. Nothing leaves the container, no upstream is called, no
 * credential is read or sent. What it does not prime: TLS (the loopback server speaks plain HTTP).
 * {@link #withLoopback} serves given answers (recorded upstream bodies) the same way, for a client's parsing code.
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
        return withLoopback(request -> null, base -> {
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(base.resolve("/priming/read"))
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(base.resolve("/priming/token"))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=none")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new int[] {get.statusCode(), post.statusCode()};
        });
    }

    /** What the loopback server answers one request with. */
    public record Answer(int status, String contentType, byte[] body) {
        public Answer {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** Work done against the loopback server, given its base URI ({@code http://127.0.0.1:port}). */
    @FunctionalInterface
    public interface LoopbackWork<T> {
        T run(URI base) throws IOException, InterruptedException;
    }

    /**
     * Runs {@code work} against a server started on the loopback interface for the purpose (a port the system
     * chooses), stopped before this returns. Each request is answered with {@code answers.apply("METHOD /path?query")}
     * - followed by a space and its {@code X-Amz-Target} header where it has one (an AWS JSON protocol's operation,
     * e.g. {@code "POST / DynamoDB_20120810.GetItem"}) -, its body read and not shown to {@code answers}; a request it
     * has no answer for (null) is refused 403 with a small JSON error, as an upstream refuses a request without
     * credentials. Priming can so run a client's real parsing and mapping code on
     * recorded upstream answers with nothing leaving the container.
     */
    public static <T> T withLoopback(Function<String, Answer> answers, LoopbackWork<T> work)
            throws IOException, InterruptedException {
        return withLoopback((request, body) -> answers.apply(request), work);
    }

    /**
     * {@link #withLoopback(Function, LoopbackWork)} whose answers also see each request's body (an AWS JSON protocol's
     * request names its table and key there).
     */
    public static <T> T withLoopback(BiFunction<String, byte[], Answer> answers, LoopbackWork<T> work)
            throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target"); // AWS JSON protocols' operation
            Answer answer = answers.apply(exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + (target == null ? "" : " " + target), request);
            if (answer == null) {
                answer = new Answer(403, "application/json", REFUSAL);
            }
            byte[] body = answer.body();
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.getResponseHeaders().add("x-amzn-RequestId", "snapstart-priming");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            return work.run(URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()));
        } finally {
            server.stop(0);
        }
    }
}
