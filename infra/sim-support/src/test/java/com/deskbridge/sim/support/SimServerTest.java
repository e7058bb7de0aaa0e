package com.deskbridge.sim.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SimServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void routesCountsCallsAnswersUnknownPathsAndMethodsAndServesInjectedFaultsInOrder() throws Exception {
        SimServer.Handler echo = (ex, m) -> {
            var fault = ex.server().nextFault("things.get");
            if (fault.isPresent()) {
                ex.send(fault.get(), "text/plain", "fault".getBytes(StandardCharsets.UTF_8));
                return;
            }
            ex.send(200, "text/plain", (m.group(1) + "|" + ex.query("q").orElse("-")).getBytes(StandardCharsets.UTF_8));
        };
        try (SimServer server = new SimServer("test-sim", 0, "x-request-id", Duration.ZERO,
                List.of(new SimServer.Route("GET", Pattern.compile("/things/([^/]+)"), "things.get", echo)),
                (ex, m) -> ex.send(404, "text/plain", "nope".getBytes(StandardCharsets.UTF_8)))) {
            server.injectFault("things.get", 503, 2);
            assertThat(get(server, "/things/a?q=x%20y").statusCode()).isEqualTo(503);
            assertThat(get(server, "/things/a").statusCode()).isEqualTo(503);
            HttpResponse<String> ok = get(server, "/things/a?q=x%20y");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("a|x y");
            assertThat(ok.headers().firstValue("x-request-id")).isPresent();
            assertThat(server.callCount("things.get")).isEqualTo(3);

            assertThat(get(server, "/other").statusCode()).isEqualTo(404);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/things/a"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void dailyLimitsResetAtMidnightInTheProvidersTimeZone() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T07:59:00Z")); // 23:59 in Los Angeles
        DailyCallLimits limits = new DailyCallLimits(clock, ZoneId.of("America/Los_Angeles"));
        assertThat(limits.tryCall("app|message", 2)).isTrue();
        assertThat(limits.tryCall("app|message", 2)).isTrue();
        assertThat(limits.tryCall("app|message", 2)).isFalse();
        assertThat(limits.tryCall("app|orders", 2)).isTrue();
        assertThat(limits.used("app|message")).isEqualTo(2);
        clock.advance(Duration.ofMinutes(1)); // midnight Pacific
        assertThat(limits.used("app|message")).isZero();
        assertThat(limits.tryCall("app|message", 2)).isTrue();
    }

    @Test
    void fixtureTimesAreAbsoluteOrRelativeToLoad() {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        assertThat(SimTime.at("-P3D", now)).isEqualTo(Instant.parse("2026-11-17T10:00:00Z"));
        assertThat(SimTime.at("+PT6H", now)).isEqualTo(Instant.parse("2026-11-20T16:00:00Z"));
        assertThat(SimTime.at("2026-11-20T11:00:00+01:00", now)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        var node = SimServer.JSON.createObjectNode().put("a", "PT2M").put("b", 1500);
        assertThat(SimTime.duration(node, "a", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SimTime.duration(node, "b", Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
        assertThat(SimTime.duration(node, "c", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
    }

    private HttpResponse<String> get(SimServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
