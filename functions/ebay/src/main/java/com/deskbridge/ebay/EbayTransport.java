package com.deskbridge.ebay;

import com.deskbridge.http.SecretSource;
import com.deskbridge.http.UpstreamHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Sends one eBay call for one seller: the API's host, {@code Authorization} with the seller's OAuth user token in the
 * API's scheme ({@code Bearer}, or {@code IAF} for Post-Order), {@code X-EBAY-C-MARKETPLACE-ID}, the API's daily call
 * limit (client side), retries of 429/5xx (by {@link UpstreamHttp}), digital signatures where eBay requires them, and
 * one retry with a fresh token when eBay answers 401 (expired or revoked access token). Returns every other response
 * for the caller to read.
 */
final class EbayTransport {

    private static final Logger LOG = Logger.getLogger(EbayTransport.class.getName());
    static final String USER_AGENT = "Deskbridge/0.1 (Language=Java/17)";

    private final UpstreamHttp http;
    private final EbayOAuth oauth;
    private final EbayCallLimits limits;
    private final EbayEndpoints endpoints;
    private final SecretSource secrets;
    private final Clock clock;

    EbayTransport(UpstreamHttp http, EbayOAuth oauth, EbayCallLimits limits, EbayEndpoints endpoints, SecretSource secrets, Clock clock) {
        this.http = http;
        this.oauth = oauth;
        this.limits = limits;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.clock = clock;
    }

    HttpResponse<String> get(EbayAccount account, EbayOperation op, String pathAndQuery) {
        return call(account, op, "GET", pathAndQuery, null);
    }

    HttpResponse<String> call(EbayAccount account, EbayOperation op, String method, String pathAndQuery, String jsonBody) {
        URI uri = EbayEndpoints.resolve(op.api() == EbayApi.IDENTITY ? endpoints.apiz() : endpoints.api(), pathAndQuery);
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", op.api().authScheme() + oauth.token(account))
                    .header("X-EBAY-C-MARKETPLACE-ID", account.marketplaceId())
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", "application/json");
            if (op.signed() && account.signatureRequired()) {
                HttpSignatures.headers(method, uri, body, signingKey(account), clock.instant()).forEach(b::header);
            }
            if (jsonBody != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            response = http.send(b.build(), limits.quota(op.api()));
            if (response.statusCode() != 401 || attempt > 0) {
                break;
            }
            LOG.info(() -> "eBay " + op.id() + " answered 401 for seller " + account.sellerId() + "; fetching a new access token and retrying once");
            oauth.invalidate(account);
        }
        return response;
    }

    private HttpSignatures.SigningKey signingKey(EbayAccount account) {
        Map<String, String> secret = secrets.secret(account.secretName());
        String jwe = secret.get("signing_jwe");
        String key = secret.get("signing_private_key");
        if (jwe == null || jwe.isBlank() || key == null || key.isBlank()) {
            throw new IllegalStateException("seller " + account.sellerId() + " is domiciled in the EU/UK and eBay requires signed "
                    + "refund and cancellation calls, but secret " + account.secretName() + " lacks signing_jwe or signing_private_key "
                    + "(create them with eBay's Key Management API)");
        }
        return HttpSignatures.key(jwe, key, secret.get("signing_algorithm"));
    }

    static String requestId(HttpResponse<?> response) {
        return response.headers().firstValue("x-ebay-c-request-id").orElse(null);
    }
}
