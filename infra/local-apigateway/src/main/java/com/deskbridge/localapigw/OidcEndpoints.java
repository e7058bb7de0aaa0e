package com.deskbridge.localapigw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The managed login of the user pool the local issuer plays ({@link LocalUserPool}), speaking Cognito's formats:
 * <ul>
 *   <li>{@code <issuer>/.well-known/openid-configuration}: the discovery document in Cognito's shape;</li>
 *   <li>{@code GET /local-issuer/oauth2/authorize}: the authorization request (response_type=code, a registered
 *       client and redirect_uri, PKCE with {@code S256} required), answered with a redirect to the login page;</li>
 *   <li>{@code GET|POST /local-issuer/login}: a minimal page where the local user says who they are - agent id,
 *       seller id, groups - instead of a password; the pool's pre-token-generation trigger runs, then the browser is
 *       sent back to the redirect_uri with a one-time code valid for five minutes;</li>
 *   <li>{@code POST /local-issuer/oauth2/token}: the code exchange (form-encoded; the code_verifier must hash to the
 *       challenge; a code works once), answering Cognito's access and ID tokens;</li>
 *   <li>{@code GET /local-issuer/logout}: back to a registered logout_uri.</li>
 * </ul>
 * Cognito's endpoints: https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html; its tokens:
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html and
 * …-using-the-id-token.html; PKCE: RFC 7636; errors of the token endpoint: RFC 6749 section 5.2.
 */
final class OidcEndpoints {

    static final String AUTHORIZE = LocalJwtIssuer.PATH + "/oauth2/authorize";
    static final String LOGIN = LocalJwtIssuer.PATH + "/login";
    static final String TOKEN = LocalJwtIssuer.PATH + "/oauth2/token";
    static final String LOGOUT = LocalJwtIssuer.PATH + "/logout";
    /** Cognito's authorization codes are valid for five minutes. */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    /** An S256 challenge: base64url of 32 bytes, no padding. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** RFC 7636 section 4.1: 43-128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,128}");
    private static final Pattern SELLER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Claims a trigger may not add, override or suppress (Cognito owns them). */
    private static final Set<String> RESERVED = Set.of("acr", "amr", "aud", "at_hash", "auth_time", "azp", "c_hash",
            "client_id", "cognito:username", "event_id", "exp", "iat", "identities", "iss", "jti", "nbf", "nonce",
            "origin_jti", "scope", "sub", "token_use", "username", "version");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalJwtIssuer issuer;
    private final LocalUserPool pool;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<String, Pending> codes = new ConcurrentHashMap<>();

    OidcEndpoints(LocalJwtIssuer issuer, LocalUserPool pool, Clock clock, ObjectMapper json) {
        this.issuer = issuer;
        this.pool = pool;
        this.clock = clock;
        this.json = json;
    }

    /** A signed-in user with what the trigger decided, until the tokens are minted. */
    record SignedIn(String username, String sellerId, List<String> groups, List<String> scopes,
                    Map<String, Object> accessClaims, Set<String> accessSuppressed,
                    Map<String, Object> idClaims, Set<String> idSuppressed, Instant authTime) {
    }

    /** The tokens of one sign-in. */
    record Tokens(String accessToken, String idToken, long expiresIn) {
    }

    private record Pending(String clientId, String redirectUri, String challenge, String nonce, SignedIn user,
                           Instant expires) {
    }

    private record AuthRequest(LocalUserPool.Client client, String redirectUri, String state, List<String> scopes,
                               String challenge, String nonce) {
    }

    /** Signals an answer other than the happy path (an error page or an error redirect). */
    private static final class Refusal extends RuntimeException {
        private final transient GatewayResponse response;

        Refusal(GatewayResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    /** @return the answer, or null when the path is not one of these endpoints */
    GatewayResponse handle(String method, String rawPath, String rawQuery, byte[] body) {
        try {
            return switch (rawPath) {
                case AUTHORIZE -> "GET".equals(method) ? authorize(rawQuery) : methodNotAllowed("GET");
                case LOGIN -> switch (method) {
                    case "GET" -> loginPage(validate(params(rawQuery)), null, 200);
                    case "POST" -> login(params(new String(body, StandardCharsets.UTF_8)));
                    default -> methodNotAllowed("GET, POST");
                };
                case TOKEN -> "POST".equals(method) ? token(params(new String(body, StandardCharsets.UTF_8)))
                        : methodNotAllowed("POST");
                case LOGOUT -> "GET".equals(method) ? logout(params(rawQuery)) : methodNotAllowed("GET");
                default -> null;
            };
        } catch (Refusal r) {
            return r.response;
        }
    }

    /** The discovery document, in the shape of Cognito's (whose endpoints live on the pool's domain). */
    ObjectNode discovery() {
        String domain = domain();
        ObjectNode doc = json.createObjectNode();
        doc.put("authorization_endpoint", domain + "/oauth2/authorize");
        doc.put("end_session_endpoint", domain + "/logout");
        doc.putArray("id_token_signing_alg_values_supported").add("RS256");
        doc.put("issuer", issuer.issuerUrl());
        doc.put("jwks_uri", issuer.issuerUrl() + IssuerEndpoints.JWKS);
        doc.putArray("response_types_supported").add("code");
        doc.putArray("scopes_supported").add("openid").add("email").add("phone").add("profile");
        doc.putArray("subject_types_supported").add("public");
        doc.put("token_endpoint", domain + "/oauth2/token");
        doc.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post");
        doc.putArray("code_challenge_methods_supported").add("S256");
        doc.putArray("grant_types_supported").add("authorization_code");
        return doc;
    }

    /** Signs a user in without the browser round trip (the same checks and trigger as the login page). */
    Tokens signIn(String clientId, String username, String sellerId, List<String> groups) {
        LocalUserPool.Client client = pool.client(clientId);
        if (client == null) {
            throw new IllegalArgumentException("no client " + clientId + " in user pool " + pool.poolId());
        }
        SignedIn user;
        try {
            user = authenticate(username, sellerId, groups, client, client.scopes());
        } catch (Refusal r) {
            throw new IllegalStateException(new String(r.response.body(), StandardCharsets.UTF_8));
        }
        return mint(client, user, null);
    }

    // ------------------------------------------------------------------ authorization request and login

    private GatewayResponse authorize(String rawQuery) {
        validate(params(rawQuery));
        return redirect(issuerBase() + LOGIN + "?" + (rawQuery == null ? "" : rawQuery));
    }

    /** Checks an authorization request as Cognito does; refuses with an error page or an error redirect. */
    private AuthRequest validate(Map<String, List<String>> p) {
        LocalUserPool.Client client = pool.client(one(p, "client_id"));
        if (client == null) {
            throw new Refusal(errorPage(400, "invalid_request", "client_id is missing or names no client of user pool "
                    + pool.poolId() + "."));
        }
        String redirectUri = one(p, "redirect_uri");
        if (redirectUri == null || !client.callbackUrls().contains(redirectUri)) {
            throw new Refusal(errorPage(400, "redirect_mismatch", "redirect_uri is not one of the client's callback URLs "
                    + client.callbackUrls() + "."));
        }
        String state = one(p, "state");
        if (!"code".equals(one(p, "response_type"))) {
            throw new Refusal(errorRedirect(redirectUri, state, "unsupported_response_type",
                    "response_type must be code (authorization code with PKCE)"));
        }
        String scope = one(p, "scope");
        List<String> scopes = scope == null || scope.isBlank() ? client.scopes() : List.of(scope.trim().split("\\s+"));
        if (!client.scopes().containsAll(scopes)) {
            throw new Refusal(errorRedirect(redirectUri, state, "invalid_scope",
                    "the client may ask for " + client.scopes() + " only"));
        }
        String challenge = one(p, "code_challenge");
        if (challenge == null || !"S256".equals(one(p, "code_challenge_method")) || !S256_CHALLENGE.matcher(challenge).matches()) {
            throw new Refusal(errorRedirect(redirectUri, state, "invalid_request",
                    "PKCE is required: code_challenge (base64url SHA-256 of the verifier) with code_challenge_method=S256"));
        }
        return new AuthRequest(client, redirectUri, state, List.copyOf(scopes), challenge, one(p, "nonce"));
    }

    private GatewayResponse login(Map<String, List<String>> form) {
        AuthRequest request = validate(form);
        String username = trimmed(one(form, "username"));
        String seller = trimmed(one(form, "seller_id"));
        List<String> groups = form.getOrDefault("group", List.of());
        SignedIn user;
        try {
            user = authenticate(username, seller, groups, request.client(), request.scopes());
        } catch (Refusal r) {
            return loginPage(request, new String(r.response.body(), StandardCharsets.UTF_8), 400);
        }
        String code = randomToken();
        codes.put(code, new Pending(request.client().clientId(), request.redirectUri(), request.challenge(),
                request.nonce(), user, clock.instant().plus(CODE_LIFETIME)));
        StringBuilder location = new StringBuilder(request.redirectUri())
                .append(request.redirectUri().contains("?") ? '&' : '?').append("code=").append(encode(code));
        if (request.state() != null) {
            location.append("&state=").append(encode(request.state()));
        }
        return redirect(location.toString());
    }

    /** Checks who the local user says they are and runs the pool's trigger; refuses with a plain-text reason. */
    private SignedIn authenticate(String username, String sellerId, List<String> groups, LocalUserPool.Client client,
                                  List<String> scopes) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw refusal("The agent id must be 1-128 letters, digits or . _ @ + -.");
        }
        if (sellerId != null && !SELLER_ID.matcher(sellerId).matches()) {
            throw refusal("The seller id must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        for (String g : groups) {
            if (!pool.groups().contains(g)) {
                throw refusal("There is no group " + g + " in this user pool (groups: " + pool.groups() + ").");
            }
        }
        Instant now = clock.instant();
        SignedIn user = new SignedIn(username, sellerId, List.copyOf(new LinkedHashSet<>(groups)), scopes,
                Map.of(), Set.of(), Map.of(), Set.of(), now);
        return pool.preTokenGeneration() == null ? user : trigger(user, client);
    }

    /** Runs the pre-token-generation trigger with Cognito's event and applies its answer. */
    @SuppressWarnings("unchecked")
    private SignedIn trigger(SignedIn user, LocalUserPool.Client client) {
        boolean v1 = "V1_0".equals(pool.preTokenGenerationVersion());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("sub", user.username());
        attributes.put("cognito:user_status", "CONFIRMED");
        if (user.sellerId() != null) {
            attributes.put("custom:seller_id", user.sellerId());
        }
        Map<String, Object> groupConfiguration = new LinkedHashMap<>();
        groupConfiguration.put("groupsToOverride", user.groups());
        groupConfiguration.put("iamRolesToOverride", List.of());
        groupConfiguration.put("preferredRole", null);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", attributes);
        request.put("groupConfiguration", groupConfiguration);
        if (!v1) {
            request.put("scopes", user.scopes());
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", v1 ? "1" : "2");
        event.put("triggerSource", "TokenGeneration_HostedAuth");
        event.put("region", pool.region());
        event.put("userPoolId", pool.poolId());
        event.put("userName", user.username());
        event.put("callerContext", Map.of("awsSdkVersion", "aws-sdk-unknown-unknown", "clientId", client.clientId()));
        event.put("request", request);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(v1 ? "claimsOverrideDetails" : "claimsAndScopeOverrideDetails", null);
        event.put("response", response);
        String answer;
        try {
            answer = pool.preTokenGeneration().apply(json.writeValueAsString(event));
        } catch (RuntimeException | JsonProcessingException e) {
            throw refusal("PreTokenGeneration failed with error " + rootMessage(e) + ".");
        }
        JsonNode answered;
        try {
            answered = json.readTree(answer == null ? "null" : answer).path("response");
        } catch (JsonProcessingException e) {
            throw refusal("PreTokenGeneration failed with error: the trigger's answer is not JSON.");
        }
        JsonNode details = answered.path(v1 ? "claimsOverrideDetails" : "claimsAndScopeOverrideDetails");
        JsonNode id = v1 ? details : details.path("idTokenGeneration");
        JsonNode access = details.path("accessTokenGeneration");
        List<String> groups = user.groups();
        JsonNode override = details.path("groupOverrideDetails").path("groupsToOverride");
        if (override.isArray()) {
            groups = json.convertValue(override, new TypeReference<List<String>>() { });
        }
        List<String> scopes = new ArrayList<>(user.scopes());
        if (!v1) {
            access.path("scopesToSuppress").forEach(s -> scopes.remove(s.asText()));
            access.path("scopesToAdd").forEach(s -> {
                if (!scopes.contains(s.asText())) {
                    scopes.add(s.asText());
                }
            });
        }
        return new SignedIn(user.username(), user.sellerId(), List.copyOf(groups), List.copyOf(scopes),
                v1 ? Map.of() : claims(access.path("claimsToAddOrOverride")), v1 ? Set.of() : suppressed(access),
                claims(id.path("claimsToAddOrOverride")), suppressed(id), user.authTime());
    }

    private Map<String, Object> claims(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        Map<String, Object> claims = json.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() { });
        for (String name : claims.keySet()) {
            if (RESERVED.contains(name)) {
                throw refusal("PreTokenGeneration failed with error: the trigger may not set the claim " + name + ".");
            }
        }
        return claims;
    }

    private Set<String> suppressed(JsonNode generation) {
        Set<String> names = new LinkedHashSet<>();
        generation.path("claimsToSuppress").forEach(n -> names.add(n.asText()));
        for (String name : names) {
            if (RESERVED.contains(name)) {
                throw refusal("PreTokenGeneration failed with error: the trigger may not suppress the claim " + name + ".");
            }
        }
        return names;
    }

    // ------------------------------------------------------------------ token endpoint

    private GatewayResponse token(Map<String, List<String>> form) {
        if (!"authorization_code".equals(one(form, "grant_type"))) {
            return oauthError("unsupported_grant_type", "grant_type must be authorization_code");
        }
        LocalUserPool.Client client = pool.client(one(form, "client_id"));
        if (client == null) {
            return oauthError("invalid_client", "client_id names no client of this user pool");
        }
        String code = one(form, "code");
        if (code == null) {
            return oauthError("invalid_request", "code is required");
        }
        // one use only, whatever the outcome: a second exchange of the same code always fails
        Pending pending = codes.remove(code);
        if (pending == null) {
            return oauthError("invalid_grant", "the code is unknown or was used already");
        }
        if (!clock.instant().isBefore(pending.expires())) {
            return oauthError("invalid_grant", "the code has expired");
        }
        if (!pending.clientId().equals(client.clientId()) || !pending.redirectUri().equals(one(form, "redirect_uri"))) {
            return oauthError("invalid_grant", "client_id and redirect_uri must be those of the authorization request");
        }
        String verifier = one(form, "code_verifier");
        if (verifier == null || !VERIFIER.matcher(verifier).matches() || !s256(verifier).equals(pending.challenge())) {
            return oauthError("invalid_grant", "the code_verifier does not match the code_challenge");
        }
        Tokens tokens = mint(client, pending.user(), pending.nonce());
        ObjectNode body = json.createObjectNode();
        body.put("id_token", tokens.idToken());
        body.put("access_token", tokens.accessToken());
        body.put("expires_in", tokens.expiresIn());
        body.put("token_type", "Bearer");
        return GatewayResponse.json(200, "application/json", write(body)).withHeader("cache-control", "no-store")
                .withHeader("pragma", "no-cache");
    }

    /** Cognito's access and ID tokens for a signed-in user. */
    private Tokens mint(LocalUserPool.Client client, SignedIn user, String nonce) {
        Instant now = clock.instant();
        Date issued = Date.from(now);
        Date expires = Date.from(now.plus(client.tokenLifetime()));
        String originJti = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        long authTime = user.authTime().getEpochSecond();

        JWTClaimsSet.Builder access = new JWTClaimsSet.Builder().subject(user.username());
        if (!user.groups().isEmpty()) {
            access.claim("cognito:groups", user.groups());
        }
        access.issuer(issuer.issuerUrl()).claim("version", 2).claim("client_id", client.clientId())
                .claim("origin_jti", originJti).claim("event_id", eventId).claim("token_use", "access")
                .claim("scope", String.join(" ", user.scopes())).claim("auth_time", authTime)
                .expirationTime(expires).issueTime(issued).jwtID(UUID.randomUUID().toString())
                .claim("username", user.username());
        user.accessClaims().forEach(access::claim);
        user.accessSuppressed().forEach(name -> access.claim(name, null));

        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder().subject(user.username());
        if (!user.groups().isEmpty()) {
            id.claim("cognito:groups", user.groups());
        }
        id.issuer(issuer.issuerUrl()).claim("cognito:username", user.username()).claim("origin_jti", originJti)
                .audience(client.clientId()).claim("event_id", eventId).claim("token_use", "id")
                .claim("auth_time", authTime).expirationTime(expires).issueTime(issued)
                .jwtID(UUID.randomUUID().toString());
        if (user.sellerId() != null) {
            id.claim("custom:seller_id", user.sellerId());
        }
        if (nonce != null) {
            id.claim("nonce", nonce);
        }
        user.idClaims().forEach(id::claim);
        user.idSuppressed().forEach(name -> id.claim(name, null));
        return new Tokens(issuer.sign(access.build()), issuer.sign(id.build()), client.tokenLifetime().getSeconds());
    }

    private GatewayResponse logout(Map<String, List<String>> p) {
        LocalUserPool.Client client = pool.client(one(p, "client_id"));
        String logoutUri = one(p, "logout_uri");
        if (client == null || logoutUri == null || !client.logoutUrls().contains(logoutUri)) {
            return errorPage(400, "invalid_request", "client_id and a logout_uri registered for it are required.");
        }
        return redirect(logoutUri);
    }

    // ------------------------------------------------------------------ pages and answers

    private GatewayResponse loginPage(AuthRequest request, String error, int status) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Sign in - Deskbridge (local)</title></head><body>"
                + "<main style=\"font-family:sans-serif;max-width:28rem;margin:3rem auto\">"
                + "<h1>Sign in</h1><p>Local user pool <code>").append(escape(pool.poolId()))
                .append("</code>. No password here: say who you are.</p>");
        if (error != null) {
            html.append("<p role=\"alert\" id=\"error\" style=\"color:#a00\">").append(escape(error)).append("</p>");
        }
        html.append("<form method=\"post\" action=\"").append(LOGIN).append("\">");
        hidden(html, "response_type", "code");
        hidden(html, "client_id", request.client().clientId());
        hidden(html, "redirect_uri", request.redirectUri());
        hidden(html, "state", request.state());
        hidden(html, "scope", String.join(" ", request.scopes()));
        hidden(html, "code_challenge", request.challenge());
        hidden(html, "code_challenge_method", "S256");
        hidden(html, "nonce", request.nonce());
        html.append("<p><label>Agent id <input name=\"username\" id=\"username\" required autocomplete=\"username\">"
                + "</label></p><p><label>Seller id <input name=\"seller_id\" id=\"seller_id\"></label></p><fieldset>"
                + "<legend>Groups</legend>");
        for (String g : pool.groups()) {
            html.append("<label><input type=\"checkbox\" name=\"group\" value=\"").append(escape(g)).append('"')
                    .append(g.equals("agent") ? " checked" : "").append("> ").append(escape(g)).append("</label> ");
        }
        html.append("</fieldset><p><button type=\"submit\" id=\"sign-in\">Sign in</button></p></form></main></body></html>");
        return GatewayResponse.json(status, "text/html; charset=utf-8", html.toString())
                .withHeader("cache-control", "no-store");
    }

    private static void hidden(StringBuilder html, String name, String value) {
        if (value != null) {
            html.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(value))
                    .append("\">");
        }
    }

    private static GatewayResponse errorPage(int status, String error, String description) {
        return GatewayResponse.json(status, "text/html; charset=utf-8", "<!doctype html><html lang=\"en\"><head>"
                + "<meta charset=\"utf-8\"><title>Sign-in error</title></head><body><h1>An error was encountered with the"
                + " requested page.</h1><p id=\"error\">" + escape(error) + ": " + escape(description) + "</p></body></html>");
    }

    private static GatewayResponse errorRedirect(String redirectUri, String state, String error, String description) {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?')
                .append("error=").append(encode(error)).append("&error_description=").append(encode(description));
        if (state != null) {
            location.append("&state=").append(encode(state));
        }
        return redirect(location.toString());
    }

    private GatewayResponse oauthError(String error, String description) {
        ObjectNode body = json.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        return GatewayResponse.json(400, "application/json", write(body)).withHeader("cache-control", "no-store");
    }

    private static GatewayResponse redirect(String location) {
        return GatewayResponse.empty(302).withHeader("location", location).withHeader("cache-control", "no-store");
    }

    private static GatewayResponse methodNotAllowed(String allowed) {
        return GatewayResponse.message(405, "Method Not Allowed").withHeader("allow", allowed);
    }

    private static Refusal refusal(String reason) {
        return new Refusal(GatewayResponse.json(400, "text/plain; charset=utf-8", reason));
    }

    // ------------------------------------------------------------------ helpers

    /** The pool's "domain": where its managed-login endpoints live locally. */
    private String domain() {
        return issuerBase() + LocalJwtIssuer.PATH;
    }

    private String issuerBase() {
        String url = issuer.issuerUrl();
        return url.substring(0, url.length() - issuer.issuerPath().length());
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Form or query parameters, each name with its values in order. */
    static Map<String, List<String>> params(String encoded) {
        return RequestMapper.parameters(encoded);
    }

    /** The parameter's value; null when absent or empty. */
    private static String one(Map<String, List<String>> p, String name) {
        List<String> values = p.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
