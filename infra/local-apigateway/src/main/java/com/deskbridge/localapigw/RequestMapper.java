package com.deskbridge.localapigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT;
import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Builds the payload format 2.0 event API Gateway sends to a Lambda integration. */
final class RequestMapper {

    private final String apiId;
    private final String accountId;
    private final Map<String, String> stageVariables;

    RequestMapper(String apiId, String accountId, Map<String, String> stageVariables) {
        this.apiId = apiId;
        this.accountId = accountId;
        this.stageVariables = stageVariables.isEmpty() ? null : Map.copyOf(stageVariables);
    }

    /** The incoming request, already read, independent of the HTTP server. */
    record Incoming(String method, String rawPath, String rawQuery, String protocol, String sourceIp, int localPort,
                    Map<String, List<String>> headers, byte[] body, String requestId, Instant received) {

        static Incoming of(HttpExchange ex, byte[] body, String requestId, Instant received) {
            String rawQuery = ex.getRequestURI().getRawQuery();
            return new Incoming(ex.getRequestMethod().toUpperCase(Locale.ROOT), ex.getRequestURI().getRawPath(),
                    rawQuery == null ? "" : rawQuery, ex.getProtocol(),
                    ex.getRemoteAddress().getAddress().getHostAddress(), ex.getLocalAddress().getPort(),
                    ex.getRequestHeaders(), body, requestId, received);
        }

        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    APIGatewayV2HTTPEvent toEvent(Incoming in, RouteTable.Match match, JWT jwt) {
        Map<String, String> headers = new TreeMap<>();
        List<String> cookies = new ArrayList<>();
        in.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> splitCookies(v, cookies));
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        headers.merge("x-forwarded-for", in.sourceIp(), (existing, ip) -> existing + ", " + ip);
        headers.putIfAbsent("x-forwarded-port", String.valueOf(in.localPort()));
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-amzn-trace-id", GatewayIds.traceId(in.received()));

        boolean hasBody = in.body().length > 0;
        boolean text = isText(headers.get("content-type"));
        String body = !hasBody ? null
                : text ? new String(in.body(), StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(in.body());

        String host = headers.getOrDefault("host", "localhost");
        String domainName = stripPort(host);
        RequestContext context = RequestContext.builder()
                .withAccountId(accountId)
                .withApiId(apiId)
                .withDomainName(domainName)
                .withDomainPrefix(domainName.split("\\.", 2)[0])
                .withHttp(RequestContext.Http.builder()
                        .withMethod(in.method())
                        .withPath(in.rawPath())
                        .withProtocol(in.protocol())
                        .withSourceIp(in.sourceIp())
                        .withUserAgent(headers.getOrDefault("user-agent", ""))
                        .build())
                .withRequestId(in.requestId())
                .withRouteKey(match.route().routeKey())
                .withStage("$default")
                .withTime(GatewayIds.TIME.format(in.received()))
                .withTimeEpoch(in.received().toEpochMilli())
                .withAuthorizer(jwt == null ? null : Authorizer.builder().withJwt(jwt).build())
                .build();

        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().routeKey())
                .withRawPath(in.rawPath())
                .withRawQueryString(in.rawQuery())
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(new LinkedHashMap<>(headers))
                .withQueryStringParameters(queryParameters(in.rawQuery()))
                .withPathParameters(match.pathParameters().isEmpty() ? null : new LinkedHashMap<>(match.pathParameters()))
                .withStageVariables(stageVariables)
                .withBody(body)
                .withIsBase64Encoded(hasBody && !text)
                .withRequestContext(context)
                .build();
    }

    /**
     * API Gateway HTTP APIs pass {@code text/*}, {@code application/json}, {@code application/xml} and
     * {@code application/javascript} bodies as text; everything else, including a missing content type, is
     * base64-encoded.
     */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.equals("application/xml")
                || type.equals("application/javascript");
    }

    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        parameters(rawQuery).forEach((key, values) -> params.put(key, String.join(",", values)));
        return params.isEmpty() ? null : params;
    }

    /** URL-encoded parameters (a query string or a form body), each name with its values in order. */
    static Map<String, List<String>> parameters(String encoded) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    private static void splitCookies(String header, List<String> cookies) {
        for (String c : header.split(";")) {
            String trimmed = c.trim();
            if (!trimmed.isEmpty()) {
                cookies.add(trimmed);
            }
        }
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }
}
