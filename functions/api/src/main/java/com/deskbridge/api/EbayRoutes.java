package com.deskbridge.api;

import com.deskbridge.domain.seller.SellerRegistration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Connecting a seller's eBay account (eBay's authorization code grant,
 * https://developer.ebay.com/api-docs/static/oauth-authorization-code-grant.html), in the pattern of
 * {@link AmazonRoutes}: {@code GET /sellers/{id}/ebay/authorize} (an operator, or a lead of that seller) answers eBay's
 * consent URL; {@code GET /onboarding/ebay/callback} is where eBay sends the seller back (the RuName's accept URL). The
 * callback carries no token of ours: its signed, expiring, one-time {@code state} protects it.
 */
final class EbayRoutes {
    static final String AUTHORIZE = "GET /sellers/{id}/ebay/authorize";
    static final String CALLBACK = "GET " + EbayAuthorization.CALLBACK_PATH;
    static final List<Route> ROUTES = List.of(
            new Route(AUTHORIZE, EbayRoutes::authorize),
            new Route(CALLBACK, EbayRoutes::callback));
    /** Routes an operator (a token without seller_id) may call. */
    static final Set<String> OPERATOR_ROUTE_KEYS = Set.of(AUTHORIZE);
    /** Routes without a token (API Gateway: no authorizer). */
    static final Set<String> PUBLIC_ROUTE_KEYS = Set.of(CALLBACK);

    private EbayRoutes() {
    }

    private static ApiResponse authorize(Route.Call call) {
        SellerRegistration seller = AmazonRoutes.connecting(call, "eBay");
        EbayAuthorization.Consent consent = call.app().ebay().get().authorize(seller);
        return AmazonRoutes.consent(seller, consent.url(), consent.expires());
    }

    private static ApiResponse callback(Route.Call call) {
        ApiRequest r = call.request();
        EbayAuthorization.Outcome outcome;
        try {
            outcome = call.app().ebay().get().complete(r.query("state").orElse(null), r.query("code").orElse(null));
        } catch (OnboardingState.Refused e) {
            throw new ApiProblem("ebay-state-refused", "Authorization state refused", 400, e.getMessage());
        } catch (OnboardingState.ExchangeFailed e) {
            throw new ApiProblem("ebay-authorization-failed", "eBay authorization failed", 400,
                    e.getMessage() + "; nothing was stored. Authorize again: GET /sellers/" + e.seller().value() + "/ebay/authorize");
        }
        Map<String, Object> ebay = new LinkedHashMap<>();
        ebay.put("status", "connected");
        ebay.put("username", outcome.username());
        ebay.put("marketplaceId", outcome.marketplaceId());
        ebay.put("euOrUkDomiciled", outcome.euOrUkDomiciled());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sellerId", outcome.seller().value());
        out.put("ebay", ebay);
        return ApiResponse.ok(out);
    }
}
