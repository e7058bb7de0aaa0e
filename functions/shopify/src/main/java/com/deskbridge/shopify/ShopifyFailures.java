package com.deskbridge.shopify;

import com.deskbridge.channels.ChannelAuthorizationException;
import com.deskbridge.channels.ChannelRejectedException;
import com.deskbridge.channels.ChannelUnavailableException;
import com.deskbridge.http.QuotaExhaustedException;
import com.deskbridge.http.UpstreamException;

/** Turns Shopify failures into the channel ports' exceptions (as {@code EbayFailures} does for eBay). */
final class ShopifyFailures {

    private ShopifyFailures() {
    }

    static RuntimeException translate(UpstreamException e, String sellerId, String what) {
        if (e instanceof QuotaExhaustedException q) {
            return new ChannelUnavailableException("the store's Shopify API cost budget is used up for " + what + "; next call in "
                    + q.retryAfter(), q.retryAfter(), e);
        }
        if (e instanceof ShopifyApiException s && s.reauthorisationNeeded()) {
            return new ChannelAuthorizationException("seller " + sellerId + " must connect the Shopify store again ("
                    + s.code().orElse("HTTP " + s.status()) + ")", e);
        }
        if (e.transientFailure()) {
            return new ChannelUnavailableException("Shopify unavailable for " + what + " (" + (e.status() == 0 ? "no response"
                    : "HTTP " + e.status()) + ")", null, e);
        }
        String code = e instanceof ShopifyApiException s ? s.code().orElse("shopify-http-" + e.status()) : "shopify-http-" + e.status();
        return new ChannelRejectedException(code, "Shopify refused " + what + ": " + e.getMessage());
    }
}
