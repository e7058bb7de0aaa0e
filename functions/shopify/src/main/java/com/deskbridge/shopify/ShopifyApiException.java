package com.deskbridge.shopify;

import com.deskbridge.http.UpstreamException;
import java.util.Optional;

/**
 * Shopify refused a request: a GraphQL error ({@code errors[0].extensions.code}: {@code THROTTLED},
 * {@code ACCESS_DENIED}, {@code undefinedField}, ...), an HTTP error, a malformed answer or a refused token request
 * ({@code invalid_grant}: the merchant uninstalled the app or the refresh token expired; the store must be connected
 * again). Messages hold Shopify's words, never tokens.
 */
public final class ShopifyApiException extends UpstreamException {

    private final String code;

    ShopifyApiException(String what, int status, String requestId, String code, String message) {
        super("shopify " + what, status, requestId, (code == null ? "" : code + " ") + (message == null ? "" : message));
        this.code = code;
    }

    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The store's authorisation is gone: the seller must connect it again. */
    public boolean reauthorisationNeeded() {
        return "invalid_grant".equals(code) || "invalid_client".equals(code) || status() == 401 || status() == 403;
    }

    @Override
    public boolean transientFailure() {
        return super.transientFailure() || "THROTTLED".equals(code);
    }
}
