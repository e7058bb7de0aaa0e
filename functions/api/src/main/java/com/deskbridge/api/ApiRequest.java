package com.deskbridge.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.deskbridge.adapters.json.StrictJson;
import com.deskbridge.domain.ticket.AgentText;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One HTTP API request as the handler needs it: who is calling (from the verified token's claims only), path and
 * query parameters, headers, and a JSON body checked for size, syntax and unknown members before any route sees it.
 */
final class ApiRequest {
    /** The access-token claim that names the seller account the agent works for. */
    static final String SELLER_CLAIM = "seller_id";
    /** Largest JSON body accepted (replies are at most 20,000 characters; policies are small). */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final java.util.regex.Pattern SELLER_SHAPE = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");
    private static final java.util.regex.Pattern AGENT_SHAPE = java.util.regex.Pattern.compile("[A-Za-z0-9@._:+-]{1,128}");
    private static final Set<String> ROLES = Set.of("agent", "lead", "operator");
    /** Cognito's groups claim: the template's user pool puts the user's groups (agent, lead, operator) there. */
    static final String GROUPS_CLAIM = "cognito:groups";
    /** An own issuer's roles claim (template parameter SignIn=OwnIssuer). */
    static final String ROLES_CLAIM = "roles";

    private final APIGatewayV2HTTPEvent event;

    ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    String routeKey() {
        return String.valueOf(event.getRouteKey());
    }

    String path() {
        return event.getRawPath();
    }

    private Map<String, String> claims() {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .orElse(Map.of());
    }

    /**
     * The seller: the token's {@value #SELLER_CLAIM} claim, a string of 1 to 64 letters, digits, '.', '_' or '-'
     * starting with a letter. API Gateway hands every claim over as text (numbers as their digits, booleans as
     * {@code true}/{@code false}, lists as {@code [a b]}), so this shape is what keeps a numeric, boolean or list claim
     * from naming a tenant.
     */
    SellerId seller() {
        requireAccessToken();
        String seller = claims().get(SELLER_CLAIM);
        if (seller == null) {
            throw new ApiProblem("no-seller", "Token names no seller", 403, "the access token has no " + SELLER_CLAIM + " claim");
        }
        if (!SELLER_SHAPE.matcher(seller).matches() || seller.equals("true") || seller.equals("false")) {
            throw new ApiProblem("no-seller", "Token names no seller", 403, "the access token's " + SELLER_CLAIM
                    + " claim is not a seller id (a string of letters, digits, '.', '_' or '-' starting with a letter)");
        }
        return new SellerId(seller);
    }

    /** The agent acting: the token's subject (null when the token has none). */
    String agent() {
        return claims().get("sub");
    }

    /** The agent acting, required for every write: a token without a usable {@code sub} may only read. */
    String requireAgent() {
        String sub = agent();
        if (sub == null || !AGENT_SHAPE.matcher(sub).matches()) {
            throw new ApiProblem("no-agent", "Token names no agent", 403,
                    "the access token's sub claim must name the agent (letters, digits, @ . _ : + -, at most 128) for any change");
        }
        return sub;
    }

    /**
     * Only access tokens: an ID token of the console's client passes API Gateway's JWT authorizer too (its {@code aud}
     * is the client id), and Cognito marks the two by {@code token_use}
     * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html).
     * A token without the claim (an own issuer's) is taken as an access token.
     */
    private void requireAccessToken() {
        String use = claims().get("token_use");
        if (use != null && !use.equals("access")) {
            throw new ApiProblem("not-an-access-token", "Not an access token", 403,
                    "the token's token_use is not access: send the access token, not the ID token");
        }
    }

    /**
     * Roles from the token's {@value #GROUPS_CLAIM} claim (the template's Cognito user pool) or, from an own issuer, its
     * {@value #ROLES_CLAIM} claim: a JSON array of exact role names ({@code agent}, {@code lead}, {@code operator}),
     * which API Gateway renders as {@code [agent lead]}. Anything else (a string such as {@code agent,lead}, a name
     * with a space such as {@code "lead "}, a nested array, both claims at once) is refused rather than guessed at.
     */
    Set<String> roles() {
        Map<String, String> claims = claims();
        if (claims.containsKey(GROUPS_CLAIM) && claims.containsKey(ROLES_CLAIM)) {
            throw invalidRoles();
        }
        String raw = claims.containsKey(GROUPS_CLAIM) ? claims.get(GROUPS_CLAIM) : claims.get(ROLES_CLAIM);
        if (raw == null || raw.equals("[]")) {
            return Set.of();
        }
        if (!raw.startsWith("[") || !raw.endsWith("]")) {
            throw invalidRoles();
        }
        Set<String> roles = new java.util.HashSet<>();
        for (String role : raw.substring(1, raw.length() - 1).split(" ", -1)) {
            if (!ROLES.contains(role) || !roles.add(role)) {
                throw invalidRoles();
            }
        }
        return Set.copyOf(roles);
    }

    private static ApiProblem invalidRoles() {
        return new ApiProblem("invalid-roles", "Token's roles are not understood", 403,
                "the access token's cognito:groups (or roles) claim must be one JSON array of the role names agent, lead and operator");
    }

    void requireLead(String what) {
        if (!roles().contains("lead")) {
            throw ApiProblem.forbidden("only a lead may " + what);
        }
    }

    TicketId ticketId() {
        return TicketId.parse(pathParameter("id"));
    }

    String pathParameter(String name) {
        return event.getPathParameters() == null ? null : event.getPathParameters().get(name);
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(q -> q.get(name)).filter(v -> !v.isBlank());
    }

    /** An intent filter: one of the classifier's intent names (case-insensitive), else a 400 naming the parameter. */
    Optional<String> intentQuery(String name) {
        return query(name).map(raw -> {
            String upper = raw.trim().toUpperCase(java.util.Locale.ROOT);
            for (com.deskbridge.intent.Intent intent : com.deskbridge.intent.Intent.values()) {
                if (intent.name().equals(upper)) {
                    return intent.name();
                }
            }
            throw new InvalidInputException(name, "must be one of " + java.util.Arrays.toString(
                    com.deskbridge.intent.Intent.values()).replaceAll("[\\[\\]]", "") + " (was '" + raw + "')");
        });
    }

    Optional<Instant> instantQuery(String name) {
        return query(name).map(raw -> {
            try {
                return Instant.parse(raw.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(name, "must be an ISO-8601 instant such as 2026-11-22T10:00:00Z (was '" + raw + "')");
            }
        });
    }

    Optional<String> header(String name) {
        if (event.getHeaders() == null) {
            return Optional.empty();
        }
        return event.getHeaders().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).filter(v -> v != null && !v.isBlank()).findFirst();
    }

    /** The raw body text (base64 decoded where API Gateway encoded it), null when there is none. */
    String rawBody() {
        String body = event.getBody();
        if (body == null) {
            return null;
        }
        if (event.getIsBase64Encoded()) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ApiProblem("malformed-body", "Malformed request body", 400, "the body is not valid base64");
            }
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new ApiProblem("body-too-large", "Request body too large", 413,
                    "the body must be at most " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    /**
     * The body as a JSON object with only {@code allowed} members.
     *
     * @throws ApiProblem 400 for a missing, malformed or non-object body, or an unknown member (named as the field)
     */
    JsonNode jsonObject(Set<String> allowed) {
        String body = rawBody();
        if (body == null || body.isBlank()) {
            throw new ApiProblem("malformed-body", "Malformed request body", 400, "a JSON object body is required");
        }
        JsonNode node;
        try {
            node = StrictJson.read(body);
        } catch (StrictJson.Refused e) {
            throw new ApiProblem("malformed-body", "Malformed request body", 400, "the body " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ApiProblem("malformed-body", "Malformed request body", 400, "the body must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInputException(name, "is not a member of this request (allowed: " + String.join(", ", allowed) + ")");
            }
        }
        return node;
    }

    /**
     * The elements of the array member {@code name} (none when it is absent or not an array: the body's reader names
     * that), each an object with only {@code allowed} members.
     *
     * @throws InvalidInputException naming the element ({@code lines[0]}) or the unknown member ({@code lines[0].x})
     */
    static java.util.List<JsonNode> elements(JsonNode node, String name, String at, Set<String> allowed) {
        JsonNode array = node.path(name);
        if (!array.isArray()) {
            return java.util.List.of();
        }
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            String where = at + "[" + i + "]";
            if (!element.isObject()) {
                throw new InvalidInputException(where, "must be an object");
            }
            for (Iterator<String> names = element.fieldNames(); names.hasNext(); ) {
                String member = names.next();
                if (!allowed.contains(member)) {
                    throw new InvalidInputException(where + "." + member, "is not a member of this request (allowed: "
                            + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
                }
            }
            out.add(element);
        }
        return out;
    }

    static String text(JsonNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        String text = value.textValue();
        return AgentText.check(text, field, true);
    }

    static Set<String> strings(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Set.of();
        }
        if (!value.isArray()) {
            throw new InvalidInputException(field, "must be an array of strings");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new InvalidInputException(field, "must be an array of strings");
            }
            out.add(AgentText.check(item.textValue(), field, false));
        }
        return out;
    }
}
