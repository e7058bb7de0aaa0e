package com.deskbridge.local;

import com.deskbridge.sim.carriers.CarrierSimulator;
import com.deskbridge.sim.ebay.EbaySimulator;
import com.deskbridge.sim.spapi.SpApiSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The outside world of the local system: Amazon's Selling Partner API and the carriers' tracking APIs as wire-level
 * simulators, fed from one world fixture (orders, shipments, carrier timelines, injected faults; format in
 * infra/spapi-simulator/FIXTURE.md and infra/carrier-simulator/FIXTURE.md), and the secrets the functions read to
 * call them. Without a fixture file the demo world (both simulators' bundled demos) is used.
 */
public final class LocalWorld implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SpApiSimulator spApi;
    private final CarrierSimulator carriers;
    private final LocalSecretsManager secrets;
    private final AtomicReference<Consumer<String>> notifications;
    private final JsonNode world;
    /** The eBay and Shopify simulators (started with the others, closed with them). */
    private LocalChannels channels;

    private LocalWorld(SpApiSimulator spApi, CarrierSimulator carriers, LocalSecretsManager secrets,
                       AtomicReference<Consumer<String>> notifications, JsonNode world) {
        this.spApi = spApi;
        this.carriers = carriers;
        this.secrets = secrets;
        this.notifications = notifications;
        this.world = world;
    }

    /** @param fixture the world file, or null for the demo world */
    public static LocalWorld start(Path fixture, int spApiPort, int carriersPort, Clock clock) {
        JsonNode world = fixture == null ? demoWorld() : read(fixture);
        AtomicReference<Consumer<String>> notifications = new AtomicReference<>(body -> { });
        SpApiSimulator spApi = null;
        CarrierSimulator carriers = null;
        try {
            spApi = SpApiSimulator.start(spApiPort, world, clock, body -> notifications.get().accept(body));
            carriers = CarrierSimulator.start(carriersPort, LocalChannels.withJourneyParcels(world), clock);
            LocalWorld started = new LocalWorld(spApi, carriers, LocalSecretsManager.start(), notifications, world);
            try {
                started.channels = LocalChannels.start(clock, world);
            } catch (RuntimeException e) {
                started.secrets.close();
                throw e;
            }
            return started;
        } catch (RuntimeException e) {
            if (spApi != null) {
                spApi.close();
            }
            if (carriers != null) {
                carriers.close();
            }
            throw e;
        }
    }

    /** The two bundled demo worlds merged: their top-level keys do not overlap. */
    public static JsonNode demoWorld() {
        ObjectNode merged = JSON.createObjectNode();
        for (String resource : new String[] {"/demo-world-spapi.json", "/demo-world-carriers.json"}) {
            try (InputStream in = LocalWorld.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("demo world " + resource + " is not on the classpath");
                }
                JsonNode part = JSON.readTree(in);
                for (Iterator<Map.Entry<String, JsonNode>> it = part.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    merged.set(e.getKey(), e.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return merged;
    }

    private static JsonNode read(Path fixture) {
        try {
            return JSON.readTree(Files.readAllBytes(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the world fixture " + fixture, e);
        }
    }

    /**
     * Lets {@code sellerId} call the SP-API simulator: stores the world's first seller-app credentials under the name
     * the functions look up ({@code <SpApiSecretPrefix><sellerId>}).
     */
    public void grantSpApi(String secretPrefix, String sellerId) {
        var credentials = spApi.credentials();
        if (credentials.isEmpty()) {
            throw new IllegalStateException("the world fixture has no spapi.credentials");
        }
        secrets.put(secretPrefix + sellerId, credentials.get(0));
    }

    /**
     * Authorises the Deskbridge sellers the fixture names for the Amazon seller account they belong to
     * ({@code spapi.credentials[].localSellers}, FIXTURE.md) and returns them.
     */
    public java.util.List<String> grantFixtureSellers(String secretPrefix) {
        java.util.List<String> granted = new java.util.ArrayList<>();
        for (JsonNode credential : world.path("spapi").path("credentials")) {
            String amazonSeller = credential.path("sellerId").asText();
            for (JsonNode local : credential.path("localSellers")) {
                secrets.put(secretPrefix + local.asText(), spApi.credentials(amazonSeller).orElseThrow(() ->
                        new IllegalStateException("no SP-API credentials for " + amazonSeller)));
                granted.add(local.asText());
            }
        }
        return granted;
    }

    /**
     * Authorises every seller that has no authorisation of its own with the world's first seller-app credentials
     * (on) or withdraws that (off): what a local user signing in with any seller id meets.
     */
    public void grantSpApiToEverySeller(String secretPrefix, boolean on) {
        if (!on) {
            secrets.removeForEveryNameUnder(secretPrefix);
            return;
        }
        var credentials = spApi.credentials();
        if (credentials.isEmpty()) {
            throw new IllegalStateException("the world fixture has no spapi.credentials");
        }
        secrets.putForEveryNameUnder(secretPrefix, credentials.get(0));
    }

    /** Stores each simulated carrier's credentials under the name the functions look up ({@code deskbridge/carriers/<carrier>}). */
    public void grantCarriers() {
        for (String carrier : CarrierSimulator.CARRIERS) {
            secrets.put("deskbridge/carriers/" + carrier, carriers.credentials(carrier));
        }
    }

    /** The eBay simulator (the run's world's {@code ebaySellers} and conversations beside the demo and journey ones). */
    public EbaySimulator ebay() {
        return channels.ebay();
    }

    /** The Shopify simulator (the run's world's {@code shopify.shops} and {@code shopifyOrders} beside the demo and journey ones). */
    public com.deskbridge.sim.shopify.ShopifySimulator shopify() {
        return channels.shopify();
    }

    /**
     * What the onboarding API needs locally, as a deploy provides it: the SP-API application's LWA client and
     * application id (the simulator's) and a state-signing key made up now (the template generates one at deploy).
     */
    public void grantOnboarding(String applicationSecretName, String stateKeySecretName) {
        secrets.put(applicationSecretName, spApi.applicationCredentials());
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        secrets.put(stateKeySecretName, Map.of("key", java.util.HexFormat.of().formatHex(key)));
    }

    /** Where SP-API notifications (FEED_PROCESSING_FINISHED) go: the local notification queue, once it exists. */
    public void deliverNotificationsTo(Consumer<String> sink) {
        notifications.set(sink);
    }

    public SpApiSimulator spApi() {
        return spApi;
    }

    public CarrierSimulator carriers() {
        return carriers;
    }

    public LocalSecretsManager secrets() {
        return secrets;
    }

    /** The eBay and Shopify simulators with the journey seller's accounts. */
    LocalChannels channels() {
        return channels;
    }

    public JsonNode world() {
        return world;
    }

    @Override
    public void close() {
        if (channels != null) {
            channels.close();
        }
        spApi.close();
        carriers.close();
        secrets.close();
    }
}
