package com.deskbridge.shopify;

import com.deskbridge.http.AccessTokenCache;
import com.deskbridge.http.Quota;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.UpstreamHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Access tokens for a store's Admin API. With an expiring offline token (a {@code refresh_token} in the secret) the
 * refresh token is exchanged for a one-hour access token ({@code grant_type=refresh_token}), the rotated refresh token
 * Shopify returns is stored at once ({@link RefreshTokens#replace}), and the access token is cached with
 * {@link AccessTokenCache} until shortly before it expires. A refresh refused with {@code invalid_grant} is retried
 * once with the stored token when another container rotated it meanwhile. A custom app's non-expiring
 * {@code access_token} is used as it is.
 */
final class ShopifyTokens {

    private static final Logger LOG = Logger.getLogger(ShopifyTokens.class.getName());
    private static final Quota UNLIMITED = () -> Quota.GRANTED;
    private static final Duration NON_EXPIRING = Duration.ofDays(3650);

    private final UpstreamHttp http;
    private final Clock clock;
    private final SecretSource secrets;
    private final RefreshTokens refreshTokens;
    private final ShopifyEndpoints endpoints;
    private final Map<String, AccessTokenCache> caches = new ConcurrentHashMap<>();

    ShopifyTokens(UpstreamHttp http, Clock clock, SecretSource secrets, RefreshTokens refreshTokens, ShopifyEndpoints endpoints) {
        this.http = http;
        this.clock = clock;
        this.secrets = secrets;
        this.refreshTokens = refreshTokens;
        this.endpoints = endpoints;
    }

    String token(ShopifyShop shop) {
        return cache(shop).token();
    }

    void invalidate(ShopifyShop shop) {
        cache(shop).invalidate();
    }

    private AccessTokenCache cache(ShopifyShop shop) {
        return caches.computeIfAbsent(shop.shopDomain() + "|" + shop.secretName(), k -> new AccessTokenCache(clock, () -> issue(shop)));
    }

    private AccessTokenCache.IssuedToken issue(ShopifyShop shop) {
        Map<String, String> secret = secrets.secret(shop.secretName());
        String fixed = secret.get("access_token");
        if (fixed != null && !fixed.isBlank() && (secret.get("refresh_token") == null || secret.get("refresh_token").isBlank())) {
            return new AccessTokenCache.IssuedToken(fixed, NON_EXPIRING);
        }
        String used = refreshTokens.current(shop);
        try {
            return refresh(shop, secret, used);
        } catch (ShopifyApiException e) {
            String stored = refreshTokens.current(shop);
            if ("invalid_grant".equals(e.code().orElse("")) && !stored.equals(used)) {
                LOG.info(() -> "Shopify refresh token of " + shop.shopDomain() + " was rotated by another container; retrying with it");
                return refresh(shop, secret, stored);
            }
            throw e;
        }
    }

    private AccessTokenCache.IssuedToken refresh(ShopifyShop shop, Map<String, String> secret, String refreshToken) {
        ObjectNode body = ShopifyJson.MAPPER.createObjectNode();
        body.put("client_id", SecretSource.field(secret, "client_id", shop.secretName()));
        body.put("client_secret", SecretSource.field(secret, "client_secret", shop.secretName()));
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        HttpRequest request = HttpRequest.newBuilder(endpoints.token(shop))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response = http.send(request, UNLIMITED);
        JsonNode r;
        try {
            r = ShopifyJson.MAPPER.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        } catch (IOException e) {
            r = ShopifyJson.MAPPER.createObjectNode();
        }
        if (response.statusCode() != 200 || !r.hasNonNull("access_token")) {
            String error = r.path("error").asText("unknown_error");
            throw new ShopifyApiException("token refresh for " + shop.shopDomain(), response.statusCode(),
                    response.headers().firstValue("X-Request-Id").orElse(null), error,
                    "refused (secret " + shop.secretName() + ")");
        }
        String rotated = r.path("refresh_token").asText(null);
        if (rotated != null && !rotated.equals(refreshToken) && !refreshTokens.replace(shop, refreshToken, rotated)) {
            LOG.warning(() -> "Shopify rotated the refresh token of " + shop.shopDomain() + " but a newer one was stored meanwhile; "
                    + "keeping the stored one");
        }
        long expiresIn = r.path("expires_in").asLong(3600);
        LOG.info(() -> "Shopify issued an access token for " + shop.shopDomain() + " (valid " + expiresIn + " s)");
        return new AccessTokenCache.IssuedToken(r.get("access_token").asText(), Duration.ofSeconds(expiresIn));
    }

}
