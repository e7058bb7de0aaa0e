package com.deskbridge.spapi;

import com.deskbridge.testing.MutableClock;
import com.deskbridge.http.Backoff;
import com.deskbridge.http.SecretSource;
import com.deskbridge.sim.spapi.SpApiSimulator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulator with the demo fixture, but with credentials generated per test (so a leak check can look for
 * values that exist nowhere else), a test clock, and a client wired to both over real HTTP.
 */
final class SimulatorHarness implements AutoCloseable {

    static final String SELLER_ID = "A2DESKBRIDGEDEMO";
    static final String SECRET_NAME = "deskbridge/spapi/A2DESKBRIDGEDEMO";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    final String clientId = "amzn1.application-oa2-client." + UUID.randomUUID().toString().replace("-", "");
    final String clientSecret = "amzn1.oa2-cs.v1." + UUID.randomUUID().toString().replace("-", "");
    final String refreshToken = "Atzr|IwEB" + UUID.randomUUID().toString().replace("-", "");
    final List<String> notifications = new CopyOnWriteArrayList<>();
    final SpApiSimulator simulator;
    final SellerAccount seller = new SellerAccount(SELLER_ID, SECRET_NAME, Region.EU);
    final SellerAccount sellerUs = new SellerAccount(SELLER_ID, SECRET_NAME, Region.NA);
    Map<String, String> secret;

    SimulatorHarness() {
        this(w -> { });
    }

    SimulatorHarness(java.util.function.Consumer<ObjectNode> customise) {
        ObjectNode world = demoWorld();
        ObjectNode spapi = (ObjectNode) world.get("spapi");
        spapi.put("latencyMs", 0);
        ObjectNode credential = (ObjectNode) spapi.get("credentials").get(0);
        credential.put("clientId", clientId).put("clientSecret", clientSecret).put("refreshToken", refreshToken);
        customise.accept(world);
        secret = Map.of("client_id", clientId, "client_secret", clientSecret, "refresh_token", refreshToken);
        simulator = SpApiSimulator.start(0, world, clock, notifications::add);
    }

    SecretSource secrets() {
        return name -> {
            if (!name.equals(SECRET_NAME)) {
                throw new IllegalStateException("no secret " + name);
            }
            return secret;
        };
    }

    SpApiClient client() {
        return client(new InMemoryQuotaProvider(clock));
    }

    SpApiClient client(QuotaProvider quotas) {
        return new SpApiClient(HttpClient.newHttpClient(), clock, clock::sleep, secrets(), quotas,
                SpApiEndpoints.local(simulator.baseUrl(), simulator.lwaUrl()),
                Backoff.standard(new SplittableRandom(7)), Duration.ofMinutes(5));
    }

    static ObjectNode demoWorld() {
        try (InputStream in = SpApiSimulator.class.getResourceAsStream("/demo-world-spapi.json")) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
