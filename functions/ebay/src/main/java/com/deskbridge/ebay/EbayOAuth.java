package com.deskbridge.ebay;

import com.deskbridge.http.AccessTokenCache;
import com.deskbridge.http.Quota;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.UpstreamHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * eBay OAuth user tokens (https://developer.ebay.com/api-docs/static/oauth-tokens.html):
 * <ul>
 * <li>onboarding, the authorization code grant: {@link #consentUrl} sends the seller to eBay's consent page with the
 *     application's RuName as {@code redirect_uri}; eBay redirects back with a {@code code}, which {@link #exchangeCode}
 *     trades for a refresh token (valid 18 months) that the caller stores in the seller's secret
 *     (https://developer.ebay.com/api-docs/static/oauth-authorization-code-grant.html);</li>
 * <li>every call after that: {@link #token} trades the refresh token for a two-hour access token with the scopes
 *     Deskbridge needs ({@code grant_type=refresh_token}, client id and secret as HTTP Basic,
 *     https://developer.ebay.com/api-docs/static/oauth-refresh-token-request.html) and keeps it in an
 *     {@link AccessTokenCache} per seller until shortly before it expires, so a container asks once per token lifetime
 *     (eBay allows an application 50,000 refresh requests a day, https://developer.ebay.com/api-docs/static/oauth-rate-limits.html).</li>
 * </ul>
 * Error bodies are OAuth's {@code {error, error_description}}; descriptions are scrubbed of any secret value.
 */
public final class EbayOAuth {

    private static final Logger LOG = Logger.getLogger(EbayOAuth.class.getName());
    private static final Quota UNLIMITED = () -> Quota.GRANTED;

    /** The scopes Deskbridge asks for: orders and shipping, refunds (Finances scope), buyer messages, the seller's identity. */
    public static final List<String> SCOPES = List.of(
            "https://api.ebay.com/oauth/api_scope",
            "https://api.ebay.com/oauth/api_scope/sell.fulfillment",
            "https://api.ebay.com/oauth/api_scope/sell.finances",
            "https://api.ebay.com/oauth/api_scope/commerce.message",
            "https://api.ebay.com/oauth/api_scope/commerce.identity.readonly");

    /** What onboarding keeps: the refresh token (into the seller's secret) and when it expires. */
    public record Grant(String refreshToken, Instant refreshTokenExpiresAt) {
        @Override
        public String toString() {
            return "Grant[refreshToken=***, refreshTokenExpiresAt=" + refreshTokenExpiresAt + "]";
        }
    }

    private final UpstreamHttp http;
    private final Clock clock;
    private final SecretSource secrets;
    private final EbayEndpoints endpoints;
    private final Map<String, AccessTokenCache> caches = new ConcurrentHashMap<>();

    EbayOAuth(UpstreamHttp http, Clock clock, SecretSource secrets, EbayEndpoints endpoints) {
        this.http = Objects.requireNonNull(http);
        this.clock = Objects.requireNonNull(clock);
        this.secrets = Objects.requireNonNull(secrets);
        this.endpoints = Objects.requireNonNull(endpoints);
    }

    String token(EbayAccount account) {
        return cache(account).token();
    }

    void invalidate(EbayAccount account) {
        cache(account).invalidate();
    }

    /**
     * eBay's consent page for a seller to authorise Deskbridge.
     *
     * @param clientId the application's client id (App ID)
     * @param ruName   the application's RuName, eBay's name for the redirect URL registered with the application
     * @param state    an unguessable value the caller checks when eBay redirects back
     */
    public URI consentUrl(String clientId, String ruName, String state) {
        return EbayEndpoints.resolve(endpoints.auth(), "/oauth2/authorize?client_id=" + enc(clientId) + "&redirect_uri=" + enc(ruName)
                + "&response_type=code&scope=" + enc(String.join(" ", SCOPES)) + "&state=" + enc(state));
    }

    /**
     * Trades the consent {@code code} for the seller's refresh token.
     *
     * @param appSecretName the application's secret ({@code client_id}, {@code client_secret})
     */
    public Grant exchangeCode(String appSecretName, String ruName, String code) {
        Map<String, String> secret = secrets.secret(appSecretName);
        JsonNode body = post(secret, appSecretName, "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(ruName),
                "authorization code for a new seller");
        String refresh = EbayJson.text(body, "refresh_token").orElseThrow(() -> new EbayAuthException(200, null, "invalid_response",
                "eBay's token response lacks refresh_token"));
        long lifetime = body.path("refresh_token_expires_in").asLong(47_304_000);
        return new Grant(refresh, clock.instant().plusSeconds(lifetime));
    }

    private AccessTokenCache cache(EbayAccount account) {
        return caches.computeIfAbsent(account.sellerId() + "|" + account.secretName(),
                k -> new AccessTokenCache(clock, () -> refresh(account)));
    }

    private AccessTokenCache.IssuedToken refresh(EbayAccount account) {
        Map<String, String> secret = secrets.secret(account.secretName());
        String refreshToken = SecretSource.field(secret, "refresh_token", account.secretName());
        JsonNode body = post(secret, account.secretName(), "grant_type=refresh_token&refresh_token=" + enc(refreshToken)
                + "&scope=" + enc(String.join(" ", SCOPES)), "seller " + account.sellerId());
        String token = EbayJson.text(body, "access_token").orElseThrow(() -> new EbayAuthException(200, null, "invalid_response",
                "eBay's token response lacks access_token"));
        long expiresIn = body.path("expires_in").asLong(7200);
        LOG.info(() -> "eBay issued an access token for seller " + account.sellerId() + " (valid " + expiresIn + " s)");
        return new AccessTokenCache.IssuedToken(token, Duration.ofSeconds(expiresIn));
    }

    private JsonNode post(Map<String, String> secret, String secretName, String form, String what) {
        String basic = Base64.getEncoder().encodeToString((SecretSource.field(secret, "client_id", secretName) + ":"
                + SecretSource.field(secret, "client_secret", secretName)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoints.tokenUrl())
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, UNLIMITED);
        JsonNode body;
        try {
            body = EbayJson.MAPPER.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        } catch (java.io.IOException e) {
            body = EbayJson.MAPPER.createObjectNode();
        }
        if (response.statusCode() == 200) {
            return body;
        }
        String error = body.path("error").asText("unknown_error");
        String description = SecretSource.scrub(body.path("error_description").asText(""), secret);
        throw new EbayAuthException(response.statusCode(), EbayTransport.requestId(response), error,
                "token request (" + what + ", secret " + secretName + ") refused: " + error
                        + (description.isBlank() ? "" : " – " + description));
    }



    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The scopes as a space-separated string (for logs and tests). */
    static String scopeString() {
        return SCOPES.stream().collect(Collectors.joining(" "));
    }
}
