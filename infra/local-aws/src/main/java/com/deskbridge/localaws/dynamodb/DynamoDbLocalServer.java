package com.deskbridge.localaws.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local in server mode ({@link ServerRunner}, telemetry off): in memory, or persistent in a directory
 * ({@code -dbPath -sharedDb}) so a restart keeps the data. It binds all interfaces; clients use 127.0.0.1.
 */
public final class DynamoDbLocalServer implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final int port;

    /**
     * Starts the server.
     *
     * @param port port, 0 for a free one
     * @param dataDir directory for a persistent database, or null for in-memory
     * @throws IllegalStateException when it cannot start
     */
    public DynamoDbLocalServer(int port, Path dataDir) {
        this.port = port == 0 ? freePort() : port;
        List<String> args = new ArrayList<>(List.of("-port", String.valueOf(this.port), "-disableTelemetry"));
        // -sharedDb: one database whatever credentials and region a client uses, so AWS tools see the same tables.
        args.add("-sharedDb");
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create DynamoDB data directory " + dataDir, e);
            }
            args.addAll(List.of("-dbPath", dataDir.toAbsolutePath().toString()));
        }
        try {
            server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + this.port + ": " + e, e);
        }
    }

    /** @return the port it listens on */
    public int port() {
        return port;
    }

    /** @return the endpoint for SDK clients */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Stops the server. DynamoDB Local leaves some non-daemon threads (SQLite queue, job pool) behind: a plain
     * {@code main} that used it must end with {@code System.exit}.
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly: " + e, e);
        }
    }

    /** @return a currently free TCP port */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
