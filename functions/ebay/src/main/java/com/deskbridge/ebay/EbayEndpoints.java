package com.deskbridge.ebay;

import java.net.URI;
import java.util.Objects;

/**
 * Where eBay lives: the REST and Post-Order APIs and the OAuth token endpoint ({@code api.ebay.com}), the Identity API
 * ({@code apiz.ebay.com}) and the consent page ({@code auth.ebay.com}); the sandbox has the same hosts with
 * {@code sandbox.}. Local runs and tests point all three at the simulator with {@link #local(String)}.
 */
public record EbayEndpoints(URI api, URI apiz, URI auth) {

    public EbayEndpoints {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(apiz, "apiz");
        Objects.requireNonNull(auth, "auth");
    }

    public static EbayEndpoints production() {
        return new EbayEndpoints(URI.create("https://api.ebay.com"), URI.create("https://apiz.ebay.com"), URI.create("https://auth.ebay.com"));
    }

    public static EbayEndpoints sandbox() {
        return new EbayEndpoints(URI.create("https://api.sandbox.ebay.com"), URI.create("https://apiz.sandbox.ebay.com"),
                URI.create("https://auth.sandbox.ebay.com"));
    }

    public static EbayEndpoints local(String baseUrl) {
        URI base = URI.create(baseUrl);
        return new EbayEndpoints(base, base, base);
    }

    /** The OAuth token endpoint (https://developer.ebay.com/api-docs/static/oauth-refresh-token-request.html). */
    public URI tokenUrl() {
        return resolve(api, "/identity/v1/oauth2/token");
    }

    static URI resolve(URI base, String pathAndQuery) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + pathAndQuery);
    }
}
