package com.deskbridge.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

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

    SellerId seller() {
        String seller = claims().get(SELLER_CLAIM);
        if (seller == null) {
            throw new ApiProblem("no-seller", "Token names no seller", 403, "the access token has no " + SELLER_CLAIM + " claim");
        }
        try {
            return new SellerId(seller);
        } catch (InvalidInputException e) {
            throw new ApiProblem("no-seller", "Token names no seller", 403,
                    "the access token's " + SELLER_CLAIM + " claim is not a seller id");
        }
    }

    /** The agent acting: the token's subject (null when the token has none). */
    String agent() {
        return claims().get("sub");
    }

    /** Roles from the token's {@code roles} claim, as API Gateway renders a list claim: {@code [agent lead]}. */
    Set<String> roles() {
        String raw = claims().getOrDefault("roles", "");
        return Set.of(raw.replace("[", " ").replace("]", " ").replace(",", " ").trim().split("\\s+"));
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
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ApiProblem("malformed-body", "Malformed request body", 400,
                    "the body is not valid JSON or nests too deeply" + where);
        } catch (RuntimeException e) {
            throw new ApiProblem("malformed-body", "Malformed request body", 400, "the body is not valid JSON");
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
        if (!validText(text)) {
            throw new InvalidInputException(field, "contains control characters or broken Unicode (unpaired surrogates)");
        }
        return text;
    }

    /** Text a person could have typed: no C0 controls other than tab and line breaks, no unpaired surrogates. */
    static boolean validText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
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
            if (!validText(item.textValue())) {
                throw new InvalidInputException(field, "contains control characters or broken Unicode (unpaired surrogates)");
            }
            out.add(item.textValue());
        }
        return out;
    }
}
