package com.deskbridge.spapi;

import com.deskbridge.http.UpstreamHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Sends one SP-API call for one seller: regional endpoint, {@code x-amz-access-token} from LWA, the
 * operation's client-side quota, retries of 429/5xx (by {@link UpstreamHttp}), and one retry with a fresh
 * token when Amazon answers 403 (expired, revoked or otherwise rejected token). Reports
 * {@code x-amzn-RateLimit-Limit} to the quota provider. Returns every other response for the caller to read.
 */
final class SpApiTransport {

    private static final Logger LOG = Logger.getLogger(SpApiTransport.class.getName());
    static final String USER_AGENT = "Deskbridge/0.1 (Language=Java/17)";

    private final UpstreamHttp http;
    /** The same upstream with a single attempt, for operations that must never be sent twice by the transport. */
    private final UpstreamHttp once;
    private final LwaTokens tokens;
    private final QuotaProvider quotas;
    private final SpApiEndpoints endpoints;

    SpApiTransport(UpstreamHttp http, UpstreamHttp once, LwaTokens tokens, QuotaProvider quotas, SpApiEndpoints endpoints) {
        this.http = http;
        this.once = once;
        this.tokens = tokens;
        this.quotas = quotas;
        this.endpoints = endpoints;
    }

    HttpResponse<String> get(SellerAccount seller, SpApiOperation op, String pathAndQuery) {
        return call(seller, op, "GET", pathAndQuery, null);
    }

    HttpResponse<String> call(SellerAccount seller, SpApiOperation op, String method, String pathAndQuery, String jsonBody) {
        return call(http, seller, op, method, pathAndQuery, jsonBody);
    }

    /**
     * A non-idempotent call (createFeed): one attempt, no retry of a 429 or 5xx, whose request Amazon may have
     * processed; only a 403 (the token was refused before anything happened) is sent again with a fresh token.
     */
    HttpResponse<String> callOnce(SellerAccount seller, SpApiOperation op, String method, String pathAndQuery, String jsonBody) {
        return call(once, seller, op, method, pathAndQuery, jsonBody);
    }

    private HttpResponse<String> call(UpstreamHttp http, SellerAccount seller, SpApiOperation op, String method,
                                      String pathAndQuery, String jsonBody) {
        URI uri = URI.create(stripSlash(endpoints.baseUrl(seller.region()).toString()) + pathAndQuery);
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(20))
                    .header("x-amz-access-token", tokens.token(seller))
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", "application/json");
            if (jsonBody != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            response = http.send(b.build(), quotas.quota(op, seller.sellerId()));
            response.headers().firstValue("x-amzn-RateLimit-Limit").ifPresent(limit -> observe(op, seller, limit));
            if (response.statusCode() != 403 || attempt > 0) {
                break;
            }
            LOG.info(() -> "SP-API " + op.id() + " answered 403 for seller " + seller.sellerId() + "; fetching a new access token and retrying once");
            tokens.invalidate(seller);
        }
        return response;
    }

    private void observe(SpApiOperation op, SellerAccount seller, String limit) {
        try {
            quotas.observedRateLimit(op, seller.sellerId(), Double.parseDouble(limit.trim()));
        } catch (NumberFormatException e) {
            // Amazon documents a number; ignore anything else
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
