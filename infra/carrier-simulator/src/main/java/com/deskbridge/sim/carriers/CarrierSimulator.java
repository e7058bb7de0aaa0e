package com.deskbridge.sim.carriers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One local HTTP server that speaks the tracking APIs of DHL, UPS, FedEx, USPS, DPD and an AfterShip-style
 * aggregator, each under its own path prefix, so that an adapter's base URL is {@link #baseUrl(String)}. The world
 * (shipments, credentials, quotas, latency, faults) comes from a JSON fixture, the same file the SP-API simulator
 * reads; only the keys "shipments" and "carriers" are read here (see FIXTURE.md). Times in the fixture may be
 * offsets from the clock's reading at start; events later than the clock's current time are not yet visible.
 */
public final class CarrierSimulator implements AutoCloseable {

    /** The carriers served, as used in paths, fixture keys and {@link #baseUrl(String)}. */
    public static final List<String> CARRIERS = List.of("dhl", "ups", "fedex", "usps", "dpd", "aggregator");

    private static final Map<String, Map<String, String>> DEFAULT_CREDENTIALS = Map.of(
            "dhl", Map.of("apiKey", "demo-dhl-key"),
            "ups", Map.of("clientId", "demo-ups-client", "clientSecret", "demo-ups-secret", "tokenTtlSeconds", "14399"),
            "fedex", Map.of("clientId", "demo-fedex-client", "clientSecret", "demo-fedex-secret", "tokenTtlSeconds", "3599"),
            "usps", Map.of("clientId", "demo-usps-client", "clientSecret", "demo-usps-secret", "tokenTtlSeconds", "28799"),
            "dpd", Map.of("clientId", "demo-delis", "clientSecret", "demo-dpd-password", "tokenTtlSeconds", "86400"),
            "aggregator", Map.of("apiKey", "demo-aggregator-key"));

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, CarrierState> states;

    private CarrierSimulator(HttpServer server, ExecutorService executor, Map<String, CarrierState> states) {
        this.server = server;
        this.executor = executor;
        this.states = states;
    }

    /**
     * Starts the simulator on 127.0.0.1.
     *
     * @param port  the port, 0 for any free one
     * @param world the fixture (unknown top-level keys are ignored)
     * @param clock the simulator's time: relative fixture times, quota windows, token expiry
     */
    public static CarrierSimulator start(int port, JsonNode world, Clock clock) {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms per call.
        // Read once by the JDK when its first HttpServer starts, so this helps only if no server started before.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Instant start = clock.instant();
        Map<String, Map<String, ShipmentFixture>> byUpstream = new HashMap<>();
        CARRIERS.forEach(c -> byUpstream.put(c, new LinkedHashMap<>()));
        for (JsonNode n : world.path("shipments")) {
            ShipmentFixture s = ShipmentFixture.parse(n, start);
            byUpstream.get(s.upstream()).put(s.trackingNumber(), s);
        }
        Map<String, CarrierState> states = new LinkedHashMap<>();
        for (String c : CARRIERS) {
            states.put(c, new CarrierState(c, world.path("carriers").path(c), clock, DEFAULT_CREDENTIALS.get(c)));
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            server.createContext("/dhl/", new DhlEndpoint(states.get("dhl"), byUpstream.get("dhl"), clock));
            server.createContext("/ups/", new UpsEndpoint(states.get("ups"), byUpstream.get("ups"), clock));
            server.createContext("/fedex/", new FedexEndpoint(states.get("fedex"), byUpstream.get("fedex"), clock));
            server.createContext("/usps/", new UspsEndpoint(states.get("usps"), byUpstream.get("usps"), clock));
            server.createContext("/dpd/", new DpdEndpoint(states.get("dpd"), byUpstream.get("dpd"), clock));
            server.createContext("/_simulator/accounts", ex -> {
                try (ex) {
                    Map<String, Object> counts = new LinkedHashMap<>();
                    states.forEach((name, state) -> counts.put(name, state.accountCounts()));
                    byte[] body = new ObjectMapper().writeValueAsBytes(counts);
                    ex.getResponseHeaders().set("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                }
            });
            server.createContext("/aggregator/", new AggregatorEndpoint(states.get("aggregator"), byUpstream.get("aggregator"), clock));
            ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "carrier-simulator");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            server.start();
            return new CarrierSimulator(server, executor, states);
        } catch (IOException e) {
            throw new UncheckedIOException("carrier simulator could not listen on port " + port, e);
        }
    }

    /** Starts the simulator with the fixture in {@code fixture}. */
    public static CarrierSimulator start(int port, Path fixture, Clock clock) {
        try {
            return start(port, new ObjectMapper().readTree(fixture.toFile()), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read carrier fixture " + fixture, e);
        }
    }

    /** The bundled demo world (demo-world-carriers.json). */
    public static JsonNode demoWorld() {
        try (var in = CarrierSimulator.class.getResourceAsStream("/demo-world-carriers.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL an adapter for {@code carrier} ("dhl", "ups", ...) is configured with. */
    public String baseUrl(String carrier) {
        return "http://127.0.0.1:" + port() + "/" + state(carrier).name;
    }

    /**
     * The credentials this simulator accepts for {@code carrier}, with the field names the carrier adapters read
     * from their secret ({@code apiKey}; {@code clientId}/{@code clientSecret}; DPD {@code delisId}/{@code password}),
     * so a local secret source can hand them over unchanged.
     */
    public Map<String, String> credentials(String carrier) {
        CarrierState s = state(carrier);
        return switch (s.name) {
            case "dhl", "aggregator" -> Map.of("apiKey", s.apiKey);
            case "dpd" -> Map.of("delisId", s.clientId, "password", s.clientSecret);
            default -> Map.of("clientId", s.clientId, "clientSecret", s.clientSecret);
        };
    }

    /**
     * Per account of {@code carrier} (the fixture's {@code accounts} by name, and {@code default}): tracking calls its
     * credentials authorized and tokens issued to it. Also served as {@code GET /_simulator/accounts} (every carrier).
     */
    public Map<String, Map<String, Integer>> accountCounts(String carrier) {
        return state(carrier).accountCounts();
    }

    /** Tracking requests received (served, refused or failed), not counting token requests. */
    public int callCount(String carrier) {
        return state(carrier).calls.get();
    }

    public int tokenCallCount(String carrier) {
        return state(carrier).tokenCalls.get();
    }

    /** Tracking requests answered 429 because the carrier's quota was used up. */
    public int rejectedCount(String carrier) {
        return state(carrier).rejected.get();
    }

    /** The next {@code count} tracking calls of {@code carrier} fail with {@code status}. */
    public void injectFaults(String carrier, int status, int count) {
        state(carrier).injectFaults(status, count);
    }

    /** Forgets every issued token (as if they expired), so the next call with an old token gets the carrier's 401. */
    public void revokeTokens(String carrier) {
        state(carrier).revokeTokens();
    }

    /** Replaces the carrier's quota: {@code limit} calls per fixed window of {@code period}. */
    public void setQuota(String carrier, int limit, Duration period) {
        state(carrier).setQuota(limit, period);
    }

    private CarrierState state(String carrier) {
        CarrierState s = states.get(carrier == null ? "" : carrier.toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("unknown carrier " + carrier + "; known: " + CARRIERS);
        }
        return s;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
