package com.deskbridge.localapigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CorsTest {

    static final String APP = "http://localhost:5173";
    static final Http.Recorder tickets = new Http.Recorder("tickets");
    static HttpApiEmulator api;

    @BeforeAll
    static void start() {
        api = HttpApiEmulator.builder()
                .jwtAuthorizer(List.of("deskbridge-helpdesk"))
                .cors(new CorsConfig(List.of(APP), List.of("authorization", "content-type"),
                        List.of("GET", "POST"), List.of("x-request-id"), 600, true))
                .route("ANY", "/tickets", tickets)
                .route("GET", "/sneaky", e -> APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                        .withHeaders(Map.of("Access-Control-Allow-Origin", "*", "x-kept", "yes")).build(),
                        RouteAuth.none())
                .build().start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static HttpResponse<String> preflight(String origin) {
        return Http.send(Http.request(api, "/tickets").header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void preflightIsAnsweredByTheGatewayWithoutAuthOrHandler() {
        int before = tickets.calls.get();
        HttpResponse<String> r = preflight(APP);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue(APP);
        assertThat(r.headers().firstValue("access-control-allow-methods")).hasValue("GET,POST");
        assertThat(r.headers().firstValue("access-control-allow-headers")).hasValue("authorization,content-type");
        assertThat(r.headers().firstValue("access-control-max-age")).hasValue("600");
        assertThat(r.headers().firstValue("access-control-allow-credentials")).hasValue("true");
        assertThat(tickets.calls.get()).isEqualTo(before);
    }

    @Test
    void preflightFromDisallowedOriginGetsNoCorsHeaders() {
        HttpResponse<String> r = preflight("https://evil.example");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void actualResponseFromAllowedOriginCarriesCorsHeaders() {
        String token = api.issuer().mint("agent-1", Map.of(), java.time.Duration.ofMinutes(5));
        HttpResponse<String> r = Http.send(Http.request(api, "/tickets").header("Origin", APP)
                .header("Authorization", "Bearer " + token).GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue(APP);
        assertThat(r.headers().firstValue("access-control-expose-headers")).hasValue("x-request-id");
        assertThat(r.headers().firstValue("access-control-allow-credentials")).hasValue("true");
        assertThat(r.headers().firstValue("access-control-allow-methods")).isEmpty();
    }

    @Test
    void disallowedOriginGetsNoCorsHeadersAndHandlerCorsHeadersAreIgnored() {
        HttpResponse<String> r = Http.send(Http.request(api, "/sneaky").header("Origin", "https://evil.example")
                .GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-kept")).hasValue("yes");
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));

        HttpResponse<String> allowed = Http.send(Http.request(api, "/sneaky").header("Origin", APP).GET().build());
        assertThat(allowed.headers().allValues("access-control-allow-origin")).containsExactly(APP);
    }

    @Test
    void gatewayErrorsForAllowedOriginsAlsoCarryCorsHeaders() {
        HttpResponse<String> r = Http.send(Http.request(api, "/tickets").header("Origin", APP).GET().build());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue(APP);
    }

    @Test
    void optionsWithoutCorsConfigurationIsRoutedLikeAnyRequest() {
        Http.Recorder any = new Http.Recorder("any");
        try (HttpApiEmulator plain = HttpApiEmulator.builder().route("ANY", "/x", any).build().start()) {
            HttpResponse<String> r = Http.send(Http.request(plain, "/x").header("Origin", APP)
                    .header("Access-Control-Request-Method", "GET")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(any.event().getRequestContext().getHttp().getMethod()).isEqualTo("OPTIONS");
        }
    }

    @Test
    void wildcardOriginIsAnsweredWithStarAndCannotAllowCredentials() {
        assertThatThrownBy(() -> new CorsConfig(List.of("*"), null, null, null, null, true))
                .isInstanceOf(IllegalArgumentException.class);
        Http.Recorder any = new Http.Recorder("any");
        try (HttpApiEmulator star = HttpApiEmulator.builder()
                .cors(new CorsConfig(List.of("*"), null, List.of("*"), null, null, false))
                .route("GET", "/x", any).build().start()) {
            HttpResponse<String> r = Http.send(Http.request(star, "/x").header("Origin", "https://any.example")
                    .GET().build());
            assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue("*");
            assertThat(r.headers().firstValue("access-control-allow-credentials")).isEmpty();
        }
    }
}
