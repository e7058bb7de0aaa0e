package com.deskbridge.sim.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side every wire-level simulator shares: a JDK server on the loopback interface with a route table
 * (method + path pattern → operation id + handler), a request id header on every response, an optional latency,
 * per-operation call counts and injected faults ("the next n calls of operation X answer status S"). What a fault
 * looks like on the wire is each simulator's business: every API has its own error shape.
 */
public final class SimServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SimServer.class.getName());
    public static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server otherwise writes headers and body in separate TCP segments and Nagle + delayed ACK add
        // ~40 ms to every response. Read once when the JDK's server classes initialise.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Handles one matched request. {@code path} holds the route pattern's groups. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange exchange, Matcher path) throws IOException;
    }

    /** A request the server answers: method and path pattern, the operation id it counts under, and its handler. */
    public record Route(String method, Pattern path, String operation, Handler handler) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final String requestIdHeader;
    private final Duration latency;
    private final List<Route> routes;
    private final Handler notFound;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Faults faults = new Faults();

    /**
     * @param requestIdHeader the header that carries the request id ({@code x-ebay-c-request-id}, {@code X-Request-Id})
     * @param notFound        answers requests no route matches, in the API's error shape
     */
    public SimServer(String name, int port, String requestIdHeader, Duration latency, List<Route> routes, Handler notFound) {
        this.requestIdHeader = requestIdHeader;
        this.latency = latency == null ? Duration.ZERO : latency;
        this.routes = List.copyOf(routes);
        this.notFound = notFound;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " on port " + port, e);
        }
        this.executor = Executors.newFixedThreadPool(8, daemon(name));
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Requests received for an operation id (rejected ones included). */
    public int callCount(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    /** The next {@code count} calls of {@code operation} that reach {@link #nextFault} answer {@code status}. */
    public void injectFault(String operation, int status, int count) {
        faults.inject(operation, status, count);
    }

    /** Takes the next injected fault of {@code operation}, if any. */
    public Optional<Integer> nextFault(String operation) {
        return faults.next(operation);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange raw) throws IOException {
        try (raw) {
            Exchange ex = new Exchange(this, raw, raw.getRequestBody().readAllBytes());
            raw.getResponseHeaders().set(requestIdHeader, UUID.randomUUID().toString());
            pause();
            String path = raw.getRequestURI().getRawPath();
            boolean pathKnown = false;
            for (Route r : routes) {
                Matcher m = r.path.matcher(path);
                if (m.matches()) {
                    pathKnown = true;
                    if (r.method.equals(raw.getRequestMethod())) {
                        calls.computeIfAbsent(r.operation, k -> new AtomicInteger()).incrementAndGet();
                        try {
                            r.handler.handle(ex, m);
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, "simulator failure on " + raw.getRequestMethod() + " " + path, e);
                            ex.send(500, "text/plain", "simulator failure".getBytes(StandardCharsets.UTF_8));
                        }
                        return;
                    }
                }
            }
            if (pathKnown) {
                ex.send(405, "text/plain", "method not allowed".getBytes(StandardCharsets.UTF_8));
            } else {
                notFound.handle(ex, null);
            }
        }
    }

    private void pause() {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A thread factory of daemon threads named {@code name-1}, {@code name-2}, … (simulators never keep a JVM alive). */
    public static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One request and its response. */
    public static final class Exchange {
        private final SimServer server;
        private final HttpExchange raw;
        private final byte[] body;
        private Map<String, List<String>> query;

        Exchange(SimServer server, HttpExchange raw, byte[] body) {
            this.server = server;
            this.raw = raw;
            this.body = body;
        }

        /** The server that received the request (its faults and counters). */
        public SimServer server() {
            return server;
        }

        public String method() {
            return raw.getRequestMethod();
        }

        public String path() {
            return raw.getRequestURI().getRawPath();
        }

        /** The Host header as sent (the {@code @authority} of a signature). */
        public String authority() {
            String host = raw.getRequestHeaders().getFirst("Host");
            return host == null ? "" : host;
        }

        public String header(String name) {
            return raw.getRequestHeaders().getFirst(name);
        }

        public byte[] body() {
            return body;
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON, or empty when it is absent or not JSON. */
        public Optional<JsonNode> json() {
            if (body.length == 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(JSON.readTree(body));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        public Optional<String> query(String name) {
            List<String> v = queryParams().get(name);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        public Map<String, List<String>> queryParams() {
            if (query == null) {
                String rawQuery = raw.getRequestURI().getRawQuery();
                query = rawQuery == null ? Map.of() : form(rawQuery);
            }
            return query;
        }

        public void setHeader(String name, String value) {
            raw.getResponseHeaders().set(name, value);
        }

        public String responseHeader(String name) {
            return raw.getResponseHeaders().getFirst(name);
        }

        public void json(int status, JsonNode node) throws IOException {
            send(status, "application/json", JSON.writeValueAsBytes(node));
        }

        public void send(int status, String contentType, byte[] bytes) throws IOException {
            raw.getResponseHeaders().set("Content-Type", contentType);
            raw.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                raw.getResponseBody().write(bytes);
            }
        }
    }

    /** Parses {@code application/x-www-form-urlencoded} text (also a query string). */
    public static Map<String, List<String>> form(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
