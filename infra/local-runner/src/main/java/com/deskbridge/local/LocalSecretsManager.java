package com.deskbridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS Secrets Manager's {@code GetSecretValue}, {@code PutSecretValue}, {@code CreateSecret}, {@code DeleteSecret}
 * (without a recovery window) and {@code ListSecrets} (names only), at the wire level
 * (JSON 1.1 protocol, as the AWS SDK speaks it), for the secrets the local system needs: the simulators' API
 * credentials, and what onboarding stores (a seller's refresh token, its carrier credentials). No Secrets Manager emulator runs on this
 * machine; this is the smallest faithful stand-in, and functions use their real {@code SecretsManagerSource}
 * against it. Secret values never leave it except in responses, and are never logged.
 */
public final class LocalSecretsManager implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    /** Requests received, by operation ({@code GetSecretValue}, ...): what tests count calls by. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> calls = new ConcurrentHashMap<>();
    /** Secrets every name under a prefix has unless it is stored itself (prefix -> JSON value). */
    private final Map<String, String> fallbacks = new ConcurrentHashMap<>();

    private LocalSecretsManager(HttpServer server) {
        this.server = server;
    }

    public static LocalSecretsManager start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LocalSecretsManager manager = new LocalSecretsManager(server);
            server.createContext("/", manager::handle);
            server.start();
            return manager;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a secret as a JSON object of string fields, the shape every Deskbridge secret has. */
    public LocalSecretsManager put(String name, Map<String, String> fields) {
        secrets.put(name, JSON.valueToTree(fields).toString());
        return this;
    }

    /**
     * Answers every name starting with {@code prefix} that has no secret of its own with {@code fields}: how the
     * local system authorises every seller a local user signs in with (README "Try it").
     */
    public LocalSecretsManager putForEveryNameUnder(String prefix, Map<String, String> fields) {
        fallbacks.put(prefix, JSON.valueToTree(fields).toString());
        return this;
    }

    /** Withdraws what {@link #putForEveryNameUnder} gave. */
    public LocalSecretsManager removeForEveryNameUnder(String prefix) {
        fallbacks.remove(prefix);
        return this;
    }

    private String lookup(String id) {
        String own = secrets.get(id);
        if (own != null) {
            return own;
        }
        return fallbacks.entrySet().stream().filter(f -> id.startsWith(f.getKey()) && id.length() > f.getKey().length())
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Requests received for {@code operation} ({@code GetSecretValue}, {@code PutSecretValue}, ...), answered or refused. */
    public int calls(String operation) {
        java.util.concurrent.atomic.AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (target != null) {
                calls.computeIfAbsent(target.substring(target.indexOf('.') + 1), k -> new java.util.concurrent.atomic.AtomicInteger())
                        .incrementAndGet();
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String id = body == null ? null : body.path("SecretId").asText(null);
            if ("secretsmanager.PutSecretValue".equals(target) || "secretsmanager.CreateSecret".equals(target)) {
                write(exchange, target.endsWith("CreateSecret"), body);
                return;
            }
            if ("secretsmanager.DeleteSecret".equals(target)) {
                delete(exchange, body);
                return;
            }
            if ("secretsmanager.ListSecrets".equals(target)) {
                list(exchange, body);
                return;
            }
            if (!"secretsmanager.GetSecretValue".equals(target)) {
                respond(exchange, 400, error("UnknownOperationException",
                        "only GetSecretValue, PutSecretValue, CreateSecret, DeleteSecret and ListSecrets are served locally"));
                return;
            }
            String value = id == null ? null : lookup(id);
            if (value == null) {
                respond(exchange, 400, error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
                return;
            }
            ObjectNode answer = JSON.createObjectNode();
            answer.put("ARN", "arn:aws:secretsmanager:eu-west-1:000000000000:secret:" + id + "-local");
            answer.put("Name", id);
            answer.put("VersionId", UUID.nameUUIDFromBytes(value.getBytes(StandardCharsets.UTF_8)).toString());
            answer.put("SecretString", value);
            answer.putArray("VersionStages").add("AWSCURRENT");
            answer.put("CreatedDate", Instant.now().getEpochSecond());
            respond(exchange, 200, answer);
        }
    }

    /**
     * PutSecretValue replaces the value of a secret that exists (404-style ResourceNotFoundException otherwise, a
     * prefix's fallback is no secret of its own); CreateSecret creates one that does not (ResourceExistsException).
     */
    private void write(HttpExchange exchange, boolean create, JsonNode body) throws IOException {
        String name = body == null ? null : body.path(create ? "Name" : "SecretId").asText(null);
        String value = body == null ? null : body.path("SecretString").asText(null);
        if (name == null || value == null) {
            respond(exchange, 400, error("InvalidParameterException", "a name and a SecretString are required"));
            return;
        }
        synchronized (secrets) {
            boolean exists = secrets.containsKey(name);
            if (create && exists) {
                respond(exchange, 400, error("ResourceExistsException", "The operation failed because the secret " + name
                        + " already exists."));
                return;
            }
            if (!create && !exists) {
                respond(exchange, 400, error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
                return;
            }
            secrets.put(name, value);
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("ARN", "arn:aws:secretsmanager:eu-west-1:000000000000:secret:" + name + "-local");
        answer.put("Name", name);
        answer.put("VersionId", UUID.nameUUIDFromBytes(value.getBytes(StandardCharsets.UTF_8)).toString());
        if (!create) {
            answer.putArray("VersionStages").add("AWSCURRENT");
        }
        respond(exchange, 200, answer);
    }

    /**
     * DeleteSecret with {@code ForceDeleteWithoutRecovery} (what Deskbridge asks for: the name may be created again at
     * once); a recovery window is not served locally (InvalidRequestException). ResourceNotFoundException for a name
     * that has no secret of its own.
     */
    private void delete(HttpExchange exchange, JsonNode body) throws IOException {
        String name = body == null ? null : body.path("SecretId").asText(null);
        if (name == null) {
            respond(exchange, 400, error("InvalidParameterException", "a SecretId is required"));
            return;
        }
        if (!body.path("ForceDeleteWithoutRecovery").asBoolean(false)) {
            respond(exchange, 400, error("InvalidRequestException",
                    "only ForceDeleteWithoutRecovery is served locally (no recovery window)"));
            return;
        }
        if (secrets.remove(name) == null) {
            respond(exchange, 400, error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("ARN", "arn:aws:secretsmanager:eu-west-1:000000000000:secret:" + name + "-local");
        answer.put("Name", name);
        answer.put("DeletionDate", Instant.now().getEpochSecond());
        respond(exchange, 200, answer);
    }

    /**
     * ListSecrets with {@code name} filters (a prefix match, as in AWS: the eBay message poll finds the sellers with an
     * eBay account by their secrets' names), names and ARNs only, never values; one page (the local system holds few
     * secrets). A prefix's fallback ({@link #putForEveryNameUnder}) is no secret of its own and is not listed.
     */
    private void list(HttpExchange exchange, JsonNode body) throws IOException {
        java.util.List<String> prefixes = new java.util.ArrayList<>();
        if (body != null) {
            for (JsonNode f : body.path("Filters")) {
                if ("name".equals(f.path("Key").asText())) {
                    f.path("Values").forEach(v -> prefixes.add(v.asText()));
                }
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode list = answer.putArray("SecretList");
        secrets.keySet().stream().sorted()
                .filter(name -> prefixes.isEmpty() || prefixes.stream().anyMatch(p -> name.toLowerCase(java.util.Locale.ROOT)
                        .startsWith(p.toLowerCase(java.util.Locale.ROOT))))
                .forEach(name -> list.addObject().put("ARN", "arn:aws:secretsmanager:eu-west-1:000000000000:secret:" + name + "-local")
                        .put("Name", name));
        respond(exchange, 200, answer);
    }

    /** Whether a secret of its own is stored under {@code name} (tests: onboarding stored one). */
    public boolean has(String name) {
        return secrets.containsKey(name);
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("__type", type);
        error.put("message", message);
        return error;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
