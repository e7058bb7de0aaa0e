package com.deskbridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

class HttpPrimingTest {

    @Test
    void primingExchangesAGetAndAPostWithALoopbackServerThatRefusesBoth() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        assertThat(HttpPriming.prime(client)).containsExactly(403, 403);
        // a second round starts its own server: the first one was stopped, nothing is left listening
        assertThat(HttpPriming.prime(client)).containsExactly(403, 403);
    }

    @Test
    void theLoopbackServerAnswersWhatItIsGivenAndRefusesTheRest() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        java.util.List<String> asked = new java.util.ArrayList<>();
        java.net.URI[] served = new java.net.URI[1];
        String[] bodies = HttpPriming.withLoopback(request -> {
            asked.add(request);
            return request.startsWith("GET /orders/") ? new HttpPriming.Answer(200, "application/json",
                    "{\"order\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) : null;
        }, base -> {
            served[0] = base;
            java.net.http.HttpResponse<String> found = client.send(java.net.http.HttpRequest.newBuilder(
                    base.resolve("/orders/302-0000000-0000000?includedData=BUYER")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            java.net.http.HttpResponse<String> refused = client.send(java.net.http.HttpRequest.newBuilder(
                    base.resolve("/token")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("a=b")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new String[] {found.statusCode() + " " + found.body(), refused.statusCode() + ""};
        });
        assertThat(bodies).containsExactly("200 {\"order\":{}}", "403");
        assertThat(asked).containsExactly("GET /orders/302-0000000-0000000?includedData=BUYER", "POST /token");
        assertThat(served[0].getHost()).isEqualTo("127.0.0.1");
        // stopped when the work returned: nothing is left listening
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.send(java.net.http.HttpRequest.newBuilder(
                served[0].resolve("/orders/x")).timeout(java.time.Duration.ofSeconds(2)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }
}
