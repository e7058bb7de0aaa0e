package com.deskbridge.carriers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.http.Backoff;
import com.deskbridge.http.MissingSecretException;
import com.deskbridge.http.SecretSource;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.logistics.TrackingUpstream;
import com.deskbridge.sim.carriers.CarrierSimulator;
import com.deskbridge.testing.MutableClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A seller's own carrier credentials: their validation, the one test call that says whether they work, and the
 * per-seller look-up with its fall-back to the stack's credentials, against the carrier simulator (which tells its
 * accounts apart).
 */
class SellerCarriersTest {
    private static final String PREFIX = "deskbridge/seller-carriers/";
    private static final String UPS_NUMBER = "1ZDB00000000000011";

    private final MutableClock clock = new MutableClock(Harness.START);
    private final Map<String, Map<String, String>> secrets = new HashMap<>(Harness.demoSecrets());
    private final Map<String, AtomicInteger> secretReads = new java.util.concurrent.ConcurrentHashMap<>();
    private final SecretSource source = name -> {
        secretReads.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        Map<String, String> s = secrets.get(name);
        if (s == null) {
            throw new MissingSecretException(name);
        }
        return s;
    };
    private CarrierSimulator sim;
    private CarrierRegistry registry;

    private void start() {
        ObjectNode world = (ObjectNode) CarrierSimulator.demoWorld();
        ObjectNode carriers = world.putObject("carriers");
        carriers.putObject("ups").putArray("accounts").addObject().put("name", "seller-a")
                .put("clientId", "seller-a-ups").put("clientSecret", "seller-a-ups-secret");
        carriers.putObject("dhl").putArray("accounts").addObject().put("name", "seller-a").put("apiKey", "seller-a-dhl-key");
        carriers.putObject("dpd").putArray("accounts").addObject().put("name", "seller-a")
                .put("delisId", "seller-a-delis").put("password", "seller-a-dpd-pass");
        sim = CarrierSimulator.start(0, world, clock);
        registry = CarrierRegistry.create(CarrierSettings.production().withBaseUrls(u -> sim.baseUrl(CarrierSettings.key(u))),
                source, clock, CarrierBudgets.documented(), Harness.CLIENT, clock::advance,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 2, new Random(7)));
    }

    /**
     * The simulator and the registry started, {@code seller}'s own UPS secret stored (client {@code seller-a-ups}, the
     * simulator's account {@code seller-a}, with {@code clientSecret}), and the sellers' carriers over them.
     */
    private SellerCarriers startWithOwnUps(String seller, String clientSecret) {
        start();
        secrets.put(SellerCarriers.secretName(PREFIX, seller, TrackingUpstream.UPS),
                Map.of("clientId", "seller-a-ups", "clientSecret", clientSecret));
        return new SellerCarriers(registry, source, PREFIX, clock);
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void eachCarrierTakesExactlyItsOwnFieldsAndMessagesNeverHoldAValue() {
        assertThat(CarrierCredentials.validate(TrackingUpstream.UPS, Map.of("clientId", "id-1", "clientSecret", "s3cr3t")))
                .containsOnlyKeys("clientId", "clientSecret");
        assertThat(CarrierCredentials.validate(TrackingUpstream.DPD, Map.of("delisId", "d", "password", "p w")))
                .containsEntry("password", "p w");
        assertInvalid(TrackingUpstream.UPS, Map.of("clientId", "id-1"), "clientSecret");
        assertInvalid(TrackingUpstream.DHL, Map.of("apiKey", "k", "clientId", "x"), "clientId");
        assertInvalid(TrackingUpstream.FEDEX, Map.of("clientId", "id", "clientSecret", " padded"), "clientSecret");
        assertInvalid(TrackingUpstream.USPS, Map.of("clientId", "id", "clientSecret", "a\u200bb"), "clientSecret");
        assertInvalid(TrackingUpstream.AGGREGATOR, Map.of("apiKey", "k".repeat(CarrierCredentials.MAX_LENGTH + 1)), "apiKey");
        assertInvalid(TrackingUpstream.DPD, Map.of("delisId", "d", "password", ""), "password");
        assertThatThrownBy(() -> CarrierCredentials.validate(TrackingUpstream.FEDEX,
                Map.of("clientId", "id", "clientSecret", "secret-value\n"))).hasMessageNotContaining("secret-value");
        assertThat(CarrierCredentials.upstream("ups")).contains(TrackingUpstream.UPS);
        assertThat(CarrierCredentials.upstream("aggregator")).contains(TrackingUpstream.AGGREGATOR);
        assertThat(CarrierCredentials.upstream("UPS")).isEmpty();
        assertThat(CarrierCredentials.upstream("gls")).isEmpty();
    }

    private static void assertInvalid(TrackingUpstream u, Map<String, String> given, String field) {
        assertThatThrownBy(() -> CarrierCredentials.validate(u, given))
                .isInstanceOfSatisfying(CarrierCredentials.InvalidCredentialsException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void oneCheapCallSaysWhetherTheCarrierTakesTheCredentials() {
        start();
        assertThat(registry.check(TrackingUpstream.UPS, Map.of("clientId", "seller-a-ups", "clientSecret", "seller-a-ups-secret")))
                .isInstanceOf(CarrierCredentials.Verified.class);
        assertThat(registry.check(TrackingUpstream.UPS, Map.of("clientId", "seller-a-ups", "clientSecret", "wrong")))
                .isInstanceOfSatisfying(CarrierCredentials.Rejected.class, r -> assertThat(r.reason()).doesNotContain("wrong"));
        assertThat(sim.callCount("ups")).as("OAuth carriers: a token request, no tracking call").isZero();
        assertThat(registry.check(TrackingUpstream.DHL, Map.of("apiKey", "seller-a-dhl-key"))).isInstanceOf(CarrierCredentials.Verified.class);
        assertThat(registry.check(TrackingUpstream.DHL, Map.of("apiKey", "bad-key"))).isInstanceOf(CarrierCredentials.Rejected.class);
        assertThat(registry.check(TrackingUpstream.DPD, Map.of("delisId", "seller-a-delis", "password", "seller-a-dpd-pass")))
                .isInstanceOf(CarrierCredentials.Verified.class);
        assertThat(registry.check(TrackingUpstream.DPD, Map.of("delisId", "seller-a-delis", "password", "nope")))
                .isInstanceOf(CarrierCredentials.Rejected.class);
        assertThat(registry.check(TrackingUpstream.AGGREGATOR, Map.of("apiKey", "demo-aggregator-key")))
                .isInstanceOf(CarrierCredentials.Verified.class);
        assertThat(registry.check(TrackingUpstream.FEDEX, Map.of("clientId", "x", "clientSecret", "y")))
                .isInstanceOf(CarrierCredentials.Rejected.class);
        assertThat(registry.check(TrackingUpstream.USPS, Map.of("clientId", "demo-usps-client", "clientSecret", "demo-usps-secret")))
                .isInstanceOf(CarrierCredentials.Verified.class);

        sim.close();
        assertThat(registry.check(TrackingUpstream.UPS, Map.of("clientId", "seller-a-ups", "clientSecret", "seller-a-ups-secret")))
                .as("nobody answers: nothing is known about the credentials")
                .isInstanceOfSatisfying(CarrierCredentials.Unreachable.class, u -> assertThat(u.reason()).contains("ups"));
        sim = null;
    }

    @Test
    void aSellerWithItsOwnSecretUsesItsOwnAccountAndTokenOthersTheStacks() {
        SellerCarriers carriers = startWithOwnUps("seller-a", "seller-a-ups-secret");

        TrackingSource a = carriers.forSeller("seller-a");
        TrackingSource b = carriers.forSeller("seller-b");
        assertThat(a.track(Carrier.UPS, UPS_NUMBER)).isInstanceOf(TrackingSource.Found.class);
        assertThat(a.track(Carrier.UPS, UPS_NUMBER)).isInstanceOf(TrackingSource.Found.class);
        assertThat(b.track(Carrier.UPS, UPS_NUMBER)).isInstanceOf(TrackingSource.Found.class);
        assertThat(carriers.track(Carrier.UPS, UPS_NUMBER)).isInstanceOf(TrackingSource.Found.class);

        Map<String, Map<String, Integer>> ups = sim.accountCounts("ups");
        assertThat(ups.get("seller-a")).as("seller A's calls, on its own token, fetched once")
                .containsEntry("trackingCalls", 2).containsEntry("tokensIssued", 1);
        assertThat(ups.get("default")).as("seller B and the seller-less look-up: the stack's account and token")
                .containsEntry("trackingCalls", 2).containsEntry("tokensIssued", 1);
        assertThat(carriers.usesOwn("seller-a", TrackingUpstream.UPS)).isTrue();
        assertThat(carriers.usesOwn("seller-a", TrackingUpstream.DHL)).as("own UPS only: DHL falls back").isFalse();
        assertThat(a.track(Carrier.DHL, "00340434161094042557")).isInstanceOf(TrackingSource.Found.class);
        assertThat(sim.accountCounts("dhl").get("default")).containsEntry("trackingCalls", 1);
    }

    @Test
    void theLookUpIsCachedPerContainerForItsTimeFoundOrNot() {
        start();
        SellerCarriers carriers = new SellerCarriers(registry, source, PREFIX, clock);
        TrackingSource c = carriers.forSeller("seller-c");
        c.track(Carrier.UPS, UPS_NUMBER);
        c.track(Carrier.UPS, UPS_NUMBER);
        assertThat(secretReads.get(SellerCarriers.secretName(PREFIX, "seller-c", TrackingUpstream.UPS)).get())
                .as("the absent own secret: looked up once for both look-ups").isEqualTo(1);
        assertThat(sim.accountCounts("ups").get("seller-a")).containsEntry("trackingCalls", 0);

        // the seller stores credentials: within the look-up's lifetime the container still uses the stack's, then its own
        secrets.put(SellerCarriers.secretName(PREFIX, "seller-c", TrackingUpstream.UPS),
                Map.of("clientId", "seller-a-ups", "clientSecret", "seller-a-ups-secret"));
        assertThat(carriers.usesOwn("seller-c", TrackingUpstream.UPS)).isFalse();
        clock.advance(SellerCarriers.LOOKUP_TTL.plusSeconds(1));
        assertThat(carriers.usesOwn("seller-c", TrackingUpstream.UPS)).isTrue();
        c.track(Carrier.UPS, UPS_NUMBER);
        assertThat(sim.accountCounts("ups").get("seller-a")).containsEntry("trackingCalls", 1);
        assertThat(List.of(sim.accountCounts("ups").get("default").get("tokensIssued"))).containsExactly(1);
    }

    @Test
    void preparingASellerReadsEachCarrierSecretOnceAndTheLookUpsThenReadNone() {
        SellerCarriers carriers = startWithOwnUps("seller-d", "seller-a-ups-secret");

        carriers.prepare("seller-d");
        carriers.prepare("seller-d");
        for (TrackingUpstream u : TrackingUpstream.values()) {
            assertThat(secretReads.get(SellerCarriers.secretName(PREFIX, "seller-d", u)).get())
                    .as("%s: read once by the first preparation, not by the second", u).isEqualTo(1);
        }
        TrackingSource d = carriers.forSeller("seller-d");
        assertThat(d.track(Carrier.UPS, UPS_NUMBER)).isInstanceOf(TrackingSource.Found.class);
        assertThat(d.track(Carrier.DHL, "00340434161094042557")).isInstanceOf(TrackingSource.Found.class);
        assertThat(secretReads.get(SellerCarriers.secretName(PREFIX, "seller-d", TrackingUpstream.DHL)).get())
                .as("the look-ups found the answers prepared").isEqualTo(1);
        assertThat(sim.accountCounts("ups").get("seller-a")).as("own UPS credentials, as without preparation")
                .containsEntry("trackingCalls", 1);
        assertThat(sim.accountCounts("dhl").get("default")).as("no own DHL secret: the stack's account")
                .containsEntry("trackingCalls", 1);
    }

    @Test
    void readyingACarriersCredentialsFetchesItsTokenOnceAndTheLookUpUsesIt() {
        SellerCarriers carriers = startWithOwnUps("seller-e", "seller-a-ups-secret");

        carriers.readyCredentials("seller-e", TrackingUpstream.UPS);
        carriers.readyCredentials("seller-e", TrackingUpstream.UPS);
        assertThat(sim.accountCounts("ups").get("seller-a")).as("the seller's own account: one token, kept")
                .containsEntry("tokensIssued", 1).containsEntry("trackingCalls", 0);
        assertThat(carriers.forSeller("seller-e").track(Carrier.UPS, UPS_NUMBER)).isInstanceOf(TrackingSource.Found.class);
        assertThat(sim.accountCounts("ups").get("seller-a")).as("the look-up used the readied token")
                .containsEntry("tokensIssued", 1).containsEntry("trackingCalls", 1);
        assertThat(sim.tokenCallCount("ups")).isEqualTo(1);

        // a seller without its own UPS account readies the stack's token, once for every such seller
        carriers.readyCredentials("seller-f", TrackingUpstream.UPS);
        carriers.readyCredentials("seller-g", TrackingUpstream.UPS);
        assertThat(sim.tokenCallCount("ups")).isEqualTo(2);
        assertThat(secretReads.get(SellerCarriers.secretName(PREFIX, "seller-f", TrackingUpstream.UPS)).get())
                .as("which account: read once").isEqualTo(1);
    }

    @Test
    void aCredentialThatCannotBeReadiedIsLeftToTheLookUpForAWhile() {
        SellerCarriers carriers = startWithOwnUps("seller-h", "not-the-secret");

        carriers.readyCredentials("seller-h", TrackingUpstream.UPS); // refused: nothing thrown
        carriers.readyCredentials("seller-h", TrackingUpstream.UPS);
        assertThat(sim.tokenCallCount("ups")).as("refused once, not asked again right away").isEqualTo(1);
        TrackingSource.TrackingResult looked = carriers.forSeller("seller-h").track(Carrier.UPS, UPS_NUMBER);
        assertThat(looked).as("the look-up asks itself and says why").isInstanceOf(TrackingSource.Unavailable.class);
        assertThat(((TrackingSource.Unavailable) looked).reason()).contains("ups");
        assertThat(sim.tokenCallCount("ups")).isEqualTo(2);

        clock.advance(TrackingAdapter.READY_RETRY.plusSeconds(1));
        carriers.readyCredentials("seller-h", TrackingUpstream.UPS);
        assertThat(sim.tokenCallCount("ups")).as("readied again after the pause").isEqualTo(3);
    }

    @Test
    void askingAboutOneSecretAtTheSameTimeReadsItOnce() throws Exception {
        start();
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        SecretSource slow = name -> {
            if (name.startsWith(PREFIX)) {
                reads.incrementAndGet();
                reading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return source.secret(name);
        };
        SellerCarriers carriers = new SellerCarriers(registry, slow, PREFIX, clock);
        Thread first = new Thread(() -> carriers.usesOwn("seller-i", TrackingUpstream.UPS));
        first.start();
        assertThat(reading.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread second = new Thread(() -> carriers.usesOwn("seller-i", TrackingUpstream.UPS));
        second.start();
        // the second asker waits: for the first one's read, or (were reads not shared) inside a read of its own
        long until = System.nanoTime() + 10_000_000_000L;
        while (second.getState() != Thread.State.BLOCKED && second.getState() != Thread.State.WAITING
                && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        release.countDown();
        first.join();
        second.join();
        assertThat(reads.get()).isEqualTo(1);
    }
}
