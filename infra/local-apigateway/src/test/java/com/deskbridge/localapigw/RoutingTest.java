package com.deskbridge.localapigw;

import static com.deskbridge.localapigw.Http.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RoutingTest {

    static final Http.Recorder exact = new Http.Recorder("exact");
    static final Http.Recorder byId = new Http.Recorder("byId");
    static final Http.Recorder anyById = new Http.Recorder("anyById");
    static final Http.Recorder list = new Http.Recorder("list");
    static final Http.Recorder files = new Http.Recorder("files");
    static final Http.Recorder fallback = new Http.Recorder("fallback");
    static HttpApiEmulator api;

    @BeforeAll
    static void start() {
        api = HttpApiEmulator.builder()
                .route("GET", "/tickets/{id}", byId)
                .route("GET", "/tickets/open", exact)
                .route("ANY", "/tickets/{id}", anyById)
                .route("GET", "/tickets", list)
                .route("GET", "/files/{proxy+}", files)
                .route("GET", "/boom", e -> {
                    throw new IllegalStateException("handler failure");
                })
                .route("GET", "/no-status", e -> new APIGatewayV2HTTPResponse())
                .route("ANY", "$default", fallback)
                .build().start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void pathParameterIsExtractedAndDecoded() {
        HttpResponse<String> r = get(api, "/tickets/T%2042");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("byId");
        assertThat(byId.event().getPathParameters()).containsExactlyEntriesOf(java.util.Map.of("id", "T 42"));
        assertThat(byId.event().getRouteKey()).isEqualTo("GET /tickets/{id}");
        assertThat(byId.event().getRequestContext().getRouteKey()).isEqualTo("GET /tickets/{id}");
        assertThat(byId.event().getRawPath()).isEqualTo("/tickets/T%2042");
    }

    @Test
    void literalRouteBeatsPathVariableRegardlessOfRegistrationOrder() {
        assertThat(get(api, "/tickets/open").body()).isEqualTo("exact");
        assertThat(exact.event().getPathParameters()).isNull();
    }

    @Test
    void specificMethodBeatsAnyAndAnyCatchesOtherMethods() {
        assertThat(get(api, "/tickets/7").body()).isEqualTo("byId");
        HttpResponse<String> delete = Http.send(Http.request(api, "/tickets/7").DELETE().build());
        assertThat(delete.body()).isEqualTo("anyById");
        assertThat(anyById.event().getRouteKey()).isEqualTo("ANY /tickets/{id}");
        assertThat(anyById.event().getRequestContext().getHttp().getMethod()).isEqualTo("DELETE");
    }

    @Test
    void greedyVariableTakesTheRestOfThePath() {
        assertThat(get(api, "/files/a/b/c.txt").body()).isEqualTo("files");
        assertThat(files.event().getPathParameters()).containsEntry("proxy", "a/b/c.txt");
        assertThat(files.event().getRouteKey()).isEqualTo("GET /files/{proxy+}");
    }

    @Test
    void defaultRouteCatchesEverythingElse() {
        assertThat(get(api, "/files").body()).isEqualTo("fallback");
        HttpResponse<String> post = Http.send(Http.request(api, "/tickets").POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(post.body()).isEqualTo("fallback");
        assertThat(fallback.event().getRouteKey()).isEqualTo("$default");
        assertThat(fallback.event().getRequestContext().getRouteKey()).isEqualTo("$default");
    }

    @Test
    void unmatchedRequestIs404WithApiGatewayBody() {
        try (HttpApiEmulator bare = HttpApiEmulator.builder().route("GET", "/only", new Http.Recorder("only"))
                .build().start()) {
            HttpResponse<String> r = get(bare, "/missing");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).isEqualTo("{\"message\":\"Not Found\"}");
            assertThat(r.headers().firstValue("apigw-requestid")).isPresent();
            assertThat(Http.send(Http.request(bare, "/only").POST(HttpRequest.BodyPublishers.noBody()).build())
                    .statusCode()).isEqualTo(404);
        }
    }

    @Test
    void throwingHandlerGives500() {
        HttpResponse<String> r = get(api, "/boom");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
    }

    @Test
    void responseWithoutStatusCodeGives500() {
        HttpResponse<String> r = get(api, "/no-status");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void invalidRouteDefinitionsAreRejected() {
        var builder = HttpApiEmulator.builder();
        Http.Recorder h = new Http.Recorder("x");
        assertThatThrownBy(() -> builder.route("GET", "/a/{proxy+}/b", h)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.route("GET", "no-slash", h)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.route("FETCH", "/a", h)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.route("GET", "/local-issuer/token", h))
                .isInstanceOf(IllegalArgumentException.class);
        builder.route("GET", "/a", h).route("get", "/a", h);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
    }
}
