package com.deskbridge.spapi;

import com.deskbridge.http.UpstreamException;

/**
 * Login with Amazon refused to exchange a seller's refresh token ({@code invalid_grant}: the seller revoked
 * the authorisation or the token is wrong; {@code invalid_client}: our client id/secret are wrong or
 * rotated). Not transient: the seller must re-authorise or the secret must be fixed. The message names the
 * seller and the secret, never a credential value.
 */
public final class LwaAuthException extends UpstreamException {

    private final String error;

    public LwaAuthException(int status, String requestId, String error, String message) {
        super("login-with-amazon", status, requestId, message);
        this.error = error;
    }

    /** LWA's {@code error} code, e.g. {@code invalid_grant}, {@code invalid_client}. */
    public String error() {
        return error;
    }

    /** True when the seller must authorise our application again. */
    public boolean reauthorisationNeeded() {
        return "invalid_grant".equals(error);
    }
}
