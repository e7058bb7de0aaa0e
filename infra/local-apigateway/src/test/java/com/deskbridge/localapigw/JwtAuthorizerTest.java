package com.deskbridge.localapigw;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwtAuthorizerTest {

    static final String AUDIENCE = "deskbridge-helpdesk";
    static final Http.Recorder me = new Http.Recorder("me");
    static final Http.Recorder admin = new Http.Recorder("admin");
    static final Http.Recorder health = new Http.Recorder("health");
    static HttpApiEmulator api;

    @BeforeAll
    static void start() {
        api = HttpApiEmulator.builder()
                .jwtAuthorizer(List.of("other-client", AUDIENCE))
                .route("GET", "/me", me)
                .route("GET", "/admin", admin, RouteAuth.jwt("tickets.admin", "root"))
                .route("GET", "/health", health, RouteAuth.none())
                .build().start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        me.calls.set(0);
        admin.calls.set(0);
    }

    static HttpResponse<String> call(String path, String authorization) {
        var request = Http.request(api, path).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Http.send(request.build());
    }

    static String mint(Map<String, Object> claims) {
        return api.issuer().mint("agent-1", claims, Duration.ofMinutes(10));
    }

    void assertRejected(HttpResponse<String> r, String description) {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        if (description == null) {
            assertThat(r.headers().firstValue("www-authenticate")).hasValue("Bearer");
        } else {
            assertThat(r.headers().firstValue("www-authenticate")).hasValue(
                    "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\"");
        }
        assertThat(me.calls.get()).as("handler must not run").isZero();
    }

    @Test
    void validBearerTokenIsAcceptedAndClaimsReachTheHandler() {
        String token = api.issuer().mint("agent-1", Map.of("seller_id", "demo-seller", "roles", List.of("agent",
                "admin"), "scope", "tickets.read tickets.write", "level", 3, "vip", true), Duration.ofHours(1));
        HttpResponse<String> r = call("/me", "Bearer " + token);
        assertThat(r.statusCode()).isEqualTo(200);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = me.event().getRequestContext().getAuthorizer().getJwt();
        assertThat(jwt.getClaims())
                .containsEntry("sub", "agent-1")
                .containsEntry("iss", api.baseUrl() + "/local-issuer")
                .containsEntry("aud", "other-client")
                .containsEntry("seller_id", "demo-seller")
                .containsEntry("roles", "[agent admin]")
                .containsEntry("level", "3")
                .containsEntry("vip", "true")
                .containsEntry("scope", "tickets.read tickets.write");
        assertThat(jwt.getClaims().get("exp")).matches("\\d{10}");
        assertThat(jwt.getScopes()).containsExactly("tickets.read", "tickets.write");
        assertThat(me.event().getHeaders()).containsKey("authorization");
    }

    @Test
    void tokenWithoutBearerPrefixIsAccepted() {
        assertThat(call("/me", mint(Map.of())).statusCode()).isEqualTo(200);
        assertThat(me.event().getRequestContext().getAuthorizer().getJwt().getScopes()).isNull();
    }

    @Test
    void clientIdIsCheckedWhenThereIsNoAudience() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("aud", null);
        claims.put("client_id", AUDIENCE);
        assertThat(call("/me", "Bearer " + mint(claims)).statusCode()).isEqualTo(200);
        claims.put("client_id", "someone-else");
        me.calls.set(0);
        assertRejected(call("/me", "Bearer " + mint(claims)), "the token does not have a valid audience");
    }

    @Test
    void missingAuthorizationHeaderIsRejected() {
        assertRejected(call("/me", null), null);
    }

    @Test
    void expiredTokenIsRejected() {
        String expired = api.issuer().mint("agent-1", Map.of(), Duration.ofMinutes(-5));
        assertRejected(call("/me", "Bearer " + expired), "the token has expired");
    }

    @Test
    void notYetValidTokenIsRejected() {
        long inAnHour = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        assertRejected(call("/me", "Bearer " + mint(Map.of("nbf", inAnHour))), "the token is not valid yet");
    }

    @Test
    void wrongAudienceIsRejected() {
        assertRejected(call("/me", "Bearer " + mint(Map.of("aud", "not-deskbridge"))),
                "the token does not have a valid audience");
    }

    @Test
    void wrongIssuerIsRejected() {
        assertRejected(call("/me", "Bearer " + mint(Map.of("iss", "https://issuer.example.com"))),
                "the token does not have a valid issuer");
    }

    @Test
    void tokenSignedByAnotherKeyWithTheSameKidIsRejected() throws JOSEException {
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(api.issuer().keyId()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(api.issuer().keyId()).build(),
                validClaims());
        forged.sign(new RSASSASigner(attacker));
        assertRejected(call("/me", "Bearer " + forged.serialize()), "the token signature is invalid");
    }

    @Test
    void tamperedPayloadIsRejected() {
        String[] parts = mint(Map.of("roles", List.of("agent"))).split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                .replace("\"agent\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];
        assertRejected(call("/me", "Bearer " + tampered), "the token signature is invalid");
    }

    @Test
    void unsignedAlgNoneTokenIsRejected() {
        String plain = new PlainJWT(validClaims()).serialize();
        assertRejected(call("/me", "Bearer " + plain), "the token is malformed");
        String handMade = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + api.issuer().keyId() + "\"}") + "."
                + Base64URL.encode(validClaims().toString()) + ".";
        assertThat(call("/me", "Bearer " + handMade).statusCode()).isEqualTo(401);
        assertThat(me.calls.get()).isZero();
    }

    @Test
    void symmetricallySignedTokenIsRejected() throws JOSEException {
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(api.issuer().keyId()).build(),
                validClaims());
        hs.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        assertRejected(call("/me", "Bearer " + hs.serialize()), "the token signing algorithm is not supported");
    }

    @Test
    void garbageTokenIsRejected() {
        assertRejected(call("/me", "Bearer not-a-jwt"), "the token is malformed");
    }

    @Test
    void routeScopesRequireOneMatchingScope() {
        HttpResponse<String> ok = call("/admin", "Bearer " + mint(Map.of("scope", "tickets.read tickets.admin")));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(admin.calls.get()).isEqualTo(1);

        HttpResponse<String> scp = call("/admin", "Bearer " + mint(Map.of("scp", List.of("root"))));
        assertThat(scp.statusCode()).isEqualTo(200);

        HttpResponse<String> denied = call("/admin", "Bearer " + mint(Map.of("scope", "tickets.read")));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(denied.headers().firstValue("www-authenticate").orElseThrow()).contains("insufficient_scope");
        assertThat(call("/admin", "Bearer " + mint(Map.of())).statusCode()).isEqualTo(403);
        assertThat(admin.calls.get()).isEqualTo(2);
    }

    @Test
    void publicRouteNeedsNoToken() {
        HttpResponse<String> r = call("/health", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(health.event().getRequestContext().getAuthorizer()).isNull();
    }

    @Test
    void withoutAuthorizerRoutesAreOpen() {
        Http.Recorder open = new Http.Recorder("open");
        try (HttpApiEmulator noAuth = HttpApiEmulator.builder().route("GET", "/me", open).build().start()) {
            assertThat(Http.get(noAuth, "/me").statusCode()).isEqualTo(200);
            assertThat(open.event().getRequestContext().getAuthorizer()).isNull();
        }
    }

    private static JWTClaimsSet validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(api.issuer().issuerUrl()).audience(AUDIENCE).subject("mallory")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).build();
    }
}
