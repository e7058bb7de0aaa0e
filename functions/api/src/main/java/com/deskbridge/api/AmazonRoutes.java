package com.deskbridge.api;

import com.deskbridge.domain.seller.AmazonConnection;
import com.deskbridge.domain.seller.SellerRegistration;
import com.deskbridge.domain.ticket.SellerId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Connecting a seller's Amazon account (SP-API website authorization workflow,
 * https://developer-docs.amazon.com/sp-api/docs/website-authorization-workflow): {@code GET /sellers/{id}/amazon/authorize}
 * (an operator, or a lead of that seller) answers Seller Central's consent URL; {@code GET /onboarding/amazon/callback}
 * is where Seller Central sends the selling partner back. The callback carries no token of ours (Amazon's redirect):
 * its signed, expiring, one-time {@code state} is what protects it.
 */
final class AmazonRoutes {
    static final String AUTHORIZE = "GET /sellers/{id}/amazon/authorize";
    static final String CALLBACK = "GET " + AmazonAuthorization.CALLBACK_PATH;
    static final List<Route> ROUTES = List.of(
            new Route(AUTHORIZE, AmazonRoutes::authorize),
            new Route(CALLBACK, AmazonRoutes::callback));
    /** Routes an operator (a token without seller_id) may call. */
    static final Set<String> OPERATOR_ROUTE_KEYS = Set.of(AUTHORIZE);
    /** Routes without a token (API Gateway: no authorizer). */
    static final Set<String> PUBLIC_ROUTE_KEYS = Set.of(CALLBACK);

    private AmazonRoutes() {
    }

    private static ApiResponse authorize(Route.Call call) {
        SellerRegistration seller = connecting(call, "Amazon");
        AmazonAuthorization amazon = call.app().amazon().get();
        String redirect = amazon.redirectUri(call.request().header("x-forwarded-proto").orElse(null),
                call.request().header("host").orElseThrow(() -> new ApiProblem("no-host", "No Host header", 400,
                        "the request names no host to send Seller Central's answer back to")));
        AmazonAuthorization.Consent consent = amazon.authorize(seller, redirect);
        return consent(seller, consent.url(), consent.expires());
    }

    /** The seller whose {@code channel} account the caller connects: an operator, or a lead of that seller (403 else). */
    static SellerRegistration connecting(Route.Call call, String channel) {
        SellerRegistration seller = SellerRoutes.visibleRegistration(call);
        if (!call.request().roles().contains("operator") && !call.request().roles().contains("lead")) {
            throw ApiProblem.forbidden("only an operator or the seller's lead may connect its " + channel + " account");
        }
        return seller;
    }

    /** The answer of an authorize route: where to send the seller's browser, and until when. */
    static ApiResponse consent(SellerRegistration seller, String url, java.time.Instant expires) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sellerId", seller.seller().value());
        out.put("consentUrl", url);
        out.put("expiresAt", expires.toString());
        return ApiResponse.ok(out);
    }

    private static ApiResponse callback(Route.Call call) {
        ApiRequest r = call.request();
        AmazonAuthorization amazon = call.app().amazon().get();
        String redirect = amazon.redirectUri(r.header("x-forwarded-proto").orElse(null), r.header("host").orElse(""));
        AmazonAuthorization.Outcome outcome;
        try {
            outcome = amazon.complete(r.query("state").orElse(null), r.query("selling_partner_id").orElse(null),
                    r.query("spapi_oauth_code").orElse(null), redirect);
        } catch (OnboardingState.Refused e) {
            throw new ApiProblem("amazon-state-refused", "Authorization state refused", 400, e.getMessage());
        } catch (OnboardingState.ExchangeFailed e) {
            throw new ApiProblem("amazon-authorization-failed", "Amazon authorization failed", 400,
                    e.getMessage() + "; nothing was stored. Authorize again: GET /sellers/" + e.seller().value() + "/amazon/authorize");
        }
        return ApiResponse.ok(json(outcome.seller(), outcome.connection()));
    }

    /** What GET /sellers/{id} shows of the connection ({@code not-connected} before the first authorization). */
    static Map<String, Object> json(AmazonConnection c) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (c == null) {
            out.put("status", "not-connected");
            return out;
        }
        out.put("status", c.status().wire());
        if (c.sellingPartnerId() != null) {
            out.put("sellingPartnerId", c.sellingPartnerId());
        }
        out.put("updatedAt", c.updatedAt().toString());
        if (c.reason() != null) {
            out.put("reason", c.reason());
        }
        out.put("subscriptions", c.subscriptions());
        return out;
    }

    static Map<String, Object> json(SellerId seller, AmazonConnection c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sellerId", seller.value());
        out.put("amazon", json(c));
        return out;
    }
}
