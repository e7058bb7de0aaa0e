package com.deskbridge.local;

import com.deskbridge.sim.ebay.EbaySimulator;
import com.deskbridge.sim.shopify.ShopifySimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eBay and Shopify simulators of the local system, with the sellers' accounts as the functions find them: one
 * secret per seller and channel under {@link #EBAY_SECRET_PREFIX} and {@link #SHOPIFY_SECRET_PREFIX} (README "eBay and
 * Shopify accounts"). The simulators hold their demo worlds plus the journey seller {@link #JOURNEY_SELLER}
 * ({@code channels-journey-world.json}); refunds settle and cancellation jobs finish at once, so an action's
 * confirmation is there when the agent looks.
 */
final class LocalChannels implements AutoCloseable {

    static final String EBAY_SECRET_PREFIX = "deskbridge/ebay/";
    static final String SHOPIFY_SECRET_PREFIX = "deskbridge/shopify/";
    /** The template's default {@code EbayApplicationSecretName}. */
    static final String EBAY_APPLICATION_SECRET = "deskbridge/ebay-application";
    /** The seller of the channel journeys: an eBay account and a Shopify store, nothing shared with other journeys. */
    static final String JOURNEY_SELLER = "journey-channels";
    /** The simulated application's daily Message API calls (eBay grants more on request; the default is 5,000). */
    static final long MESSAGE_DAILY_LIMIT = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EbaySimulator ebay;
    private final ShopifySimulator shopify;
    private final JsonNode run;
    /** Where the Shopify simulator's webhooks go: nowhere until the HTTP API runs ({@link #deliverWebhooksTo}). */
    private final java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<ShopifySimulator.WebhookDelivery>> webhooks;
    private final java.util.concurrent.ExecutorService webhookSender = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "shopify-webhooks");
        t.setDaemon(true);
        return t;
    });

    private LocalChannels(EbaySimulator ebay, ShopifySimulator shopify, JsonNode run,
                          java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<ShopifySimulator.WebhookDelivery>> webhooks) {
        this.ebay = ebay;
        this.shopify = shopify;
        this.run = run;
        this.webhooks = webhooks;
    }

    /** @param run the run's world: its {@code ebaySellers}, {@code ebayConversations} and {@code shopify.shops} join in */
    static LocalChannels start(Clock clock, JsonNode run) {
        JsonNode journey = journeyWorld();
        ObjectNode ebayWorld = (ObjectNode) EbaySimulator.demoWorld();
        ObjectNode ebayConfig = (ObjectNode) ebayWorld.get("ebay");
        ebayConfig.put("latencyMs", 0).put("refundSettleDelay", "PT0S");
        // the local application's Message API limit (the message poll shares it among the sellers: LocalRunner passes the same)
        (ebayConfig.get("callLimits") instanceof ObjectNode limits ? limits : ebayConfig.putObject("callLimits"))
                .put("commerce.message", MESSAGE_DAILY_LIMIT);
        append(ebayWorld, journey, "ebaySellers");
        append(ebayWorld, journey, "ebayOrders");
        for (String field : List.of("ebaySellers", "ebayOrders", "ebayConversations")) {
            append(ebayWorld, run, field);
        }
        ObjectNode shopifyWorld = (ObjectNode) ShopifySimulator.demoWorld();
        ObjectNode shopifyConfig = (ObjectNode) shopifyWorld.get("shopify");
        shopifyConfig.put("latencyMs", 0).put("jobDelay", "PT0S");
        ((ArrayNode) shopifyConfig.withArray("shops")).addAll((ArrayNode) journey.get("shops"));
        append(shopifyWorld, journey, "shopifyOrders");
        append(shopifyWorld, run, "shopifyOrders");
        if (run.path("shopify").path("shops").isArray()) {
            ((ArrayNode) shopifyConfig.withArray("shops")).addAll((ArrayNode) run.path("shopify").path("shops"));
        }

        EbaySimulator ebay = EbaySimulator.start(0, ebayWorld, clock, n -> { });
        java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<ShopifySimulator.WebhookDelivery>> webhooks =
                new java.util.concurrent.atomic.AtomicReference<>(w -> { });
        try {
            return new LocalChannels(ebay, ShopifySimulator.start(0, shopifyWorld, clock, w -> webhooks.get().accept(w)), run, webhooks);
        } catch (RuntimeException e) {
            ebay.close();
            throw e;
        }
    }

    /**
     * {@code world} with the DHL timelines of the journey seller's eBay and Shopify parcels ({@code carrierShipments}),
     * so that their order context shows tracking like an FBM order's.
     */
    static JsonNode withJourneyParcels(JsonNode world) {
        if (!(world instanceof ObjectNode o) || !world.has("shipments")) {
            return world; // a fixture of its own: left as it is
        }
        ObjectNode copy = o.deepCopy();
        ((ArrayNode) copy.withArray("shipments")).addAll((ArrayNode) journeyWorld().get("carrierShipments"));
        return copy;
    }

    /**
     * Stores the eBay and Shopify secrets of the journey seller and of the run world's {@code ebaySellers} and
     * {@code shopify.shops} (what onboarding stores in AWS; an eBay seller with {@code "connected": false} is left to
     * eBay's onboarding, for which the eBay application's secret is stored): eBay's OAuth credentials, user name,
     * marketplace and domicile; the shop's domain, credentials and, where the world names one, the support address replies are mailed
     * from (and the app's client secret for webhook signatures).
     */
    void grant(LocalSecretsManager secrets) {
        List<JsonNode> ebaySellers = new java.util.ArrayList<>();
        journeyWorld().get("ebaySellers").forEach(ebaySellers::add);
        run.path("ebaySellers").forEach(ebaySellers::add);
        for (JsonNode s : ebaySellers) {
            if (!s.path("connected").asBoolean(true)) {
                continue; // an eBay account no seller connected yet: onboarding (GET /sellers/{id}/ebay/authorize) stores it
            }
            String seller = s.get("sellerId").asText();
            Map<String, String> fields = new LinkedHashMap<>(ebay.credentials(seller));
            fields.put("username", s.get("username").asText());
            fields.put("marketplace_id", s.path("marketplaceId").asText("EBAY_DE"));
            fields.put("eu_or_uk_domiciled", Boolean.toString(s.path("euOrUkDomiciled").asBoolean(true)));
            secrets.put(EBAY_SECRET_PREFIX + seller, fields);
        }
        // the eBay application sellers authorise (onboarding: EbayApplicationSecretName), its RuName the simulator's
        Map<String, String> application = new LinkedHashMap<>();
        application.put("client_id", ebay.credentials(JOURNEY_SELLER).get("client_id"));
        application.put("client_secret", ebay.credentials(JOURNEY_SELLER).get("client_secret"));
        application.put("ru_name", ebay.ruName());
        secrets.put(EBAY_APPLICATION_SECRET, application);
        List<JsonNode> shops = new java.util.ArrayList<>();
        journeyWorld().get("shops").forEach(shops::add);
        run.path("shopify").path("shops").forEach(shops::add);
        for (JsonNode s : shops) {
            String domain = s.get("shopDomain").asText();
            Map<String, String> fields = new LinkedHashMap<>(shopify.credentials(domain));
            fields.put("shop_domain", domain);
            if (s.hasNonNull("supportAddress")) {
                fields.put("support_address", s.get("supportAddress").asText());
            }
            if (s.hasNonNull("clientSecret")) {
                fields.put("client_secret", s.get("clientSecret").asText());
            }
            secrets.put(SHOPIFY_SECRET_PREFIX + s.get("sellerId").asText(), fields);
        }
    }

    /**
     * Delivers the Shopify simulator's webhooks as Shopify does, to the HTTP API's webhook route of the shop's seller
     * ({@code POST /webhooks/shopify/{sellerId}}, the address a store's subscription names), with Shopify's headers and
     * signature; shops no seller holds (the demo world's) deliver nowhere. Sent from a thread of their own, so the
     * simulator's answer to the request that caused them is not held up.
     */
    void deliverWebhooksTo(String apiBaseUrl) {
        Map<String, String> sellerOfShop = new LinkedHashMap<>();
        journeyWorld().get("shops").forEach(s -> sellerOfShop.put(s.get("shopDomain").asText(), s.get("sellerId").asText()));
        run.path("shopify").path("shops").forEach(s -> sellerOfShop.put(s.get("shopDomain").asText(), s.get("sellerId").asText()));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        webhooks.set(w -> {
            String seller = sellerOfShop.get(w.shopDomain());
            if (seller == null) {
                return;
            }
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(apiBaseUrl + "/webhooks/shopify/" + seller))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(w.body()));
            w.headers().forEach(request::header);
            webhookSender.execute(() -> {
                try {
                    http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                } catch (java.io.IOException e) {
                    System.err.println("Shopify webhook " + w.topic() + " not delivered: " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        });
    }

    EbaySimulator ebay() {
        return ebay;
    }

    ShopifySimulator shopify() {
        return shopify;
    }

    private static void append(ObjectNode world, JsonNode from, String field) {
        if (from.path(field).isArray()) {
            ((ArrayNode) world.withArray(field)).addAll((ArrayNode) from.get(field));
        }
    }

    private static JsonNode journeyWorld() {
        try (InputStream in = LocalChannels.class.getResourceAsStream("/channels-journey-world.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        webhookSender.shutdownNow();
        for (AutoCloseable c : List.<AutoCloseable>of(shopify, ebay)) {
            try {
                c.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
    }
}
