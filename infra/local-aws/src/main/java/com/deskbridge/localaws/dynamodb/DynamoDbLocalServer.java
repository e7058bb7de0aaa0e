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
 * ({@code -dbPath -sharedDb}) so a restart keeps the data. It listens on 127.0.0.1 only: DynamoDB Local has no option
 * for the address (its Jetty server is built with a port alone, which binds every interface), so its connectors are
 * given the loopback host before it starts.
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
            bindToLoopback(server);
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + this.port + ": " + e, e);
        }
    }

    /**
     * Sets 127.0.0.1 on the not yet started Jetty connectors of DynamoDB Local's proxy server (a private field: the
     * server has no other way to name an address). Fails rather than start listening on every interface.
     */
    private static void bindToLoopback(DynamoDBProxyServer proxy) {
        try {
            java.lang.reflect.Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            org.eclipse.jetty.server.Server jetty = (org.eclipse.jetty.server.Server) field.get(proxy);
            org.eclipse.jetty.server.Connector[] connectors = jetty.getConnectors();
            if (connectors.length == 0) {
                throw new IllegalStateException("DynamoDB Local's Jetty server has no connector to bind");
            }
            for (org.eclipse.jetty.server.Connector connector : connectors) {
                ((org.eclipse.jetty.server.ServerConnector) connector).setHost("127.0.0.1");
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot bind DynamoDB Local to 127.0.0.1 (its server changed shape): " + e, e);
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
