package com.deskbridge.localapigw;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void requestsAreServedInParallel() {
        int parallel = 6;
        CountDownLatch allInside = new CountDownLatch(parallel);
        try (HttpApiEmulator api = HttpApiEmulator.builder().threads(parallel)
                .route("GET", "/slow/{n}", e -> {
                    allInside.countDown();
                    try {
                        // Only returns 200 if every request is inside a handler at the same time.
                        boolean together = allInside.await(30, TimeUnit.SECONDS);
                        return together ? Http.ok(e.getPathParameters().get("n"))
                                : com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse.builder()
                                        .withStatusCode(503).build();
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(ie);
                    }
                })
                .build().start()) {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                calls.add(Http.CLIENT.sendAsync(Http.request(api, "/slow/" + i).GET().build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Set<String> bodies = new HashSet<>();
            Set<String> requestIds = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> r = call.join();
                assertThat(r.statusCode()).isEqualTo(200);
                bodies.add(r.body());
                requestIds.add(r.headers().firstValue("apigw-requestid").orElseThrow());
            }
            assertThat(bodies).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5");
            assertThat(requestIds).hasSize(parallel);
        }
    }
}
