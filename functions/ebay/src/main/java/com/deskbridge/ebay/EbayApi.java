package com.deskbridge.ebay;

/**
 * The eBay APIs Deskbridge calls, with how they are authorised and counted. The REST APIs take
 * {@code Authorization: Bearer <user token>}; the Post-Order API, one of eBay's "traditional" APIs, takes the same
 * OAuth user token as {@code Authorization: IAF <token>} (https://developer.ebay.com/api-docs/static/oauth-trad-apis.html,
 * https://developer.ebay.com/Devzone/post-order/concepts/makingacall.html). Call limits are per application and day
 * (https://developer.ebay.com/develop/get-started/api-call-limits); the defaults here are what the simulator assumes
 * and are overridden with the application's real figures (Developer Analytics API {@code getRateLimits}).
 */
public enum EbayApi {
    MESSAGE("commerce.message", "Bearer ", 5_000),
    FULFILLMENT("sell.fulfillment", "Bearer ", 100_000),
    POST_ORDER("post-order", "IAF ", 100_000),
    IDENTITY("commerce.identity", "Bearer ", 10_000);

    private final String family;
    private final String authScheme;
    private final long defaultDailyLimit;

    EbayApi(String family, String authScheme, long defaultDailyLimit) {
        this.family = family;
        this.authScheme = authScheme;
        this.defaultDailyLimit = defaultDailyLimit;
    }

    /** The name the call limits are kept under ({@code sell.fulfillment}). */
    public String family() {
        return family;
    }

    String authScheme() {
        return authScheme;
    }

    public long defaultDailyLimit() {
        return defaultDailyLimit;
    }
}
