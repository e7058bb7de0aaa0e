package com.deskbridge.carriers;

import com.deskbridge.testing.MutableClock;
import com.deskbridge.http.Backoff;
import com.deskbridge.http.SecretSource;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.TrackingUpstream;
import com.deskbridge.sim.carriers.CarrierSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A carrier simulator on a free port and a registry pointed at it, sharing one clock; "sleeping" advances that
 * clock, so retries and per-second quotas run without real waiting.
 */
final class Harness implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-22T08:00:00Z");
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The demo fixture's credentials, as the secret store would hold them. */
    static Map<String, Map<String, String>> demoSecrets() {
        Map<String, Map<String, String>> m = new HashMap<>();
        m.put("deskbridge/carriers/dhl", Map.of("apiKey", "demo-dhl-key"));
        m.put("deskbridge/carriers/ups", Map.of("clientId", "demo-ups-client", "clientSecret", "demo-ups-secret"));
        m.put("deskbridge/carriers/fedex", Map.of("client_id", "demo-fedex-client", "client_secret", "demo-fedex-secret"));
        m.put("deskbridge/carriers/usps", Map.of("clientId", "demo-usps-client", "clientSecret", "demo-usps-secret"));
        m.put("deskbridge/carriers/dpd", Map.of("delisId", "demo-delis", "password", "demo-dpd-password"));
        m.put("deskbridge/carriers/aggregator", Map.of("apiKey", "demo-aggregator-key"));
        return m;
    }

    final MutableClock clock = new MutableClock(START);
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final CarrierSimulator sim;
    final CarrierRegistry registry;
    final Map<String, Map<String, String>> secrets;

    Harness(JsonNode world) {
        this(world, CarrierBudgets.documented(), demoSecrets());
    }

    Harness(JsonNode world, CarrierBudgets budgets, Map<String, Map<String, String>> secrets) {
        this.secrets = new HashMap<>(secrets);
        this.sim = CarrierSimulator.start(0, world, clock);
        SecretSource source = name -> {
            Map<String, String> s = this.secrets.get(name);
            if (s == null) {
                throw new IllegalStateException("no secret " + name);
            }
            return s;
        };
        CarrierSettings settings = CarrierSettings.production()
                .withBaseUrls(u -> sim.baseUrl(CarrierSettings.key(u)));
        this.registry = CarrierRegistry.create(settings, source, clock, budgets, CLIENT,
                d -> { sleeps.add(d); clock.advance(d); },
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 4, new Random(7)));
    }

    static Harness demo() {
        return new Harness(CarrierSimulator.demoWorld());
    }

    int calls(TrackingUpstream u) {
        return sim.callCount(CarrierSettings.key(u));
    }

    int tokenCalls(TrackingUpstream u) {
        return sim.tokenCallCount(CarrierSettings.key(u));
    }

    @Override
    public void close() {
        sim.close();
    }
}
