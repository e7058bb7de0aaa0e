package com.deskbridge.localapigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates bearer tokens like API Gateway's JWT authorizer: RSA signature with the issuer's key ({@code kid} must
 * match), {@code iss}, {@code aud} (or {@code client_id} when there is no {@code aud}), {@code exp}, {@code nbf},
 * {@code iat} and the route's authorization scopes.
 */
final class JwtAuthorizer {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

    /** Outcome of an authorization: either the authorizer context for the event, or a rejection. */
    record Result(JWT jwt, int status, String wwwAuthenticate) {

        static Result allow(JWT jwt) {
            return new Result(jwt, 200, null);
        }

        static Result unauthorized(String description) {
            return new Result(null, 401, description == null ? "Bearer"
                    : "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\"");
        }

        static Result forbidden(List<String> requiredScopes) {
            return new Result(null, 403, "Bearer scope=\"" + String.join(" ", requiredScopes)
                    + "\" error=\"insufficient_scope\" error_description=\"the token does not have a required scope\"");
        }

        boolean allowed() {
            return jwt != null;
        }
    }

    private final LocalJwtIssuer issuer;
    private final List<String> audiences;
    private final Clock clock;
    private final ObjectMapper json;
    private final RSASSAVerifier verifier;

    JwtAuthorizer(LocalJwtIssuer issuer, List<String> audiences, Clock clock, ObjectMapper json) {
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        this.clock = clock;
        this.json = json;
        this.verifier = new RSASSAVerifier(issuer.publicKey());
    }

    Result authorize(String authorizationHeader, List<String> requiredScopes) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Result.unauthorized(null);
        }
        String token = stripBearer(authorizationHeader.trim());
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException | IllegalArgumentException e) {
            return Result.unauthorized("the token is malformed");
        }
        if (!RSA_ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            return Result.unauthorized("the token signing algorithm is not supported");
        }
        if (!issuer.keyId().equals(jwt.getHeader().getKeyID())) {
            return Result.unauthorized("the token's key id does not match a key of the issuer");
        }
        try {
            if (!jwt.verify(verifier)) {
                return Result.unauthorized("the token signature is invalid");
            }
        } catch (JOSEException e) {
            return Result.unauthorized("the token signature is invalid");
        }
        JsonNode claims;
        try {
            claims = json.readTree(jwt.getPayload().toBytes());
        } catch (IOException e) {
            return Result.unauthorized("the token is malformed");
        }
        if (claims == null || !claims.isObject()) {
            return Result.unauthorized("the token is malformed");
        }
        String problem = checkClaims(claims);
        if (problem != null) {
            return Result.unauthorized(problem);
        }
        List<String> scopes = ClaimRenderer.scopes(claims);
        if (!requiredScopes.isEmpty() && (scopes == null || requiredScopes.stream().noneMatch(scopes::contains))) {
            return Result.forbidden(requiredScopes);
        }
        return Result.allow(new JWT(ClaimRenderer.render(claims), scopes));
    }

    private String checkClaims(JsonNode claims) {
        JsonNode iss = claims.get("iss");
        if (iss == null || !iss.isTextual() || !iss.textValue().equals(issuer.issuerUrl())) {
            return "the token does not have a valid issuer";
        }
        if (!hasValidAudience(claims)) {
            return "the token does not have a valid audience";
        }
        long now = clock.instant().getEpochSecond();
        long skew = CLOCK_SKEW.getSeconds();
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber()) {
            return "the token has no expiration time";
        }
        if (exp.asLong() + skew <= now) {
            return "the token has expired";
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && (!nbf.isNumber() || nbf.asLong() - skew > now)) {
            return "the token is not valid yet";
        }
        JsonNode iat = claims.get("iat");
        if (iat != null && (!iat.isNumber() || iat.asLong() - skew > now)) {
            return "the token was issued in the future";
        }
        return null;
    }

    private boolean hasValidAudience(JsonNode claims) {
        JsonNode aud = claims.get("aud");
        if (aud == null || aud.isNull()) {
            JsonNode clientId = claims.get("client_id");
            return clientId != null && clientId.isTextual() && audiences.contains(clientId.textValue());
        }
        if (aud.isTextual()) {
            return audiences.contains(aud.textValue());
        }
        if (aud.isArray()) {
            for (JsonNode a : aud) {
                if (a.isTextual() && audiences.contains(a.textValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String stripBearer(String header) {
        if (header.length() > 7 && header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return header.substring(7).trim();
        }
        return header;
    }
}
