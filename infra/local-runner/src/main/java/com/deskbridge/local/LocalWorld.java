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
    /** The eBay simulator, when the world has eBay sellers ({@code ebaySellers}, infra/ebay-simulator/FIXTURE.md). */
    private EbaySimulator ebay;

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
            carriers = CarrierSimulator.start(carriersPort, world, clock);
            LocalWorld started = new LocalWorld(spApi, carriers, LocalSecretsManager.start(), notifications, world);
            if (world.path("ebaySellers").size() > 0) {
                // buyers' eBay messages and the sellers' replies (Message API); its platform notifications go nowhere yet
                started.ebay = EbaySimulator.start(0, world, clock, notification -> { });
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

    /**
     * Stores the eBay authorisation of every seller of the world's {@code ebaySellers} under the name the functions look
     * up ({@code <EbaySecretPrefix><sellerId>}): the simulator's OAuth credentials and the account's user name,
     * marketplace and domicile. Returns the sellers.
     */
    public java.util.List<String> grantEbay(String secretPrefix) {
        java.util.List<String> granted = new java.util.ArrayList<>();
        if (ebay == null) {
            return granted;
        }
        for (JsonNode seller : world.path("ebaySellers")) {
            String sellerId = seller.path("sellerId").asText();
            Map<String, String> secret = new java.util.LinkedHashMap<>(ebay.credentials(sellerId));
            secret.put("username", seller.path("username").asText());
            secret.put("marketplace_id", seller.path("marketplaceId").asText("EBAY_DE"));
            secret.put("eu_or_uk_domiciled", Boolean.toString(seller.path("euOrUkDomiciled").asBoolean(true)));
            secrets.put(secretPrefix + sellerId, secret);
            granted.add(sellerId);
        }
        return granted;
    }

    /**
     * Stores the shop of every store in the world's {@code shopify.shops[]} that names a {@code supportAddress} under
     * the name the functions look up ({@code <ShopifySecretPrefix><sellerId>}): {@code shop_domain} and
     * {@code support_address}, the address the seller's Shopify and e-mail replies are mailed from, and the app's
     * {@code client_secret} when the world gives one (webhook signatures). Returns the sellers.
     */
    public java.util.List<String> grantShops(String secretPrefix) {
        java.util.List<String> granted = new java.util.ArrayList<>();
        for (JsonNode shop : world.path("shopify").path("shops")) {
            if (!shop.hasNonNull("supportAddress")) {
                continue;
            }
            Map<String, String> secret = new java.util.LinkedHashMap<>();
            secret.put("shop_domain", shop.path("shopDomain").asText());
            secret.put("support_address", shop.path("supportAddress").asText());
            if (shop.hasNonNull("clientSecret")) {
                secret.put("client_secret", shop.path("clientSecret").asText());
            }
            secrets.put(secretPrefix + shop.path("sellerId").asText(), secret);
            granted.add(shop.path("sellerId").asText());
        }
        return granted;
    }

    /** The eBay simulator, when the world has eBay sellers. */
    public java.util.Optional<EbaySimulator> ebay() {
        return java.util.Optional.ofNullable(ebay);
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

    public JsonNode world() {
        return world;
    }

    @Override
    public void close() {
        spApi.close();
        carriers.close();
        if (ebay != null) {
            ebay.close();
        }
        secrets.close();
    }
}
