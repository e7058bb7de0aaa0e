package com.deskbridge.shopify;

import com.deskbridge.http.SecretSource;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies and reads Shopify webhooks that keep a ticket's order fresh ({@code orders/updated}, {@code refunds/create},
 * also {@code orders/cancelled} and {@code orders/fulfilled}): {@code X-Shopify-Hmac-Sha256} must be the base64
 * HMAC-SHA256 of the raw body with the app's client secret
 * (https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook), compared in constant time,
 * before anything of the body is read. The event names the order and the delivery ({@code X-Shopify-Webhook-Id}, for
 * de-duplication: Shopify may deliver a webhook more than once).
 */
public final class ShopifyWebhooks {

    static final Set<String> TOPICS = Set.of("orders/updated", "orders/cancelled", "orders/fulfilled", "refunds/create");

    /** A verified webhook about an order. */
    public record Event(String topic, String shopDomain, String webhookId, Optional<Instant> triggeredAt, String orderId,
                        Optional<String> orderName) {}

    /** Why a webhook was refused: the caller answers 401 and logs the reason (never the body). */
    public static final class RejectedWebhook extends RuntimeException {
        RejectedWebhook(String message) {
            super(message);
        }
    }

    private final SecretSource secrets;
    private final ShopifyShops shops;

    public ShopifyWebhooks(SecretSource secrets, ShopifyShops shops) {
        this.secrets = Objects.requireNonNull(secrets);
        this.shops = Objects.requireNonNull(shops);
    }

    /**
     * @param sellerId whose store the webhook endpoint belongs to (from the subscription's URL, never from the body)
     * @param headers  the request headers (any case)
     * @param body     the raw body, exactly as received
     */
    public Event verify(String sellerId, Map<String, String> headers, byte[] body) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        ShopifyShop shop = shops.shop(sellerId);
        String secret = SecretSource.field(secrets.secret(shop.secretName()), "client_secret", shop.secretName());
        if (!valid(h.get("X-Shopify-Hmac-Sha256"), body, secret)) {
            throw new RejectedWebhook("X-Shopify-Hmac-Sha256 does not match the body");
        }
        String domain = h.getOrDefault("X-Shopify-Shop-Domain", "");
        if (!domain.equalsIgnoreCase(shop.shopDomain())) {
            throw new RejectedWebhook("webhook for shop " + domain + " sent to the endpoint of " + shop.shopDomain());
        }
        String topic = h.getOrDefault("X-Shopify-Topic", "").toLowerCase(Locale.ROOT);
        if (!TOPICS.contains(topic)) {
            throw new RejectedWebhook("unexpected topic " + topic);
        }
        JsonNode json;
        try {
            json = ShopifyJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new RejectedWebhook("body is not JSON");
        }
        String orderId = topic.startsWith("refunds/") ? "gid://shopify/Order/" + json.path("order_id").asText()
                : json.path("admin_graphql_api_id").asText("gid://shopify/Order/" + json.path("id").asText());
        Optional<Instant> triggered;
        try {
            triggered = Optional.ofNullable(h.get("X-Shopify-Triggered-At")).map(Instant::parse);
        } catch (DateTimeParseException e) {
            triggered = Optional.empty();
        }
        return new Event(topic, domain, h.getOrDefault("X-Shopify-Webhook-Id", ""), triggered, orderId,
                ShopifyJson.text(json, "name"));
    }

    /** Constant-time comparison of the header's HMAC with the body's. */
    static boolean valid(String header, byte[] body, String secret) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return MessageDigest.isEqual(mac.doFinal(body), given);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
