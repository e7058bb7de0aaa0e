package com.deskbridge.localapigw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The local issuer's HTTP endpoints: OpenID discovery document, JWKS and a development token endpoint
 * ({@code POST /local-issuer/token}: any subject and claims, for tests and scripts), plus, when the issuer plays a user
 * pool, its sign-in endpoints ({@link OidcEndpoints}). They live under {@link LocalJwtIssuer#PATH} and are never routed
 * to handlers.
 */
final class IssuerEndpoints {

    static final long DEFAULT_TTL_SECONDS = 3600;
    static final long MAX_TTL_SECONDS = Duration.ofDays(365).getSeconds();

    static final String DISCOVERY = "/.well-known/openid-configuration";
    static final String JWKS = "/.well-known/jwks.json";
    private static final String TOKEN = LocalJwtIssuer.PATH + "/token";

    private final LocalJwtIssuer issuer;
    private final ObjectMapper json;
    private final OidcEndpoints oidc;

    /**
     * @param oidc the user pool's OIDC endpoints (discovery in Cognito's shape, authorization code + PKCE), or null
     *             for the plain development issuer
     */
    IssuerEndpoints(LocalJwtIssuer issuer, ObjectMapper json, OidcEndpoints oidc) {
        this.issuer = issuer;
        this.json = json;
        this.oidc = oidc;
    }

    static boolean owns(String rawPath) {
        return rawPath.equals(LocalJwtIssuer.PATH) || rawPath.startsWith(LocalJwtIssuer.PATH + "/");
    }

    GatewayResponse handle(String method, String rawPath, String rawQuery, byte[] body) {
        if (rawPath.equals(issuer.issuerPath() + DISCOVERY)) {
            return "GET".equals(method) ? ok(oidc != null ? oidc.discovery() : discovery()) : methodNotAllowed("GET");
        }
        if (rawPath.equals(issuer.issuerPath() + JWKS)) {
            return "GET".equals(method)
                    ? GatewayResponse.json(200, "application/json", issuer.publicJwkSet().toString())
                    : methodNotAllowed("GET");
        }
        if (rawPath.equals(TOKEN)) {
            return "POST".equals(method) ? token(body) : methodNotAllowed("POST");
        }
        if (oidc != null) {
            GatewayResponse response = oidc.handle(method, rawPath, rawQuery, body);
            if (response != null) {
                return response;
            }
        }
        return GatewayResponse.message(404, "Not Found");
    }

    private ObjectNode discovery() {
        String iss = issuer.issuerUrl();
        ObjectNode doc = json.createObjectNode();
        doc.put("issuer", iss);
        doc.put("jwks_uri", iss + "/.well-known/jwks.json");
        doc.put("token_endpoint", iss + "/token");
        doc.putArray("response_types_supported").add("token");
        doc.putArray("subject_types_supported").add("public");
        doc.putArray("id_token_signing_alg_values_supported").add("RS256");
        doc.putArray("token_endpoint_auth_methods_supported").add("none");
        return doc;
    }

    private GatewayResponse token(byte[] body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            return badRequest("The request body is not valid JSON.");
        }
        if (request == null || !request.isObject()) {
            return badRequest("The request body must be a JSON object.");
        }
        JsonNode sub = request.get("sub");
        if (sub == null || !sub.isTextual() || sub.textValue().isBlank()) {
            return badRequest("'sub' is required and must be a non-empty string.");
        }
        JsonNode claims = request.get("claims");
        if (claims != null && !claims.isNull() && !claims.isObject()) {
            return badRequest("'claims' must be a JSON object.");
        }
        JsonNode ttlNode = request.get("ttlSeconds");
        long ttl = DEFAULT_TTL_SECONDS;
        if (ttlNode != null && !ttlNode.isNull()) {
            if (!ttlNode.isIntegralNumber() || !ttlNode.canConvertToLong()
                    || ttlNode.asLong() <= 0 || ttlNode.asLong() > MAX_TTL_SECONDS) {
                return badRequest("'ttlSeconds' must be a whole number between 1 and " + MAX_TTL_SECONDS + ".");
            }
            ttl = ttlNode.asLong();
        }
        Map<String, Object> extra = claims == null || claims.isNull() ? Map.of()
                : json.convertValue(claims, new TypeReference<Map<String, Object>>() { });
        String token = issuer.mint(sub.textValue(), extra, Duration.ofSeconds(ttl));
        ObjectNode response = json.createObjectNode();
        response.put("access_token", token);
        response.put("token_type", "Bearer");
        response.put("expires_in", ttl);
        return ok(response).withHeader("cache-control", "no-store");
    }

    private GatewayResponse ok(JsonNode body) {
        return GatewayResponse.json(200, "application/json", write(body));
    }

    private GatewayResponse badRequest(String detail) {
        return problem(400, "Bad Request", detail);
    }

    private GatewayResponse methodNotAllowed(String allowed) {
        return problem(405, "Method Not Allowed", "Use " + allowed + ".").withHeader("allow", allowed);
    }

    private GatewayResponse problem(int status, String title, String detail) {
        ObjectNode problem = json.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return GatewayResponse.json(status, "application/problem+json", write(problem));
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
