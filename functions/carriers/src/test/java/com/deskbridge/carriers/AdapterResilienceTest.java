package com.deskbridge.carriers;

import com.deskbridge.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.logistics.TrackingStatus;
import com.deskbridge.logistics.TrackingUpstream;
import com.deskbridge.sim.carriers.CarrierSimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 401 then re-authentication, 429/5xx retried, outages and used-up quotas as Unavailable: per adapter, over HTTP. */
class AdapterResilienceTest {

    /** One known number per upstream in the demo world. */
    static final Map<TrackingUpstream, String> KNOWN = Map.of(
            TrackingUpstream.DHL, "00340434161094042557",
            TrackingUpstream.UPS, "1ZDB00000000000011",
            TrackingUpstream.FEDEX, "794600000001",
            TrackingUpstream.USPS, "9400100000000000000001",
            TrackingUpstream.DPD, "01905012345601",
            TrackingUpstream.AGGREGATOR, "GLS00000000001");

    static Carrier carrierOf(TrackingUpstream u) {
        return switch (u) {
            case DHL -> Carrier.DHL;
            case UPS -> Carrier.UPS;
            case FEDEX -> Carrier.FEDEX;
            case USPS -> Carrier.USPS;
            case DPD -> Carrier.DPD;
            case AGGREGATOR -> Carrier.GLS;
        };
    }

    private static TrackingSource.TrackingResult track(Harness h, TrackingUpstream u) {
        return h.registry.track(carrierOf(u), KNOWN.get(u));
    }

    @ParameterizedTest
    @EnumSource(TrackingUpstream.class)
    void tokenIsCachedAndFetchedAgainOnceAfter401(TrackingUpstream u) {
        try (Harness h = Harness.demo()) {
            assertThat(track(h, u)).isInstanceOf(TrackingSource.Found.class);
            assertThat(track(h, u)).isInstanceOf(TrackingSource.Found.class);
            int tokensBefore = h.tokenCalls(u);
            assertThat(tokensBefore).isEqualTo(u == TrackingUpstream.DHL || u == TrackingUpstream.AGGREGATOR ? 0 : 1);
            h.sim.revokeTokens(CarrierSettings.key(u));
            h.secrets.put("deskbridge/carriers/" + CarrierSettings.key(u), Harness.demoSecrets().get("deskbridge/carriers/" + CarrierSettings.key(u)));
            TrackingSource.TrackingResult afterRevoke = track(h, u);
            assertThat(afterRevoke).isInstanceOf(TrackingSource.Found.class);
            if (u != TrackingUpstream.DHL && u != TrackingUpstream.AGGREGATOR) {
                assertThat(h.tokenCalls(u)).isEqualTo(tokensBefore + 1);
            }
        }
    }

    @Test
    void rotatedApiKeyIsPickedUpAfter401() {
        Map<String, Map<String, String>> secrets = Harness.demoSecrets();
        secrets.put("deskbridge/carriers/dhl", Map.of("apiKey", "old-revoked-key"));
        try (Harness h = new Harness(CarrierSimulator.demoWorld(), CarrierBudgets.documented(), secrets)) {
            TrackingSource.TrackingResult first = track(h, TrackingUpstream.DHL);
            assertThat(first).isInstanceOf(TrackingSource.Unavailable.class);
            assertThat(((TrackingSource.Unavailable) first).reason()).contains("rejected the credentials")
                    .contains("deskbridge/carriers/dhl").doesNotContain("old-revoked-key");
            assertThat(h.calls(TrackingUpstream.DHL)).isEqualTo(2); // one try, one after re-reading the secret
            h.secrets.put("deskbridge/carriers/dhl", Map.of("apiKey", "demo-dhl-key"));
            assertThat(track(h, TrackingUpstream.DHL)).isInstanceOf(TrackingSource.Found.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TrackingUpstream.class)
    void wrongCredentialsAreUnavailableNamingTheSecretOnly(TrackingUpstream u) {
        Map<String, Map<String, String>> secrets = Harness.demoSecrets();
        String name = "deskbridge/carriers/" + CarrierSettings.key(u);
        Map<String, String> wrong = new HashMap<>();
        secrets.get(name).forEach((k, v) -> wrong.put(k, "wrong-" + v));
        secrets.put(name, wrong);
        try (Harness h = new Harness(CarrierSimulator.demoWorld(), CarrierBudgets.documented(), secrets)) {
            TrackingSource.TrackingResult r = track(h, u);
            assertThat(r).isInstanceOf(TrackingSource.Unavailable.class);
            String reason = ((TrackingSource.Unavailable) r).reason();
            assertThat(reason).contains(name);
            wrong.values().forEach(v -> assertThat(reason).doesNotContain(v));
        }
    }

    @ParameterizedTest
    @EnumSource(TrackingUpstream.class)
    void transientFailuresAreRetried(TrackingUpstream u) {
        try (Harness h = Harness.demo()) {
            assertThat(track(h, u)).isInstanceOf(TrackingSource.Found.class); // token fetched, quota primed
            int before = h.calls(u);
            h.sim.injectFaults(CarrierSettings.key(u), 503, 1);
            h.sim.injectFaults(CarrierSettings.key(u), 429, 1);
            TrackingSource.TrackingResult r = track(h, u);
            assertThat(r).isInstanceOf(TrackingSource.Found.class);
            assertThat(h.calls(u)).isEqualTo(before + 3);
            assertThat(h.sleeps).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TrackingUpstream.class)
    void persistentOutageIsUnavailable(TrackingUpstream u) {
        try (Harness h = Harness.demo()) {
            h.sim.injectFaults(CarrierSettings.key(u), 503, 10);
            TrackingSource.TrackingResult r = track(h, u);
            assertThat(r).isInstanceOf(TrackingSource.Unavailable.class);
            assertThat(((TrackingSource.Unavailable) r).reason()).contains(CarrierSettings.key(u)).contains("503");
            assertThat(h.calls(u)).isEqualTo(4); // the backoff's four attempts, then it gives up
        }
    }

    @ParameterizedTest
    @EnumSource(TrackingUpstream.class)
    void usedUpQuotaIsUnavailableWithoutACall(TrackingUpstream u) {
        CarrierBudgets small = CarrierBudgets.documented().with(new CarrierBudgets.Budget(u,
                List.of(new CarrierBudgets.RateLimit(2, Duration.ofDays(1))), 0, true, "test"));
        try (Harness h = new Harness(CarrierSimulator.demoWorld(), small, Harness.demoSecrets())) {
            assertThat(track(h, u)).isInstanceOf(TrackingSource.Found.class);
            assertThat(track(h, u)).isInstanceOf(TrackingSource.Found.class);
            TrackingSource.TrackingResult third = track(h, u);
            assertThat(third).isInstanceOf(TrackingSource.Unavailable.class);
            TrackingSource.Unavailable un = (TrackingSource.Unavailable) third;
            assertThat(un.reason()).contains("quota");
            assertThat(un.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofDays(1));
            assertThat(h.calls(u)).isEqualTo(2);
            h.clock.advance(Duration.ofDays(1));
            assertThat(track(h, u)).isInstanceOf(TrackingSource.Found.class);
        }
    }

    @Test
    void aLongServerSideRetryAfterIsNotSleptOut() {
        try (Harness h = Harness.demo()) {
            h.sim.setQuota("usps", 1, Duration.ofHours(1));
            assertThat(track(h, TrackingUpstream.USPS)).isInstanceOf(TrackingSource.Found.class);
            TrackingSource.TrackingResult r = track(h, TrackingUpstream.USPS);
            // USPS says "retry in an hour"; a Lambda must not wait that out: waits are capped (here at the
            // backoff's 2 s), the attempts run out and the caller hears Unavailable at once
            assertThat(r).isInstanceOf(TrackingSource.Unavailable.class);
            assertThat(((TrackingSource.Unavailable) r).reason()).contains("usps").contains("429");
            assertThat(h.sim.rejectedCount("usps")).isEqualTo(4);
            assertThat(h.sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(2)));
        }
    }

    @Test
    void simulatorCredentialsPlugStraightIntoASecretSource() {
        try (CarrierSimulator sim = CarrierSimulator.start(0, CarrierSimulator.demoWorld(), new MutableClock(Harness.START))) {
            CarrierRegistry registry = CarrierRegistry.create(
                    CarrierSettings.production().withBaseUrls(u -> sim.baseUrl(CarrierSettings.key(u))),
                    name -> sim.credentials(name.substring(name.lastIndexOf('/') + 1)), new MutableClock(Harness.START));
            for (TrackingUpstream u : TrackingUpstream.values()) {
                assertThat(registry.track(carrierOf(u), KNOWN.get(u))).as(u.name()).isInstanceOf(TrackingSource.Found.class);
            }
        }
    }

    @Test
    void otherCarriersGoToTheAggregatorWithTheirSlug() {
        try (Harness h = Harness.demo()) {
            int before = h.calls(TrackingUpstream.AGGREGATOR);
            assertThat(h.registry.track(Carrier.GLS, "GLS00000000001")).isInstanceOf(TrackingSource.Found.class);
            // the slug must match: Royal Mail's number is not a GLS parcel
            assertThat(h.registry.track(Carrier.GLS, "RM000000001GB")).isInstanceOf(TrackingSource.NotFound.class);
            assertThat(h.registry.track(null, "RM000000001GB")).isInstanceOf(TrackingSource.Found.class);
            assertThat(h.calls(TrackingUpstream.AGGREGATOR)).isEqualTo(before + 3);
            assertThat(h.calls(TrackingUpstream.DHL)).isZero();
            TrackingSource.Found f = (TrackingSource.Found) h.registry.track(Carrier.OTHER, "JD0000000000000001");
            assertThat(f.snapshot().status()).isEqualTo(TrackingStatus.EXPIRED);
        }
    }
}
