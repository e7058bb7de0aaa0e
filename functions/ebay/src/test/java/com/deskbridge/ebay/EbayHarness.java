package com.deskbridge.ebay;

import com.deskbridge.channels.InMemoryActionAttempts;
import com.deskbridge.http.Backoff;
import com.deskbridge.http.SecretSource;
import com.deskbridge.sim.ebay.EbaySimulator;
import com.deskbridge.testing.MutableClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The eBay simulator with the demo world (no latency), a test clock, secrets as the simulator made them up, and a
 * client wired to it over real HTTP.
 */
final class EbayHarness implements AutoCloseable {

    static final String SELLER = "demo-seller";
    static final String SECRET = "deskbridge/ebay/demo-seller";
    static final String APP_SECRET = "deskbridge/ebay/app";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    final List<EbaySimulator.PlatformNotification> notifications = new CopyOnWriteArrayList<>();
    final EbaySimulator sim;
    final Map<String, Map<String, String>> secrets = new HashMap<>();
    final EbayAccount account = new EbayAccount(SELLER, SECRET, "deskbridge_demo_de", "EBAY_DE", true);
    final InMemoryActionAttempts attempts = new InMemoryActionAttempts();

    EbayHarness() {
        this(w -> { });
    }

    EbayHarness(Consumer<ObjectNode> customise) {
        ObjectNode world = (ObjectNode) EbaySimulator.demoWorld();
        ((ObjectNode) world.get("ebay")).put("latencyMs", 0);
        customise.accept(world);
        sim = EbaySimulator.start(0, world, clock, notifications::add);
        secrets.put(SECRET, new HashMap<>(sim.credentials(SELLER)));
        Map<String, String> app = new HashMap<>(sim.credentials(SELLER));
        app.put("dev_id", sim.devId());
        secrets.put(APP_SECRET, app);
    }

    SecretSource secretSource() {
        return SecretSource.of(secrets);
    }

    EbayClient client() {
        return client(new EbayCallLimits(clock));
    }

    EbayClient client(EbayCallLimits limits) {
        return new EbayClient(HttpClient.newHttpClient(), clock, clock::sleep, secretSource(), EbayEndpoints.local(sim.baseUrl()),
                limits, Backoff.standard(new SplittableRandom(7)), Duration.ofMinutes(5));
    }

    EbaySellers sellers() {
        return id -> {
            if (!id.equals(SELLER)) {
                throw new IllegalStateException("seller " + id + " has not authorised Deskbridge on eBay");
            }
            return account;
        };
    }

    @Override
    public void close() {
        sim.close();
    }
}
