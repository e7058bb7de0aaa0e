package com.deskbridge.spapi;

import com.deskbridge.http.AccessTokenCache;
import com.deskbridge.http.Quota;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.UpstreamHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Login with Amazon access tokens for SP-API (https://developer-docs.amazon.com/sp-api-blog/docs/selling-partner-api-migration-for-private-developers): exchanges each seller's refresh token
 * ({@code grant_type=refresh_token}, client id and secret from the seller's secret) for an access token and
 * caches it with {@link AccessTokenCache} until shortly before its one-hour lifetime ends, so a container asks
 * LWA once per hour per seller. No SigV4 (not required since 2023-10-02).
 *
 * <p>The secret must hold {@code client_id}, {@code client_secret} and {@code refresh_token}.
 */
final class LwaTokens {

    private static final Logger LOG = Logger.getLogger(LwaTokens.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Quota UNLIMITED = () -> Quota.GRANTED;

    private final UpstreamHttp http;
    private final Clock clock;
    private final SecretSource secrets;
    private final URI tokenUrl;
    private final Map<String, AccessTokenCache> caches = new ConcurrentHashMap<>();

    LwaTokens(UpstreamHttp http, Clock clock, SecretSource secrets, URI tokenUrl) {
        this.http = http;
        this.clock = clock;
        this.secrets = secrets;
        this.tokenUrl = tokenUrl;
    }

    String token(SellerAccount seller) {
        return cache(seller).token();
    }

    void invalidate(SellerAccount seller) {
        cache(seller).invalidate();
    }

    private AccessTokenCache cache(SellerAccount seller) {
        return caches.computeIfAbsent(seller.sellerId() + "|" + seller.secretName(),
                k -> new AccessTokenCache(clock, () -> exchange(seller)));
    }

    private AccessTokenCache.IssuedToken exchange(SellerAccount seller) {
        Map<String, String> secret = secrets.secret(seller.secretName());
        Map<String, String> form = new LinkedHashMap<>();
        if (seller.isGrantless()) {
            form.put("grant_type", "client_credentials");
            form.put("scope", seller.sellerId().substring(SellerAccount.GRANTLESS.length()));
        } else {
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", SecretSource.field(secret, "refresh_token", seller.secretName()));
        }
        form.put("client_id", SecretSource.field(secret, "client_id", seller.secretName()));
        form.put("client_secret", SecretSource.field(secret, "client_secret", seller.secretName()));
        HttpResponse<String> response = post(form);
        JsonNode body = parse(response.body());
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElse(null);
        if (response.statusCode() == 200 && body.hasNonNull("access_token")) {
            long expiresIn = body.path("expires_in").asLong(3600);
            LOG.info(() -> "Login with Amazon issued an access token for seller " + seller.sellerId() + " (valid " + expiresIn + " s)");
            return new AccessTokenCache.IssuedToken(body.get("access_token").asText(), Duration.ofSeconds(expiresIn));
        }
        String error = body.path("error").asText("unknown_error");
        String description = SecretSource.scrub(body.path("error_description").asText(""), secret);
        throw new LwaAuthException(response.statusCode(), requestId, error,
                "token request for seller " + seller.sellerId() + " (secret " + seller.secretName() + ") refused: " + error
                        + (description.isBlank() ? "" : " – " + description));
    }



    /**
     * The website authorization workflow's step 7 (https://developer-docs.amazon.com/sp-api/docs/website-authorization-workflow):
     * exchanges the {@code spapi_oauth_code} Seller Central sent to {@code redirectUri} for the selling partner's refresh
     * token ({@code grant_type=authorization_code}). The token is returned, never logged.
     *
     * @throws LwaAuthException when LWA refuses (an expired or used code is {@code invalid_grant})
     */
    String exchangeAuthorizationCode(Map<String, String> application, String applicationSecretName, String code,
                                     String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", SecretSource.field(application, "client_id", applicationSecretName));
        form.put("client_secret", SecretSource.field(application, "client_secret", applicationSecretName));
        HttpResponse<String> response = post(form);
        JsonNode body = parse(response.body());
        if (response.statusCode() == 200 && body.hasNonNull("refresh_token")) {
            return body.get("refresh_token").asText();
        }
        String error = body.path("error").asText("unknown_error");
        String description = SecretSource.scrub(body.path("error_description").asText(""), application);
        throw new LwaAuthException(response.statusCode(), response.headers().firstValue("x-amzn-RequestId").orElse(null), error,
                "authorization code exchange refused: " + error + (description.isBlank() ? "" : " – " + description));
    }

    /** One form POST to LWA's token endpoint. */
    private HttpResponse<String> post(Map<String, String> form) {
        return http.send(HttpRequest.newBuilder(tokenUrl)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                .build(), UNLIMITED);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String formBody(Map<String, String> form) {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }
}
