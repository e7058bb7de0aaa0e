package com.deskbridge.localapigw;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local issuer playing a Cognito user pool, over HTTP as a browser and a console meet it: discovery, the
 * authorization code grant with PKCE (S256), Cognito's token formats, and the JWT authorizer accepting what API Gateway
 * accepts.
 */
class UserPoolSignInTest {

    static final String POOL = "eu-west-1_TestPool";
    static final String CLIENT = "consoleclient";
    static final String CALLBACK = "http://localhost:5173/";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-correct-horse";
    static final ObjectMapper JSON = new ObjectMapper();
    static final MutableClock CLOCK = new MutableClock(Instant.now());
    static final Http.Recorder tickets = new Http.Recorder("tickets");
    static final AtomicReference<JsonNode> lastTriggerEvent = new AtomicReference<>();
    static HttpApiEmulator api;

    /** Like the template's trigger: custom:seller_id into the access token as seller_id; "blocked" users refused. */
    static final UnaryOperator<String> TRIGGER = eventJson -> {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(eventJson);
            lastTriggerEvent.set(event.deepCopy());
            JsonNode seller = event.path("request").path("userAttributes").path("custom:seller_id");
            if ("blocked".equals(seller.asText())) {
                throw new IllegalStateException("this seller is blocked");
            }
            ObjectNode claims = JSON.createObjectNode();
            if (!seller.isMissingNode()) {
                claims.put("seller_id", seller.asText());
            }
            ObjectNode response = event.putObject("response");
            response.putObject("claimsAndScopeOverrideDetails").putObject("accessTokenGeneration")
                    .set("claimsToAddOrOverride", claims);
            return JSON.writeValueAsString(event);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    };

    @BeforeAll
    static void start() {
        api = HttpApiEmulator.builder()
                .clock(CLOCK)
                .jwtAuthorizer(List.of(CLIENT))
                .userPool(new LocalUserPool(POOL, "eu-west-1", List.of("agent", "lead", "operator"),
                        List.of(new LocalUserPool.Client(CLIENT, List.of(CALLBACK), List.of(CALLBACK),
                                List.of("openid", "email", "profile"), Duration.ofMinutes(60))), TRIGGER, "V2_0"))
                .route("GET", "/tickets", tickets)
                .build().start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void discoveryInCognitosShapeAndTheJwksVerifiesTheTokens() throws Exception {
        String issuer = api.baseUrl() + "/local-issuer/" + POOL;
        assertThat(api.issuer().issuerUrl()).isEqualTo(issuer);
        JsonNode doc = Http.json(Http.get(api, "/local-issuer/" + POOL + "/.well-known/openid-configuration").body());
        assertThat(doc.path("issuer").asText()).isEqualTo(issuer);
        assertThat(doc.path("jwks_uri").asText()).isEqualTo(issuer + "/.well-known/jwks.json");
        assertThat(doc.path("authorization_endpoint").asText()).isEqualTo(api.baseUrl() + "/local-issuer/oauth2/authorize");
        assertThat(doc.path("token_endpoint").asText()).isEqualTo(api.baseUrl() + "/local-issuer/oauth2/token");
        assertThat(doc.path("end_session_endpoint").asText()).isEqualTo(api.baseUrl() + "/local-issuer/logout");
        assertThat(doc.path("code_challenge_methods_supported")).extracting(JsonNode::asText).containsExactly("S256");

        Map<String, JsonNode> tokens = signIn("anna", "acme-gmbh", List.of("agent", "lead"), "state-1", "nonce-1");
        JWKSet keys = JWKSet.parse(Http.get(api, "/local-issuer/" + POOL + "/.well-known/jwks.json").body());
        SignedJWT access = SignedJWT.parse(tokens.get("access_token").asText());
        assertThat(access.verify(new RSASSAVerifier(keys.getKeys().get(0).toRSAKey()))).isTrue();
    }

    @Test
    void authorizationCodeWithPkceGivesCognitosAccessAndIdTokens() throws Exception {
        Map<String, JsonNode> tokens = signIn("anna", "acme-gmbh", List.of("agent", "lead"), "state-2", "nonce-2");
        assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(3600);

        JWTClaimsSet access = SignedJWT.parse(tokens.get("access_token").asText()).getJWTClaimsSet();
        assertThat(access.getIssuer()).isEqualTo(api.baseUrl() + "/local-issuer/" + POOL);
        assertThat(access.getAudience()).as("Cognito's access tokens carry no aud").isEmpty();
        assertThat(access.getSubject()).isEqualTo("anna");
        assertThat(access.getStringClaim("token_use")).isEqualTo("access");
        assertThat(access.getStringClaim("client_id")).isEqualTo(CLIENT);
        assertThat(access.getStringClaim("scope")).isEqualTo("openid email profile");
        assertThat(access.getStringListClaim("cognito:groups")).containsExactly("agent", "lead");
        assertThat(access.getStringClaim("seller_id")).as("added by the trigger").isEqualTo("acme-gmbh");
        assertThat(access.getStringClaim("username")).isEqualTo("anna");
        assertThat(access.getExpirationTime().getTime() - access.getIssueTime().getTime()).isEqualTo(3_600_000);

        JWTClaimsSet id = SignedJWT.parse(tokens.get("id_token").asText()).getJWTClaimsSet();
        assertThat(id.getAudience()).containsExactly(CLIENT);
        assertThat(id.getStringClaim("token_use")).isEqualTo("id");
        assertThat(id.getStringClaim("custom:seller_id")).isEqualTo("acme-gmbh");
        assertThat(id.getStringClaim("cognito:username")).isEqualTo("anna");
        assertThat(id.getStringClaim("nonce")).isEqualTo("nonce-2");
        assertThat(id.getClaim("seller_id")).as("the trigger customised the access token only").isNull();

        JsonNode event = lastTriggerEvent.get();
        assertThat(event.path("version").asText()).isEqualTo("2");
        assertThat(event.path("userPoolId").asText()).isEqualTo(POOL);
        assertThat(event.path("callerContext").path("clientId").asText()).isEqualTo(CLIENT);
        assertThat(event.path("request").path("groupConfiguration").path("groupsToOverride"))
                .extracting(JsonNode::asText).containsExactly("agent", "lead");

        // the JWT authorizer takes it as API Gateway does: no aud, so client_id must be an audience
        HttpResponse<String> call = bearer("/tickets", tokens.get("access_token").asText());
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(tickets.event().getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("sub", "anna").containsEntry("seller_id", "acme-gmbh")
                .containsEntry("cognito:groups", "[agent lead]").containsEntry("token_use", "access")
                .containsEntry("client_id", CLIENT).doesNotContainKey("roles");
        assertThat(tickets.event().getRequestContext().getAuthorizer().getJwt().getScopes())
                .containsExactly("openid", "email", "profile");
    }

    @Test
    void theAuthorizerAlsoTakesAnIdTokenAsApiGatewayDoesSoTheApiMustCheckTokenUse() {
        Map<String, JsonNode> tokens = signIn("ben", "acme-gmbh", List.of("agent"), null, null);
        HttpResponse<String> call = bearer("/tickets", tokens.get("id_token").asText());
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(tickets.event().getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("token_use", "id").doesNotContainKey("seller_id");
    }

    @Test
    void aVerifierThatDoesNotHashToTheChallengeIsRefused() {
        String code = authorize("carla", "acme-gmbh", List.of("agent"), "s", null);
        HttpResponse<String> r = exchange(code, "a-different-verifier-of-more-than-forty-three-characters-xyz");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r.body()).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(Http.json(r.body()).path("error_description").asText()).contains("code_verifier");
        assertThat(exchange(code, null).statusCode()).as("missing verifier").isEqualTo(400);
    }

    @Test
    void aCodeWorksOnceAReplayIsRefused() {
        String code = authorize("dora", "acme-gmbh", List.of("agent"), "s", null);
        assertThat(exchange(code, VERIFIER).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = exchange(code, VERIFIER);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(Http.json(replay.body()).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(Http.json(replay.body()).path("error_description").asText()).contains("used already");
    }

    @Test
    void aCodeOlderThanFiveMinutesIsRefused() {
        String code = authorize("emil", "acme-gmbh", List.of("agent"), "s", null);
        CLOCK.advance(OidcEndpoints.CODE_LIFETIME.plusSeconds(1));
        try {
            HttpResponse<String> r = exchange(code, VERIFIER);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(Http.json(r.body()).path("error").asText()).isEqualTo("invalid_grant");
            assertThat(Http.json(r.body()).path("error_description").asText()).contains("expired");
        } finally {
            CLOCK.advance(OidcEndpoints.CODE_LIFETIME.plusSeconds(1).negated());
        }
    }

    @Test
    void theExchangeMustComeFromTheSameClientAndRedirectUri() {
        String code = authorize("finn", "acme-gmbh", List.of("agent"), "s", null);
        HttpResponse<String> r = post("/local-issuer/oauth2/token", form("grant_type", "authorization_code",
                "client_id", CLIENT, "code", code, "redirect_uri", "http://localhost:5173/elsewhere", "code_verifier", VERIFIER));
        assertThat(Http.json(r.body()).path("error").asText()).isEqualTo("invalid_grant");
        HttpResponse<String> grant = post("/local-issuer/oauth2/token", form("grant_type", "password", "client_id", CLIENT));
        assertThat(Http.json(grant.body()).path("error").asText()).isEqualTo("unsupported_grant_type");
        HttpResponse<String> client = post("/local-issuer/oauth2/token", form("grant_type", "authorization_code",
                "client_id", "nobody", "code", "x"));
        assertThat(Http.json(client.body()).path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void authorizationRequestsWithoutPkceOrFromUnknownPlacesAreRefused() {
        String base = "/local-issuer/oauth2/authorize?response_type=code&client_id=" + CLIENT + "&redirect_uri="
                + enc(CALLBACK) + "&state=st";
        HttpResponse<String> noPkce = Http.get(api, base);
        assertThat(noPkce.statusCode()).isEqualTo(302);
        assertThat(noPkce.headers().firstValue("location").orElseThrow())
                .startsWith(CALLBACK + "?error=invalid_request&error_description=").endsWith("&state=st");
        HttpResponse<String> plain = Http.get(api, base + "&code_challenge=" + OidcEndpoints.s256(VERIFIER)
                + "&code_challenge_method=plain");
        assertThat(plain.headers().firstValue("location").orElseThrow()).contains("error=invalid_request");
        HttpResponse<String> scope = Http.get(api, base + "&scope=openid+aws.cognito.signin.user.admin&code_challenge="
                + OidcEndpoints.s256(VERIFIER) + "&code_challenge_method=S256");
        assertThat(scope.headers().firstValue("location").orElseThrow()).contains("error=invalid_scope");

        HttpResponse<String> foreign = Http.get(api, "/local-issuer/oauth2/authorize?response_type=code&client_id="
                + CLIENT + "&redirect_uri=" + enc("https://evil.example/") + "&code_challenge=" + OidcEndpoints.s256(VERIFIER)
                + "&code_challenge_method=S256");
        assertThat(foreign.statusCode()).as("never redirected to an unregistered URI").isEqualTo(400);
        assertThat(foreign.headers().firstValue("location")).isEmpty();
        assertThat(foreign.body()).contains("redirect_mismatch");
        assertThat(Http.get(api, "/local-issuer/oauth2/authorize?response_type=code&client_id=nobody").statusCode())
                .isEqualTo(400);
    }

    @Test
    void theLoginPageSaysWhatIsWrongAndWhatTheTriggerRefused() {
        String login = loginUrl("st", null);
        HttpResponse<String> page = Http.get(api, login);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"username\"", "name=\"seller_id\"", "value=\"lead\"", "value=\"operator\"");

        HttpResponse<String> badSeller = post("/local-issuer/login", loginForm("gus", "not a seller!", List.of("agent"), "st", null));
        assertThat(badSeller.statusCode()).isEqualTo(400);
        assertThat(badSeller.body()).contains("The seller id must be");
        HttpResponse<String> badGroup = post("/local-issuer/login", loginForm("gus", "acme", List.of("admin"), "st", null));
        assertThat(badGroup.body()).contains("There is no group admin");
        HttpResponse<String> refused = post("/local-issuer/login", loginForm("gus", "blocked", List.of("agent"), "st", null));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("PreTokenGeneration failed with error this seller is blocked");
        assertThat(refused.headers().firstValue("location")).isEmpty();
    }

    @Test
    void logoutReturnsToARegisteredUriOnly() {
        HttpResponse<String> out = Http.get(api, "/local-issuer/logout?client_id=" + CLIENT + "&logout_uri=" + enc(CALLBACK));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("location")).hasValue(CALLBACK);
        assertThat(Http.get(api, "/local-issuer/logout?client_id=" + CLIENT + "&logout_uri=" + enc("https://evil.example/"))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void theDevelopmentTokenEndpointStaysAndMintsForThePoolIssuer() throws Exception {
        HttpResponse<String> r = post("/local-issuer/token", "{\"sub\":\"script\",\"claims\":{\"seller_id\":\"acme\"}}");
        assertThat(r.statusCode()).isEqualTo(200);
        String token = Http.json(r.body()).path("access_token").asText();
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getIssuer()).isEqualTo(api.issuer().issuerUrl());
        assertThat(bearer("/tickets", token).statusCode()).isEqualTo(200);
    }

    @Test
    void signInWithoutTheBrowserRunsTheSameTrigger() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(api.signIn(CLIENT, "hana", "acme-gmbh", List.of("lead"))).getJWTClaimsSet();
        assertThat(claims.getStringClaim("seller_id")).isEqualTo("acme-gmbh");
        assertThat(claims.getStringListClaim("cognito:groups")).containsExactly("lead");
        assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
    }

    // ------------------------------------------------------------------ a browser and a console, by hand

    /** The whole dance: authorize, login page, code, exchange. */
    static Map<String, JsonNode> signIn(String user, String seller, List<String> groups, String state, String nonce) {
        String code = authorize(user, seller, groups, state, nonce);
        HttpResponse<String> r = exchange(code, VERIFIER);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("cache-control")).hasValue("no-store");
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        Http.json(r.body()).properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static String authorize(String user, String seller, List<String> groups, String state, String nonce) {
        HttpResponse<String> authorize = Http.get(api, "/local-issuer/oauth2/authorize?" + authParams(state, nonce));
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        String login = URI.create(authorize.headers().firstValue("location").orElseThrow()).getRawPath();
        assertThat(login).isEqualTo("/local-issuer/login");
        HttpResponse<String> submitted = post("/local-issuer/login", loginForm(user, seller, groups, state, nonce));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        String location = submitted.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?code=");
        if (state != null) {
            assertThat(location).endsWith("&state=" + enc(state));
        }
        String query = URI.create(location).getRawQuery();
        return OidcEndpoints.params(query).get("code").get(0);
    }

    static HttpResponse<String> exchange(String code, String verifier) {
        return verifier == null
                ? post("/local-issuer/oauth2/token", form("grant_type", "authorization_code", "client_id", CLIENT,
                        "code", code, "redirect_uri", CALLBACK))
                : post("/local-issuer/oauth2/token", form("grant_type", "authorization_code", "client_id", CLIENT,
                        "code", code, "redirect_uri", CALLBACK, "code_verifier", verifier));
    }

    static String authParams(String state, String nonce) {
        return "response_type=code&client_id=" + CLIENT + "&redirect_uri=" + enc(CALLBACK) + "&scope=openid+email+profile"
                + (state == null ? "" : "&state=" + enc(state)) + (nonce == null ? "" : "&nonce=" + enc(nonce))
                + "&code_challenge=" + OidcEndpoints.s256(VERIFIER) + "&code_challenge_method=S256";
    }

    static String loginUrl(String state, String nonce) {
        return "/local-issuer/login?" + authParams(state, nonce);
    }

    static String loginForm(String user, String seller, List<String> groups, String state, String nonce) {
        StringBuilder form = new StringBuilder(authParams(state, nonce)).append("&username=").append(enc(user))
                .append("&seller_id=").append(enc(seller));
        groups.forEach(g -> form.append("&group=").append(enc(g)));
        return form.toString();
    }

    static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.length() == 0 ? "" : "&").append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
        }
        return out.toString();
    }

    static HttpResponse<String> post(String path, String body) {
        return Http.send(Http.request(api, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static HttpResponse<String> bearer(String path, String token) {
        return Http.send(Http.request(api, path).header("Authorization", "Bearer " + token).GET().build());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
