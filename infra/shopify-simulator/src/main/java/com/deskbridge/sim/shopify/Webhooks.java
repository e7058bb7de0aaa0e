package com.deskbridge.sim.shopify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shopify's webhook deliveries (https://shopify.dev/docs/apps/build/webhooks): a REST-shaped JSON body (the Admin
 * REST resource of the topic, snake_case) and the headers Shopify sends, among them
 * {@code X-Shopify-Hmac-Sha256} = base64(HMAC-SHA256(app client secret, raw body))
 * (https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook).
 */
final class Webhooks {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Webhooks() {
    }

    static Map<String, String> headers(String topic, String shop, String apiVersion, String body, String clientSecret, String triggeredAt) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("X-Shopify-Topic", topic);
        h.put("X-Shopify-Hmac-Sha256", hmac(clientSecret, body));
        h.put("X-Shopify-Shop-Domain", shop);
        h.put("X-Shopify-API-Version", apiVersion);
        h.put("X-Shopify-Webhook-Id", UUID.randomUUID().toString());
        h.put("X-Shopify-Event-Id", UUID.randomUUID().toString());
        h.put("X-Shopify-Triggered-At", triggeredAt);
        return h;
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    static ObjectNode order(ShopifyWorld.Order o) {
        ObjectNode n = F.objectNode();
        n.put("id", o.id);
        n.put("admin_graphql_api_id", "gid://shopify/Order/" + o.id);
        n.put("name", o.name);
        n.put("email", o.email);
        n.put("created_at", o.createdAt.toString());
        n.put("updated_at", o.updatedAt.toString());
        n.put("cancelled_at", o.cancelledAt == null ? null : o.cancelledAt.toString());
        n.put("cancel_reason", o.cancelReason == null ? null : o.cancelReason.toLowerCase(Locale.ROOT));
        n.put("currency", o.currency);
        n.put("financial_status", o.financialStatus().toLowerCase(Locale.ROOT));
        String fs = o.fulfillmentStatus();
        n.put("fulfillment_status", fs.equals("UNFULFILLED") ? null : fs.equals("FULFILLED") ? "fulfilled" : "partial");
        n.put("total_price", money(o.total()));
        ArrayNode lines = n.putArray("line_items");
        for (ShopifyWorld.LineItem l : o.lineItems) {
            lines.addObject().put("id", l.id).put("admin_graphql_api_id", "gid://shopify/LineItem/" + l.id).put("sku", l.sku)
                    .put("title", l.title).put("quantity", l.quantity).put("price", money(l.unitPrice));
        }
        ArrayNode fulfillments = n.putArray("fulfillments");
        for (ShopifyWorld.Fulfillment f : o.fulfillments) {
            fulfillments.addObject().put("id", f.id).put("status", f.status.toLowerCase(Locale.ROOT)).put("tracking_company", f.company)
                    .put("tracking_number", f.number).put("tracking_url", f.url).put("created_at", f.createdAt.toString());
        }
        ArrayNode refunds = n.putArray("refunds");
        for (ShopifyWorld.Refund r : o.refunds) {
            refunds.addObject().put("id", r.id).put("created_at", r.createdAt.toString());
        }
        return n;
    }

    static ObjectNode refund(ShopifyWorld.Order o, ShopifyWorld.Refund r) {
        ObjectNode n = F.objectNode();
        n.put("id", r.id);
        n.put("admin_graphql_api_id", "gid://shopify/Refund/" + r.id);
        n.put("order_id", o.id);
        n.put("created_at", r.createdAt.toString());
        n.put("note", r.note);
        ArrayNode lines = n.putArray("refund_line_items");
        for (ShopifyWorld.RefundLine l : r.lines) {
            lines.addObject().put("line_item_id", l.lineItemId()).put("quantity", l.quantity()).put("subtotal", money(l.subtotal()))
                    .put("total_tax", money(l.tax()));
        }
        ArrayNode tx = n.putArray("transactions");
        for (ShopifyWorld.Transaction t : r.transactions) {
            tx.addObject().put("id", t.id()).put("order_id", o.id).put("kind", "refund").put("gateway", t.gateway())
                    .put("status", t.status().toLowerCase(Locale.ROOT)).put("amount", money(t.amount())).put("currency", o.currency)
                    .put("parent_id", t.parentId());
        }
        return n;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
