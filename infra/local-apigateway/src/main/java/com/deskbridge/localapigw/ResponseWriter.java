package com.deskbridge.localapigw;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a {@link GatewayResponse} to the JDK HTTP server exchange. */
final class ResponseWriter {

    private ResponseWriter() {
    }

    static void write(HttpExchange ex, String requestMethod, GatewayResponse response) throws IOException {
        response.headers().forEach(h -> ex.getResponseHeaders().add(h.name(), h.value()));
        int status = response.status();
        boolean noBody = "HEAD".equalsIgnoreCase(requestMethod) || status == 204 || status == 304
                || (status >= 100 && status < 200) || response.body().length == 0;
        if (noBody) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, response.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(response.body());
        }
    }
}
