package com.deskbridge.localapigw;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventMappingTest {

    static final Http.Recorder echo = new Http.Recorder("echo");
    static HttpApiEmulator api;

    @BeforeAll
    static void start() {
        api = HttpApiEmulator.builder()
                .apiId("deskapi")
                .accountId("111122223333")
                .stageVariables(Map.of("env", "local"))
                .route("ANY", "/echo/{proxy+}", echo)
                .route("GET", "/rich", e -> APIGatewayV2HTTPResponse.builder()
                        .withStatusCode(201)
                        .withHeaders(Map.of("content-type", "application/json", "x-single", "one"))
                        .withMultiValueHeaders(Map.of("x-multi", List.of("a", "b")))
                        .withCookies(List.of("session=abc; HttpOnly", "theme=dark"))
                        .withBody("{\"ok\":true}")
                        .build())
                .route("GET", "/binary", e -> APIGatewayV2HTTPResponse.builder()
                        .withStatusCode(200)
                        .withHeaders(Map.of("content-type", "image/png"))
                        .withBody(Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, -1}))
                        .withIsBase64Encoded(true)
                        .build())
                .build().start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void queryStringIsRawAndParametersAreDecodedAndCommaJoined() {
        Http.get(api, "/echo/q?status=open&status=pending&q=hello%20world&flag");
        APIGatewayV2HTTPEvent e = echo.event();
        assertThat(e.getRawQueryString()).isEqualTo("status=open&status=pending&q=hello%20world&flag");
        assertThat(e.getQueryStringParameters()).containsExactlyInAnyOrderEntriesOf(
                Map.of("status", "open,pending", "q", "hello world", "flag", ""));
    }

    @Test
    void noQueryMeansEmptyRawQueryAndNoParameters() {
        Http.get(api, "/echo/none");
        assertThat(echo.event().getRawQueryString()).isEmpty();
        assertThat(echo.event().getQueryStringParameters()).isNull();
        assertThat(echo.event().getCookies()).isNull();
        assertThat(echo.event().getBody()).isNull();
        assertThat(echo.event().getIsBase64Encoded()).isFalse();
    }

    @Test
    void headersAreLowerCasedRepeatedValuesJoinedAndCookiesMovedOut() {
        Http.send(Http.request(api, "/echo/h")
                .header("X-Custom-Thing", "v1")
                .header("X-Repeated", "a")
                .header("X-Repeated", "b")
                .header("Cookie", "sid=123; theme=dark")
                .header("User-Agent", "deskbridge-test")
                .GET().build());
        APIGatewayV2HTTPEvent e = echo.event();
        assertThat(e.getHeaders()).containsEntry("x-custom-thing", "v1")
                .containsEntry("x-repeated", "a,b")
                .containsEntry("user-agent", "deskbridge-test")
                .containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-port", String.valueOf(api.port()))
                .containsKey("x-amzn-trace-id")
                .doesNotContainKey("cookie");
        assertThat(e.getHeaders().keySet()).allSatisfy(k -> assertThat(k).isLowerCase());
        assertThat(e.getHeaders().get("x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(e.getCookies()).containsExactly("sid=123", "theme=dark");
        assertThat(e.getRequestContext().getHttp().getUserAgent()).isEqualTo("deskbridge-test");
    }

    @Test
    void jsonBodyIsPassedAsText() {
        Http.send(Http.request(api, "/echo/b").header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"Где мой заказ?\"}")).build());
        assertThat(echo.event().getIsBase64Encoded()).isFalse();
        assertThat(echo.event().getBody()).isEqualTo("{\"subject\":\"Где мой заказ?\"}");
    }

    @Test
    void binaryAndFormBodiesAreBase64Encoded() {
        byte[] pdf = {'%', 'P', 'D', 'F', 0, (byte) 0xC3, (byte) 0xFF};
        Http.send(Http.request(api, "/echo/b").header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build());
        assertThat(echo.event().getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(echo.event().getBody())).isEqualTo(pdf);

        Http.send(Http.request(api, "/echo/f").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=1&b=2")).build());
        assertThat(echo.event().getIsBase64Encoded()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(echo.event().getBody()), StandardCharsets.UTF_8))
                .isEqualTo("a=1&b=2");
    }

    @Test
    void requestContextIsFilledLikeApiGateway() {
        HttpResponse<String> r = Http.send(Http.request(api, "/echo/ctx/x").PUT(HttpRequest.BodyPublishers.noBody())
                .build());
        APIGatewayV2HTTPEvent e = echo.event();
        APIGatewayV2HTTPEvent.RequestContext c = e.getRequestContext();
        assertThat(e.getVersion()).isEqualTo("2.0");
        assertThat(e.getRouteKey()).isEqualTo("ANY /echo/{proxy+}");
        assertThat(e.getRawPath()).isEqualTo("/echo/ctx/x");
        assertThat(e.getStageVariables()).containsExactlyEntriesOf(Map.of("env", "local"));
        assertThat(c.getAccountId()).isEqualTo("111122223333");
        assertThat(c.getApiId()).isEqualTo("deskapi");
        assertThat(c.getDomainName()).isEqualTo("127.0.0.1");
        assertThat(c.getDomainPrefix()).isEqualTo("127");
        assertThat(c.getStage()).isEqualTo("$default");
        assertThat(c.getHttp().getMethod()).isEqualTo("PUT");
        assertThat(c.getHttp().getPath()).isEqualTo("/echo/ctx/x");
        assertThat(c.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(c.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(c.getTime()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(c.getTimeEpoch()).isPositive();
        assertThat(GatewayIds.TIME.format(java.time.Instant.ofEpochMilli(c.getTimeEpoch()))).isEqualTo(c.getTime());
        assertThat(c.getRequestId()).isNotBlank();
        assertThat(r.headers().firstValue("apigw-requestid")).hasValue(c.getRequestId());
        assertThat(c.getAuthorizer()).isNull();
    }

    @Test
    void responseHeadersMultiValueHeadersAndCookiesAreWritten() {
        HttpResponse<String> r = Http.get(api, "/rich");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("{\"ok\":true}");
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(r.headers().firstValue("x-single")).hasValue("one");
        assertThat(r.headers().allValues("x-multi")).containsExactly("a", "b");
        assertThat(r.headers().allValues("set-cookie")).containsExactly("session=abc; HttpOnly", "theme=dark");
    }

    @Test
    void base64ResponseBodyIsDecoded() {
        HttpResponse<byte[]> r;
        try {
            r = Http.CLIENT.send(Http.request(api, "/binary").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).containsExactly((byte) 0x89, 'P', 'N', 'G', 0, -1);
    }
}
