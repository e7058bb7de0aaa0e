package com.deskbridge.localapigw;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** An HTTP response about to be written by the emulator: status, ordered (possibly repeated) headers and body. */
record GatewayResponse(int status, List<Header> headers, byte[] body) {

    /** One response header line. */
    record Header(String name, String value) {
    }

    GatewayResponse {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    static GatewayResponse json(int status, String contentType, String json) {
        return new GatewayResponse(status, List.of(new Header("content-type", contentType)),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** API Gateway's own error responses: {@code {"message":"..."}}. */
    static GatewayResponse message(int status, String message) {
        return json(status, "application/json", "{\"message\":\"" + message + "\"}");
    }

    static GatewayResponse empty(int status) {
        return new GatewayResponse(status, List.of(), new byte[0]);
    }

    GatewayResponse withHeader(String name, String value) {
        List<Header> copy = new ArrayList<>(headers);
        copy.add(new Header(name, value));
        return new GatewayResponse(status, copy, body);
    }

    GatewayResponse withoutHeaders(Predicate<String> lowerCaseName) {
        List<Header> copy = new ArrayList<>();
        for (Header h : headers) {
            if (!lowerCaseName.test(h.name().toLowerCase(Locale.ROOT))) {
                copy.add(h);
            }
        }
        return new GatewayResponse(status, copy, body);
    }
}
