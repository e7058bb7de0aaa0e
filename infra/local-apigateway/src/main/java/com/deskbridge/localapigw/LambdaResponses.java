package com.deskbridge.localapigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** Turns a handler's payload 2.0 response into the HTTP response API Gateway would send. */
final class LambdaResponses {

    /** Framing headers the HTTP server computes itself. */
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection");

    private static final System.Logger LOG = System.getLogger(LambdaResponses.class.getName());
    private static final AtomicBoolean WARNED_MULTI_VALUE = new AtomicBoolean();

    private LambdaResponses() {
    }

    static GatewayResponse toGatewayResponse(APIGatewayV2HTTPResponse r) {
        if (r == null || r.getStatusCode() < 100 || r.getStatusCode() > 599) {
            throw new IllegalStateException("handler returned no valid statusCode");
        }
        List<GatewayResponse.Header> headers = new ArrayList<>();
        if (r.getHeaders() != null) {
            r.getHeaders().forEach((name, value) -> add(headers, name, value));
        }
        if (r.getMultiValueHeaders() != null && !r.getMultiValueHeaders().isEmpty()) {
            if (WARNED_MULTI_VALUE.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "A handler returned multiValueHeaders; the emulator sends them,"
                        + " but API Gateway's payload format 2.0 documents only 'headers' (comma-join repeated values)"
                        + " and 'cookies'.");
            }
            r.getMultiValueHeaders().forEach((name, values) -> {
                if (values != null) {
                    values.forEach(v -> add(headers, name, v));
                }
            });
        }
        if (r.getCookies() != null) {
            r.getCookies().forEach(c -> add(headers, "set-cookie", c));
        }
        byte[] body;
        if (r.getBody() == null) {
            body = new byte[0];
        } else if (r.getIsBase64Encoded()) {
            body = Base64.getDecoder().decode(r.getBody());
        } else {
            body = r.getBody().getBytes(StandardCharsets.UTF_8);
        }
        return new GatewayResponse(r.getStatusCode(), headers, body);
    }

    private static void add(List<GatewayResponse.Header> headers, String name, String value) {
        if (name == null || value == null || FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
            return;
        }
        headers.add(new GatewayResponse.Header(name, value));
    }
}
