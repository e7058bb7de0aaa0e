package com.deskbridge.console;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the agent console (plain HTML/JS/CSS from the classpath folder {@value #ROOT}) and {@code /config.json},
 * which tells the page where the helpdesk API and the local runner's demo token endpoint are. The console runs on
 * its own origin (the template's {@code HelpdeskOrigin}, http://localhost:5173 by default) and calls the API
 * cross-origin, exactly as the deployed helpdesk UI does behind API Gateway's CORS settings.
 *
 * <p>Only files below {@value #ROOT} with a known type are served; any path with a dot segment, a backslash or
 * an encoded separator is refused, so nothing else on the classpath can be reached.
 */
public final class ConsoleServer implements AutoCloseable {
    /** The classpath folder the console's files live in. */
    static final String ROOT = "console/";
    /** Where the local runner's emulated issuer hands out demo tokens, relative to the API base URL. */
    static final String TOKEN_PATH = "/local-issuer/token";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] config;
    private final String contentSecurityPolicy;

    private ConsoleServer(HttpServer server, ExecutorService executor, URI apiBaseUrl) {
        this.server = server;
        this.executor = executor;
        String api = stripTrailingSlash(apiBaseUrl.toString());
        this.config = ("{\"apiBaseUrl\":" + jsonString(api) + ",\"tokenEndpoint\":" + jsonString(api + TOKEN_PATH) + "}")
                .getBytes(StandardCharsets.UTF_8);
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + origin(apiBaseUrl) + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }

    /**
     * Starts serving on the loopback interface.
     *
     * @param port       the port, 0 for any free one (tests); the helpdesk origin in template.yaml uses 5173
     * @param apiBaseUrl the helpdesk API, e.g. {@code http://localhost:3000}
     */
    public static ConsoleServer start(int port, URI apiBaseUrl) {
        if (apiBaseUrl == null || apiBaseUrl.getScheme() == null || apiBaseUrl.getHost() == null
                || !(apiBaseUrl.getScheme().equals("http") || apiBaseUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException("apiBaseUrl must be an absolute http(s) URL, was " + apiBaseUrl);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "console-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ConsoleServer console = new ConsoleServer(server, executor, apiBaseUrl);
        server.createContext("/", console::handle);
        server.setExecutor(executor);
        server.start();
        return console;
    }

    /** The port actually listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The console's own address, e.g. {@code http://localhost:5173/} (it listens on the loopback interface). */
    public URI baseUrl() {
        return URI.create("http://localhost:" + port() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "Method Not Allowed\n".getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            if ("/config.json".equals(rawPath)) {
                send(exchange, 200, TYPES.get("json"), config, head);
                return;
            }
            Optional<String> resource = resourceName(rawPath);
            byte[] body = resource.map(ConsoleServer::read).orElse(null);
            if (body == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not Found\n".getBytes(StandardCharsets.UTF_8), head);
                return;
            }
            send(exchange, 200, TYPES.get(extension(resource.get())), body, head);
        }
    }

    /**
     * The classpath resource for a raw request path, or empty when the path is not a plain file name below
     * {@value #ROOT}: dot segments, empty segments, backslashes, NULs and percent-encoded separators or dots are
     * refused before anything is looked up.
     */
    static Optional<String> resourceName(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String path = rawPath.equals("/") ? "/index.html" : rawPath;
        String lower = path.toLowerCase(Locale.ROOT);
        // Console file names are plain ASCII: any escape is refused rather than decoded, so "%2e%2e", "%2f" and
        // double encodings never become separators or dot segments.
        if (lower.contains("%") || path.contains("\\") || path.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String relative = path.substring(1);
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || !segment.matches("[A-Za-z0-9._-]+") || segment.startsWith(".")) {
                return Optional.empty();
            }
        }
        String extension = extension(relative);
        if (!TYPES.containsKey(extension)) {
            return Optional.empty();
        }
        return Optional.of(ROOT + relative);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ConsoleServer.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body, boolean head) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        if (head) {
            headers.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        return dot > slash ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Runs the console on its own: {@code --port=5173 --api=http://localhost:3000} (the defaults: the template's
     * HelpdeskOrigin and the local runner's API). Stops on Ctrl-C.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 5173;
        URI api = URI.create("http://localhost:3000");
        try {
            for (String arg : args) {
                if (arg.startsWith("--port=")) {
                    port = Integer.parseInt(arg.substring("--port=".length()).trim());
                } else if (arg.startsWith("--api=")) {
                    api = URI.create(arg.substring("--api=".length()).trim());
                } else {
                    throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: ConsoleServer [--port=5173] [--api=http://localhost:3000]");
            System.exit(2);
            return;
        }
        ConsoleServer console = start(port, api);
        System.out.println("Agent console: " + console.baseUrl() + " (API " + api + "; sign in with any agent and seller)");
        Runtime.getRuntime().addShutdownHook(new Thread(console::close, "console-shutdown"));
        Thread.currentThread().join();
    }
}
