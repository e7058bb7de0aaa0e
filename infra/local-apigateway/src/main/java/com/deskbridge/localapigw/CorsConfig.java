package com.deskbridge.localapigw;

import java.util.List;
import java.util.Locale;

/**
 * CORS configuration of the emulated HTTP API, mirroring API Gateway's {@code CorsConfiguration}
 * ({@code AllowOrigins}, {@code AllowHeaders}, {@code AllowMethods}, {@code ExposeHeaders}, {@code MaxAge},
 * {@code AllowCredentials}).
 *
 * <p>When an emulator has a CORS configuration it answers preflight requests itself, adds the configured headers to
 * responses for allowed origins and drops any {@code Access-Control-*} header a handler returns, as API Gateway does.
 *
 * @param allowOrigins     allowed origins, e.g. {@code https://app.example.com}, or {@code *}
 * @param allowHeaders     request headers allowed in the actual request (sent on preflight responses)
 * @param allowMethods     methods allowed in the actual request (sent on preflight responses)
 * @param exposeHeaders    response headers exposed to browser scripts
 * @param maxAgeSeconds    how long a browser may cache a preflight result, or {@code null} to send no max age
 * @param allowCredentials whether {@code Access-Control-Allow-Credentials: true} is sent
 */
public record CorsConfig(List<String> allowOrigins, List<String> allowHeaders, List<String> allowMethods,
                         List<String> exposeHeaders, Integer maxAgeSeconds, boolean allowCredentials) {

    /**
     * Normalises null lists to empty ones and rejects combinations API Gateway rejects.
     *
     * @throws IllegalArgumentException when credentials are allowed together with the {@code *} origin, or the max age
     *                                  is negative
     */
    public CorsConfig {
        allowOrigins = allowOrigins == null ? List.of() : List.copyOf(allowOrigins);
        allowHeaders = allowHeaders == null ? List.of() : List.copyOf(allowHeaders);
        allowMethods = allowMethods == null ? List.of() : List.copyOf(allowMethods);
        exposeHeaders = exposeHeaders == null ? List.of() : List.copyOf(exposeHeaders);
        if (maxAgeSeconds != null && maxAgeSeconds < 0) {
            throw new IllegalArgumentException("maxAgeSeconds must not be negative");
        }
        if (allowCredentials && allowOrigins.contains("*")) {
            throw new IllegalArgumentException("allowCredentials cannot be combined with the '*' origin");
        }
    }

    /**
     * Tells whether a request {@code Origin} is allowed.
     *
     * @param origin the value of the request's {@code Origin} header, may be null
     * @return true when the origin is listed (case-insensitively) or {@code *} is configured
     */
    public boolean allows(String origin) {
        if (origin == null || origin.isBlank()) {
            return false;
        }
        String wanted = origin.trim().toLowerCase(Locale.ROOT);
        return allowOrigins.stream().anyMatch(o -> o.equals("*") || o.trim().toLowerCase(Locale.ROOT).equals(wanted));
    }

    boolean wildcardOrigin() {
        return allowOrigins.contains("*");
    }
}
