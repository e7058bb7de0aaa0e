package com.deskbridge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets Manager's GetSecretValue at the wire level (the awsJson1_1 protocol) for the API function's tests: the
 * secrets put here, ResourceNotFoundException for every other name. Published as AWS_ENDPOINT_URL_SECRETS_MANAGER
 * while it runs, as the local runner publishes its own stand-in.
 */
final class SecretsManagerStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROPERTY = "AWS_ENDPOINT_URL_SECRETS_MANAGER";
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final HttpServer server;

    SecretsManagerStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            String name = JSON.readTree(ex.getRequestBody()).path("SecretId").asText();
            String value = secrets.get(name);
            byte[] body;
            if (value == null) {
                body = JSON.writeValueAsBytes(Map.of("__type", "ResourceNotFoundException",
                        "message", "Secrets Manager can't find the specified secret."));
                ex.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
                ex.getResponseHeaders().add("content-type", "application/x-amz-json-1.1");
                ex.sendResponseHeaders(400, body.length);
            } else {
                body = JSON.writeValueAsBytes(Map.of("ARN", "arn:aws:secretsmanager:eu-west-1:000000000000:secret:" + name,
                        "Name", name, "SecretString", value, "VersionId", "v1"));
                ex.getResponseHeaders().add("content-type", "application/x-amz-json-1.1");
                ex.sendResponseHeaders(200, body.length);
            }
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        System.setProperty(PROPERTY, "http://127.0.0.1:" + server.getAddress().getPort());
    }

    void put(String name, Map<String, String> fields) {
        try {
            secrets.put(name, JSON.writeValueAsString(fields));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        System.clearProperty(PROPERTY);
        server.stop(0);
    }
}
