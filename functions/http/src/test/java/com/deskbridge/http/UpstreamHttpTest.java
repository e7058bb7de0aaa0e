package com.deskbridge.http;

import com.deskbridge.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wire-level: a real HTTP server answers with a scripted sequence of statuses. */
class UpstreamHttpTest {

    private HttpServer server;
    private final Deque<int[]> script = new ConcurrentLinkedDeque<>(); // {status, retryAfterSeconds or -1}
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Duration> sleeps = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private UpstreamHttp http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            int[] next = script.isEmpty() ? new int[] {200, -1} : script.poll();
            if (next[1] >= 0) {
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(next[1]));
            }
            exchange.getResponseHeaders().add("x-amzn-RequestId", "req-" + requests.get());
            byte[] body = ("{\"status\":" + next[0] + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(next[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        http = new UpstreamHttp("test-api", HttpClient.newHttpClient(),
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 4, new Random(7)),
                d -> { sleeps.add(d); clock.advance(d); }, Duration.ofSeconds(10), "x-amzn-RequestId");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpRequest get() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/orders/1")).GET().build();
    }

    @Test
    void throttlingAndServerErrorsAreRetriedUntilAnAnswerArrives() {
        script.add(new int[] {429, -1});
        script.add(new int[] {503, -1});
        HttpResponse<String> response = http.send(get(), () -> Quota.GRANTED);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(requests).hasValue(3);
        assertThat(sleeps).hasSize(2).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void aLongerRetryAfterHeaderIsHonoured() {
        script.add(new int[] {429, 7});
        http.send(get(), () -> Quota.GRANTED);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void clientErrorsAreReturnedNotRetried() {
        script.add(new int[] {404, -1});
        assertThat(http.send(get(), () -> Quota.GRANTED).statusCode()).isEqualTo(404);
        assertThat(requests).hasValue(1);
    }

    @Test
    void whenRetriesRunOutTheLastStatusAndRequestIdAreReported() {
        for (int i = 0; i < 4; i++) {
            script.add(new int[] {500, -1});
        }
        assertThatThrownBy(() -> http.send(get(), () -> Quota.GRANTED))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.requestId()).contains("req-4");
                    assertThat(e.transientFailure()).isTrue();
                });
        assertThat(requests).hasValue(4);
    }

    @Test
    void callsWaitForTheClientSideRateAndNeverExceedIt() {
        TokenBucket bucket = TokenBucket.perSecond(clock, 1, 2);
        for (int i = 0; i < 5; i++) {
            http.send(get(), bucket);
        }
        assertThat(requests).hasValue(5);
        // two from the burst, then one per second
        assertThat(sleeps.stream().mapToLong(Duration::toMillis).sum()).isEqualTo(3000);
    }

    @Test
    void aQuotaThatCannotBeMetInTimeSendsNothing() {
        TokenBucket daily = TokenBucket.budget(clock, 1, Duration.ofDays(1));
        http.send(get(), daily);
        assertThatThrownBy(() -> http.send(get(), daily))
                .isInstanceOfSatisfying(QuotaExhaustedException.class,
                        e -> assertThat(e.retryAfter()).isGreaterThan(Duration.ofHours(23)));
        assertThat(requests).hasValue(1);
    }

    @Test
    void aRefusedConnectionIsReportedAsTransientWithoutAStatus() {
        server.stop(0);
        assertThatThrownBy(() -> http.send(get(), () -> Quota.GRANTED))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.transientFailure()).isTrue();
                });
    }
}
