package com.deskbridge.ebay;

import com.deskbridge.channels.ChannelAuthorizationException;
import com.deskbridge.channels.ChannelRejectedException;
import com.deskbridge.channels.ChannelUnavailableException;
import com.deskbridge.http.QuotaExhaustedException;
import com.deskbridge.http.UpstreamException;

/**
 * Turns eBay failures into the channel ports' exceptions: a used-up call limit or an outage → unavailable (retry
 * later); a refused OAuth grant or scope, or 401/403 after a fresh token → the seller must authorise again; anything
 * else eBay refused → rejected with eBay's error id and words.
 */
final class EbayFailures {

    private EbayFailures() {
    }

    static RuntimeException translate(UpstreamException e, String sellerId, String what) {
        if (e instanceof QuotaExhaustedException q) {
            return new ChannelUnavailableException("eBay's daily call limit for " + what + " is used up; next call in "
                    + q.retryAfter(), q.retryAfter(), e);
        }
        if (e instanceof EbayAuthException a) {
            if (a.reauthorisationNeeded()) {
                return new ChannelAuthorizationException("seller " + sellerId + " must authorise Deskbridge on eBay again ("
                        + a.error() + ")", e);
            }
            return a.transientFailure() ? new ChannelUnavailableException("eBay's token endpoint is unavailable", null, e)
                    : new IllegalStateException("eBay refused the application's credentials: " + a.getMessage(), e);
        }
        if (e.status() == 401 || e.status() == 403) {
            return new ChannelAuthorizationException("eBay refused seller " + sellerId + "'s authorisation for " + what
                    + " (HTTP " + e.status() + "); the seller must authorise Deskbridge again", e);
        }
        if (e.transientFailure()) {
            return new ChannelUnavailableException("eBay unavailable for " + what + " (" + (e.status() == 0 ? "no response"
                    : "HTTP " + e.status()) + ")", null, e);
        }
        if (e instanceof EbayApiException api) {
            return new ChannelRejectedException(api.errorId().map(id -> "ebay-" + id).orElse("ebay-http-" + e.status()),
                    api.errorMessage().orElse("eBay refused " + what));
        }
        return new ChannelRejectedException("ebay-http-" + e.status(), "eBay refused " + what);
    }
}
