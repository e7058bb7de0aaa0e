package com.deskbridge.localapigw;

/** Applies a {@link CorsConfig} the way API Gateway HTTP APIs do. */
final class CorsPolicy {

    private final CorsConfig config;

    CorsPolicy(CorsConfig config) {
        this.config = config;
    }

    static boolean isPreflight(String method, String origin, String requestedMethod) {
        return "OPTIONS".equals(method) && origin != null && requestedMethod != null;
    }

    /** The gateway's own answer to a preflight: 204, with CORS headers only for an allowed origin. */
    GatewayResponse preflight(String origin) {
        GatewayResponse response = GatewayResponse.empty(204);
        if (!config.allows(origin)) {
            return response;
        }
        response = withCommonHeaders(response, origin);
        if (!config.allowMethods().isEmpty()) {
            response = response.withHeader("access-control-allow-methods", String.join(",", config.allowMethods()));
        }
        if (!config.allowHeaders().isEmpty()) {
            response = response.withHeader("access-control-allow-headers", String.join(",", config.allowHeaders()));
        }
        if (config.maxAgeSeconds() != null) {
            response = response.withHeader("access-control-max-age", String.valueOf(config.maxAgeSeconds()));
        }
        return response;
    }

    /** Replaces any CORS headers of a response with the configured ones for an allowed origin. */
    GatewayResponse decorate(GatewayResponse response, String origin) {
        GatewayResponse stripped = response.withoutHeaders(name -> name.startsWith("access-control-"));
        if (!config.allows(origin)) {
            return stripped;
        }
        GatewayResponse decorated = withCommonHeaders(stripped, origin);
        if (!config.exposeHeaders().isEmpty()) {
            decorated = decorated.withHeader("access-control-expose-headers", String.join(",", config.exposeHeaders()));
        }
        return decorated;
    }

    private GatewayResponse withCommonHeaders(GatewayResponse response, String origin) {
        boolean listed = config.allowOrigins().stream().anyMatch(o -> o.equalsIgnoreCase(origin.trim()));
        String allowOrigin = !listed && config.wildcardOrigin() ? "*" : origin.trim();
        GatewayResponse r = response.withHeader("access-control-allow-origin", allowOrigin);
        if (config.allowCredentials()) {
            r = r.withHeader("access-control-allow-credentials", "true");
        }
        return r;
    }
}
