package com.deskbridge.testsupport.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Chrome DevTools Protocol over the JDK's WebSocket client: numbered commands answered by id, events
 * delivered to one-shot waiters. Sessions ({@code Target.attachToTarget} with {@code flatten}) share the browser's
 * connection, so one socket drives the page.
 */
public final class CdpConnection implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final Duration commandLimit;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<EventWaiter> waiters = new CopyOnWriteArrayList<>();
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    private record EventWaiter(String sessionId, String method, CompletableFuture<JsonNode> future) {
    }

    private CdpConnection(WebSocket socket, Duration commandLimit) {
        this.socket = socket;
        this.commandLimit = commandLimit;
    }

    public static CdpConnection open(String webSocketUrl, Duration commandLimit) throws IOException, InterruptedException {
        Holder holder = new Holder();
        WebSocket socket;
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(webSocketUrl), new Listener(holder))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot open the DevTools WebSocket " + webSocketUrl, e);
        }
        CdpConnection connection = new CdpConnection(socket, commandLimit);
        holder.connection.complete(connection);
        return connection;
    }

    /** Sends a command (to the browser when {@code sessionId} is null) and waits for its result. */
    public JsonNode send(String sessionId, String method, ObjectNode params, Duration limit) {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            socket.sendText(message.toString(), true).get(10, TimeUnit.SECONDS);
            JsonNode response = answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (response.has("error")) {
                throw new CdpException(method, response.get("error"));
            }
            return response.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + method, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(method + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer to " + method + " within " + limit, e);
        } finally {
            pending.remove(id);
        }
    }

    public JsonNode send(String sessionId, String method, ObjectNode params) {
        return send(sessionId, method, params, commandLimit);
    }

    /** A future for the next event {@code method} of the session; register it before the command that causes it. */
    public CompletableFuture<JsonNode> nextEvent(String sessionId, String method) {
        EventWaiter waiter = new EventWaiter(sessionId, method, new CompletableFuture<>());
        waiters.add(waiter);
        return waiter.future();
    }

    /** Uncaught exceptions and console errors the pages reported since the last call (Runtime domain enabled). */
    public synchronized List<String> drainConsoleErrors() {
        List<String> errors = List.copyOf(consoleErrors);
        consoleErrors.removeAll(errors);
        return errors;
    }

    private void onMessage(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        String method = message.path("method").asText();
        String sessionId = message.path("sessionId").asText(null);
        if (method.equals("Runtime.exceptionThrown")) {
            consoleErrors.add(message.path("params").path("exceptionDetails").toString());
        } else if (method.equals("Runtime.consoleAPICalled") && "error".equals(message.path("params").path("type").asText())) {
            consoleErrors.add(message.path("params").path("args").toString());
        }
        for (EventWaiter waiter : waiters) {
            if (waiter.method().equals(method) && (waiter.sessionId() == null || waiter.sessionId().equals(sessionId))) {
                waiters.remove(waiter);
                waiter.future().complete(message.path("params"));
            }
        }
    }

    private void onClosed(Throwable cause) {
        IllegalStateException closed = new IllegalStateException("the DevTools connection closed", cause);
        pending.values().forEach(f -> f.completeExceptionally(closed));
        waiters.forEach(w -> w.future().completeExceptionally(closed));
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        socket.abort();
    }

    /** The connection the listener reports to, known only once the WebSocket is open. */
    private static final class Holder {
        final CompletableFuture<CdpConnection> connection = new CompletableFuture<>();
    }

    /** Collects fragmented text frames (screenshots arrive in many) into whole messages. */
    private static final class Listener implements WebSocket.Listener {
        private final Holder holder;
        private final StringBuilder buffer = new StringBuilder();

        Listener(Holder holder) {
            this.holder = holder;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                holder.connection.thenAccept(c -> c.onMessage(text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            holder.connection.thenAccept(c -> c.onClosed(null));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            holder.connection.thenAccept(c -> c.onClosed(error));
        }
    }

    /** A DevTools command answered with an error. */
    public static final class CdpException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CdpException(String method, JsonNode error) {
            super(method + ": " + error.path("message").asText() + " (" + error.path("code").asInt() + ")");
        }
    }
}
