package com.deskbridge.localaws.events;

import com.deskbridge.localaws.DaemonThreads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP endpoint speaking EventBridge's PutEvents wire protocol ({@code POST /},
 * {@code X-Amz-Target: AWSEvents.PutEvents}, {@code application/x-amz-json-1.1}), so the real SDK
 * {@code EventBridgeClient} works against it. Signatures are not checked.
 */
public final class EventBridgeEndpoint implements AutoCloseable {
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final LocalEventBridge bridge;
    private final PrintStream log;

    /**
     * Starts the endpoint on 127.0.0.1.
     *
     * @param port port, 0 for an ephemeral one
     * @param bridge the EventBridge semantics
     * @param log where errors go
     * @throws IOException when the port cannot be bound
     */
    public EventBridgeEndpoint(int port, LocalEventBridge bridge, PrintStream log) throws IOException {
        this.bridge = bridge;
        this.log = log;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        this.executor = Executors.newFixedThreadPool(4, new DaemonThreads("local-eventbridge-http"));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return the endpoint URL, e.g. {@code http://127.0.0.1:4010} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @return the bound port */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                respond(exchange);
            } catch (RuntimeException e) {
                log.println("[local-aws] EventBridge endpoint error: " + e);
                send(exchange, 500, error("InternalException", String.valueOf(e.getMessage())));
            }
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            send(exchange, 405, error("UnknownOperationException", "Only POST is supported."));
            return;
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"AWSEvents.PutEvents".equals(target)) {
            send(exchange, 400, error("UnknownOperationException",
                    "Operation " + target + " is not supported by the local EventBridge (only PutEvents)."));
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (body.length > LocalEventBridge.MAX_REQUEST_BYTES) {
            send(exchange, 400, error("ValidationException",
                    "Total size of the entries in the request is over the limit."));
            return;
        }
        JsonNode request;
        try {
            request = MAPPER.readTree(body);
        } catch (IOException e) {
            send(exchange, 400, error("SerializationException", "Request body is not valid JSON."));
            return;
        }
        try {
            send(exchange, 200, bridge.putEvents(request));
        } catch (IllegalArgumentException e) {
            send(exchange, 400, error("ValidationException", e.getMessage()));
        }
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("__type", type);
        node.put("message", message);
        return node;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
