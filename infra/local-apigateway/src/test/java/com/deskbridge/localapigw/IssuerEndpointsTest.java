package com.deskbridge.localapigw;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IssuerEndpointsTest {

    static final Http.Recorder me = new Http.Recorder("me");
    static final Http.Recorder fallback = new Http.Recorder("fallback");
    static HttpApiEmulator api;

    @BeforeAll
    static void start() {
        api = HttpApiEmulator.builder()
                .jwtAuthorizer(List.of("deskbridge-helpdesk"))
                .route("GET", "/me", me)
                .route("ANY", "$default", fallback, RouteAuth.none())
                .build().start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static HttpResponse<String> postToken(String body) {
        return Http.send(Http.request(api, "/local-issuer/token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void discoveryDocumentPointsAtTheIssuerEndpoints() {
        HttpResponse<String> r = Http.get(api, "/local-issuer/.well-known/openid-configuration");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = Http.json(r.body());
        String issuer = api.baseUrl() + "/local-issuer";
        assertThat(api.issuer().issuerUrl()).isEqualTo(issuer);
        assertThat(doc.get("issuer").asText()).isEqualTo(issuer);
        assertThat(doc.get("jwks_uri").asText()).isEqualTo(issuer + "/.well-known/jwks.json");
        assertThat(doc.get("token_endpoint").asText()).isEqualTo(issuer + "/token");
        assertThat(fallback.calls.get()).isZero();
    }

    @Test
    void jwksVerifiesAMintedTokenIndependently() throws Exception {
        HttpResponse<String> r = Http.get(api, "/local-issuer/.well-known/jwks.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
        JWKSet set = JWKSet.parse(r.body());
        assertThat(set.getKeys()).hasSize(1);
        RSAKey published = set.getKeys().get(0).toRSAKey();
        assertThat(published.isPrivate()).isFalse();
        assertThat(published.size()).isEqualTo(2048);

        SignedJWT token = SignedJWT.parse(api.issuer().mint("agent-9", Map.of(), Duration.ofMinutes(5)));
        assertThat(token.getHeader().getKeyID()).isEqualTo(published.getKeyID());
        assertThat(token.verify(new RSASSAVerifier(published))).isTrue();
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(api.baseUrl() + "/local-issuer");
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("deskbridge-helpdesk");
        assertThat(token.getJWTClaimsSet().getExpirationTime().toInstant()).isAfter(Instant.now());
    }

    @Test
    void tokenEndpointIssuesAUsableToken() throws Exception {
        HttpResponse<String> r = postToken(
                "{\"sub\":\"agent-1\",\"claims\":{\"seller_id\":\"demo-seller\",\"roles\":[\"agent\"]},\"ttlSeconds\":120}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("cache-control")).hasValue("no-store");
        JsonNode body = Http.json(r.body());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(120);
        String token = body.get("access_token").asText();
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(120_000);

        HttpResponse<String> call = Http.send(Http.request(api, "/me").header("Authorization", "Bearer " + token)
                .GET().build());
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(me.event().getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("sub", "agent-1").containsEntry("seller_id", "demo-seller")
                .containsEntry("roles", "[agent]");
    }

    @Test
    void tokenEndpointDefaultsTtlToOneHour() {
        JsonNode body = Http.json(postToken("{\"sub\":\"agent-2\"}").body());
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
    }

    @Test
    void badTokenRequestsGetProblemDetails() {
        for (String bad : List.of("not json", "{\"claims\":{}}", "{\"sub\":\"\"}", "[1,2]", "{\"sub\":42}",
                "{\"sub\":\"a\",\"claims\":[1]}", "{\"sub\":\"a\",\"ttlSeconds\":-1}",
                "{\"sub\":\"a\",\"ttlSeconds\":1.5}", "{\"sub\":\"a\"} trailing", "")) {
            HttpResponse<String> r = postToken(bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
            JsonNode problem = Http.json(r.body());
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
            assertThat(problem.get("detail").asText()).isNotBlank();
        }
    }

    @Test
    void issuerPathsAreNeverRoutedToHandlers() {
        int before = fallback.calls.get();
        HttpResponse<String> unknown = Http.get(api, "/local-issuer/unknown");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Not Found\"}");
        HttpResponse<String> wrongMethod = Http.get(api, "/local-issuer/token");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("allow")).hasValue("POST");
        assertThat(fallback.calls.get()).isEqualTo(before);
        assertThat(Http.get(api, "/local-issuerx").body()).isEqualTo("fallback");
    }
}
