package com.deskbridge.localapigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Test helpers: a real HTTP client and recording handlers. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    static HttpRequest.Builder request(HttpApiEmulator api, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(HttpApiEmulator api, String pathAndQuery) {
        return send(request(api, pathAndQuery).GET().build());
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static APIGatewayV2HTTPResponse ok(String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("content-type", "text/plain")).withBody(body).build();
    }

    /** A handler that remembers the last event it received and counts its calls. */
    static final class Recorder implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        final AtomicReference<APIGatewayV2HTTPEvent> last = new AtomicReference<>();
        final AtomicInteger calls = new AtomicInteger();
        private final String name;

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
            last.set(event);
            calls.incrementAndGet();
            return ok(name);
        }

        APIGatewayV2HTTPEvent event() {
            return last.get();
        }
    }
}
