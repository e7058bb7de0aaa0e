package com.deskbridge.shopify;

import com.deskbridge.channels.InMemoryActionAttempts;
import com.deskbridge.http.Backoff;
import com.deskbridge.http.SecretSource;
import com.deskbridge.sim.shopify.ShopifySimulator;
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

/** The Shopify simulator with the demo world (no latency), a test clock, and a client wired to it over real HTTP. */
final class ShopifyHarness implements AutoCloseable {

    static final String SELLER = "demo-seller";
    static final String DOMAIN = "deskbridge-demo.myshopify.com";
    static final String SECRET = "deskbridge/shopify/demo-seller";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    final List<ShopifySimulator.WebhookDelivery> webhooks = new CopyOnWriteArrayList<>();
    final ShopifySimulator sim;
    final Map<String, Map<String, String>> secrets = new HashMap<>();
    final ShopifyShop shop = new ShopifyShop(SELLER, DOMAIN, SECRET, List.of());
    final InMemoryActionAttempts attempts = new InMemoryActionAttempts();
    /** The stored refresh token (what Secrets Manager holds in AWS). */
    final Map<String, String> storedRefresh = new HashMap<>();

    ShopifyHarness() {
        this(w -> { });
    }

    ShopifyHarness(Consumer<ObjectNode> customise) {
        ObjectNode world = (ObjectNode) ShopifySimulator.demoWorld();
        ((ObjectNode) world.get("shopify")).put("latencyMs", 0);
        customise.accept(world);
        sim = ShopifySimulator.start(0, world, clock, webhooks::add);
        Map<String, String> creds = sim.credentials(DOMAIN);
        secrets.put(SECRET, new HashMap<>(Map.of("client_id", creds.get("client_id"), "client_secret", creds.get("client_secret"))));
        storedRefresh.put(DOMAIN, creds.get("refresh_token"));
    }

    SecretSource secretSource() {
        return SecretSource.of(secrets);
    }

    RefreshTokens refreshTokens() {
        return new RefreshTokens() {
            @Override
            public synchronized String current(ShopifyShop s) {
                return storedRefresh.get(s.shopDomain());
            }

            @Override
            public synchronized boolean replace(ShopifyShop s, String previous, String next) {
                if (!previous.equals(storedRefresh.get(s.shopDomain()))) {
                    return false;
                }
                storedRefresh.put(s.shopDomain(), next);
                return true;
            }
        };
    }

    ShopifyClient client() {
        return new ShopifyClient(HttpClient.newHttpClient(), clock, clock::sleep, secretSource(), refreshTokens(),
                ShopifyEndpoints.local(sim.baseUrl()), Backoff.standard(new SplittableRandom(3)), Duration.ofMinutes(2));
    }

    ShopifyShops shops() {
        return id -> {
            if (!id.equals(SELLER)) {
                throw new IllegalStateException("seller " + id + " has no Shopify store");
            }
            return shop;
        };
    }

    @Override
    public void close() {
        sim.close();
    }
}
