package com.deskbridge.ebay;

import com.deskbridge.http.UpstreamException;

/**
 * eBay's OAuth endpoint refused to mint an access token. {@code invalid_grant} (refresh token revoked or expired) and
 * {@code invalid_scope} (the seller's consent lacks a scope Deskbridge needs) mean the seller must authorise Deskbridge
 * again; {@code invalid_client} means the application's own credentials are wrong.
 */
public final class EbayAuthException extends UpstreamException {

    private final String error;

    EbayAuthException(int status, String requestId, String error, String message) {
        super("ebay oauth", status, requestId, message);
        this.error = error;
    }

    /** eBay's OAuth {@code error} code. */
    public String error() {
        return error;
    }

    public boolean reauthorisationNeeded() {
        return "invalid_grant".equals(error) || "invalid_scope".equals(error);
    }
}
