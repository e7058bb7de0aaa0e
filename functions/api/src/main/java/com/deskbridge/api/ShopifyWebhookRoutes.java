package com.deskbridge.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /webhooks/shopify/{sellerId}}: where a seller's store delivers its order webhooks (issue 15). No token of
 * ours (Shopify calls it): the {@code X-Shopify-Hmac-Sha256} signature with the app's client secret is what protects it;
 * a bad one is 401 problem+json and nothing is stored ({@link ShopifyWebhookIntake}).
 */
final class ShopifyWebhookRoutes {
    static final String WEBHOOK = "POST /webhooks/shopify/{sellerId}";
    /** The headers Shopify signs and names the delivery with (https://shopify.dev/docs/apps/build/webhooks/subscribe/https). */
    private static final List<String> HEADERS = List.of("X-Shopify-Hmac-Sha256", "X-Shopify-Shop-Domain", "X-Shopify-Topic",
            "X-Shopify-Webhook-Id", "X-Shopify-Triggered-At");
    /** No agent writes here: a readOnly route needs no agent's {@code sub}. */
    static final List<Route> ROUTES = List.of(Route.readOnly(WEBHOOK, ShopifyWebhookRoutes::receive));
    /** Routes without a token (API Gateway: no authorizer). */
    static final Set<String> PUBLIC_ROUTE_KEYS = Set.of(WEBHOOK);

    private ShopifyWebhookRoutes() {
    }

    private static ApiResponse receive(Route.Call call) {
        ApiRequest r = call.request();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : HEADERS) {
            r.header(h).ifPresent(v -> headers.put(h, v));
        }
        String body = r.rawBody();
        ShopifyWebhookIntake.Outcome outcome;
        try {
            outcome = call.app().shopifyWebhooks().get().receive(r.pathParameter("sellerId"), headers,
                    body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        } catch (ShopifyWebhookIntake.Refused e) {
            throw new ApiProblem("webhook-signature-invalid", "Webhook not verified", 401, e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("topic", outcome.topic());
        out.put("duplicate", outcome.duplicate());
        out.put("ticketsRefreshed", outcome.ticketsRefreshed());
        return ApiResponse.ok(out);
    }
}
