package com.deskbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.seller.AmazonConnection;
import com.deskbridge.domain.seller.SellerRegistration;
import com.deskbridge.domain.seller.SellerRegistry;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.SecretStore;
import com.deskbridge.spapi.Region;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The authorization state: the consent URL for the seller's region carries a state that is refused when forged, expired,
 * used or another deployment's (another key), before Login with Amazon is asked and before anything is stored.
 */
class AmazonAuthorizationTest {
    private static final String REDIRECT = "https://api.example/onboarding/amazon/callback";
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T07:00:00Z"));
    private final Registry sellers = new Registry();
    private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>(Map.of(
            "app", Map.of("client_id", "amzn1.application-oa2-client.x", "client_secret", "cs", "application_id", "amzn1.sp.solution.abc"),
            "key", Map.of("key", "0123456789abcdef0123456789abcdef")));
    private final Map<String, Map<String, String>> stored = new HashMap<>();
    private final AtomicInteger amazonAsked = new AtomicInteger();
    private final SellerRegistration seller = new SellerRegistration(new SellerId("north"), List.of("ATVPDKIKX0DER"), "na",
            "America/New_York", "north", clock.instant(), "op");

    private AmazonAuthorization authorization(Optional<String> consentBase) {
        return new AmazonAuthorization(sellers, SecretSource.of(secrets), SecretStore.of(stored), () -> {
            amazonAsked.incrementAndGet();
            throw new AssertionError("Login with Amazon must not be asked");
        }, new AmazonAuthorization.Settings("deskbridge/spapi/", "app", "key", "arn:aws:sqs:us-east-1:1:q", consentBase, true,
                Region.NA, Optional.empty()), clock);
    }

    @Test
    void theConsentUrlIsTheRegionsSellerCentralWithApplicationStateAndRedirect() {
        String url = authorization(Optional.empty()).authorize(seller, REDIRECT).url();
        assertThat(url).startsWith("https://sellercentral.amazon.com/apps/authorize/consent?application_id=amzn1.sp.solution.abc&state=")
                .contains("&redirect_uri=" + java.net.URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)).endsWith("&version=beta");
        assertThat(authorization(Optional.of("http://127.0.0.1:9")).authorize(seller, REDIRECT).url())
                .startsWith("http://127.0.0.1:9/apps/authorize/consent?");
        assertThat(sellers.nonces).hasSize(2);
    }

    @Test
    void forgedExpiredUsedAndForeignStatesAreRefusedBeforeAnythingHappens() {
        AmazonAuthorization amazon = authorization(Optional.empty());
        String state = state(amazon.authorize(seller, REDIRECT).url());
        String[] parts = state.split("\\.");
        String otherSeller = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).replace("north", "south")
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
        for (String forged : List.of(otherSeller, parts[0] + ".AAAA", "nonsense", "", parts[0])) {
            assertThatThrownBy(() -> amazon.complete(forged, "A1PARTNER01", "ANcode", REDIRECT))
                    .isInstanceOf(OnboardingState.Refused.class).hasMessageContaining("not one this service issued");
        }
        assertThatThrownBy(() -> amazon.complete(state, "not a partner", "ANcode", REDIRECT))
                .isInstanceOf(OnboardingState.Refused.class);
        assertThat(sellers.nonces).as("a refused callback does not use the state up").hasSize(1);

        secrets.put("key", Map.of("key", "another deployment's key 0000000"));
        assertThatThrownBy(() -> amazon.complete(state, "A1PARTNER01", "ANcode", REDIRECT))
                .isInstanceOf(OnboardingState.Refused.class);
        secrets.put("key", Map.of("key", "0123456789abcdef0123456789abcdef"));

        clock.advance(AmazonAuthorization.STATE_LIFETIME);
        assertThatThrownBy(() -> amazon.complete(state, "A1PARTNER01", "ANcode", REDIRECT))
                .isInstanceOf(OnboardingState.Refused.class).hasMessageContaining("expired");

        String fresh = state(amazon.authorize(seller, REDIRECT).url());
        sellers.nonces.clear(); // as if a first callback had used it
        assertThatThrownBy(() -> amazon.complete(fresh, "A1PARTNER01", "ANcode", REDIRECT))
                .isInstanceOf(OnboardingState.Refused.class).hasMessageContaining("used already");
        assertThat(amazonAsked).hasValue(0);
        assertThat(stored).isEmpty();
        assertThat(sellers.connections).isEmpty();
    }

    private static String state(String url) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith("state=")) {
                return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no state in " + url);
    }

    static final class MovableClock extends java.time.Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class Registry implements SellerRegistry {
        final Map<String, Instant> nonces = new HashMap<>();
        final Map<SellerId, AmazonConnection> connections = new HashMap<>();

        @Override
        public void register(SellerRegistration registration) {
        }

        @Override
        public Optional<SellerRegistration> find(SellerId seller) {
            return Optional.empty();
        }

        @Override
        public Optional<SellerId> sellerForAlias(String alias) {
            return Optional.empty();
        }

        @Override
        public void recordAmazonConnection(SellerId seller, AmazonConnection connection) {
            connections.put(seller, connection);
        }

        @Override
        public Optional<AmazonConnection> amazonConnection(SellerId seller) {
            return Optional.ofNullable(connections.get(seller));
        }

        @Override
        public void recordCarrierConnection(SellerId seller, com.deskbridge.domain.seller.CarrierConnection connection) {
            throw new UnsupportedOperationException("not used by the Amazon authorization");
        }

        @Override
        public java.util.List<com.deskbridge.domain.seller.CarrierConnection> carrierConnections(SellerId seller) {
            return java.util.List.of();
        }

        @Override
        public void saveAuthorizationNonce(SellerId seller, String nonce, Instant expires) {
            nonces.put(seller.value() + "|" + nonce, expires);
        }

        @Override
        public boolean consumeAuthorizationNonce(SellerId seller, String nonce, Instant now) {
            Instant expires = nonces.remove(seller.value() + "|" + nonce);
            return expires != null && now.isBefore(expires);
        }
    }
}
