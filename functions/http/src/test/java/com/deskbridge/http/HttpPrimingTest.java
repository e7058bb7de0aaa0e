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
}
