package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Signing in to the running local system the way the deployed console signs in to Cognito: OIDC discovery, the
 * authorization code grant with PKCE against the template's user pool and console client, the template's
 * pre-token-generation function putting the seller into the access token, and that token opening the seller's queue
 * through the HTTP API's JWT authorizer.
 */
class CognitoSignInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERIFIER = "local-console-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";
    private static final String CALLBACK = "http://localhost:5173/";
    private static LocalRunner system;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
    }

    @Test
    void anAgentSignsInThroughTheUserPoolAndReadsHerSellersQueue() throws Exception {
        String seller = "signin-" + System.nanoTime();
        SqsClient sqs = system.stack().sqsClient();
        sqs.sendMessage(m -> m.queueUrl(system.stack().queueUrl("IntakeQueue"))
                .messageBody(Envelopes.channelMessage(seller, "signin-1", "thread-signin", "Where is my parcel?")));

        String client = system.consoleClient().orElseThrow();
        String issuer = system.api().issuer().issuerUrl();
        assertThat(issuer).endsWith("/local-issuer/eu-west-1_UserPool");
        JsonNode discovery = JSON.readTree(RunningSystem.get(URI.create(issuer).getRawPath()
                + "/.well-known/openid-configuration", null).body());
        assertThat(discovery.path("issuer").asText()).isEqualTo(issuer);

        // the browser: authorize -> login page -> back to the console with a code
        URI authorize = URI.create(discovery.path("authorization_endpoint").asText() + "?response_type=code&client_id="
                + client + "&redirect_uri=" + enc(CALLBACK) + "&scope=openid+email+profile&state=xyz&code_challenge="
                + s256(VERIFIER) + "&code_challenge_method=S256");
        HttpResponse<String> toLogin = RunningSystem.send(HttpRequest.newBuilder(authorize).GET().build());
        assertThat(toLogin.statusCode()).isEqualTo(302);
        URI login = URI.create(system.api().baseUrl()).resolve(toLogin.headers().firstValue("location").orElseThrow());
        HttpResponse<String> page = RunningSystem.send(HttpRequest.newBuilder(login).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"lead\"", "value=\"operator\"");
        HttpResponse<String> back = RunningSystem.send(HttpRequest.newBuilder(URI.create(system.api().baseUrl()
                        + login.getRawPath())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(login.getRawQuery() + "&username=lea&seller_id=" + enc(seller)
                        + "&group=agent&group=lead")).build());
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        String location = back.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?code=").endsWith("&state=xyz");
        String code = URLDecoder.decode(location.substring(location.indexOf("code=") + 5, location.indexOf("&state")),
                StandardCharsets.UTF_8);

        // the console: code + verifier -> tokens
        HttpResponse<String> exchanged = RunningSystem.send(HttpRequest.newBuilder(
                        URI.create(discovery.path("token_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + client + "&code="
                        + enc(code) + "&redirect_uri=" + enc(CALLBACK) + "&code_verifier=" + VERIFIER)).build());
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        String accessToken = JSON.readTree(exchanged.body()).path("access_token").asText();
        JWTClaimsSet claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
        assertThat(claims.getStringClaim("seller_id")).as("put there by the template's PreTokenGenerationFunction")
                .isEqualTo(seller);
        assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
        assertThat(claims.getStringListClaim("cognito:groups")).containsExactly("agent", "lead");
        assertThat(claims.getAudience()).isEmpty();

        JsonNode items = RunningSystem.await(() -> {
            try {
                HttpResponse<String> r = RunningSystem.get("/tickets?status=open", accessToken);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                return JSON.readTree(r.body()).get("items");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, i -> i.size() == 1, Duration.ofSeconds(30));
        assertThat(items).hasSize(1);

        // a replayed code gets nothing
        HttpResponse<String> replay = RunningSystem.send(HttpRequest.newBuilder(
                        URI.create(discovery.path("token_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + client + "&code="
                        + enc(code) + "&redirect_uri=" + enc(CALLBACK) + "&code_verifier=" + VERIFIER)).build());
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(replay.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void anotherSellersAgentSeesNoneOfIt() throws Exception {
        String token = system.token("intruder", "signin-other-" + System.nanoTime(), Duration.ofMinutes(5));
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("token_use")).isEqualTo("access");
        HttpResponse<String> r = RunningSystem.get("/tickets?status=open", token);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("items")).isEmpty();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
