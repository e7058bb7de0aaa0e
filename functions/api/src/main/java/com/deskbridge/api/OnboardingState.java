package com.deskbridge.api;

import com.deskbridge.domain.seller.SellerRegistry;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.http.SecretSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code state} of the onboarding flows' consent URLs (Amazon's website authorization workflow, eBay's
 * authorization code grant): it names the seller and the flow, expires after {@link #LIFETIME}, carries a one-time
 * nonce remembered in the seller registry, and is signed with HMAC-SHA256 under a key held in Secrets Manager (never in
 * code). The OAuth 2.0 {@code state} protects the redirect against cross-site request forgery
 * (https://www.rfc-editor.org/rfc/rfc6749#section-10.12); the callbacks carry no token of ours, so the state is what
 * says which seller consented.
 */
final class OnboardingState {
    /** How long a consent URL's state is good for: signing in and consenting take a few minutes. */
    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new state and until when it is accepted. */
    record Issued(String state, Instant expires) {
    }

    /** Whose consent a verified state carries, and its nonce (used up by {@link #consume}). */
    record Claims(SellerId seller, String nonce) {
    }

    /** The state is forged, expired, of another flow, or used already: nothing may happen. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The channel did not give a refresh token for the code (refused it, or could not be reached): authorize again. */
    static final class ExchangeFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SellerId seller;

        ExchangeFailed(SellerId seller, String message) {
            super(message);
            this.seller = seller;
        }

        SellerId seller() {
            return seller;
        }
    }

    private final SellerRegistry sellers;
    private final SecretSource secrets;
    private final String keySecret;
    private final Clock clock;

    /** @param keySecret the secret whose {@code key} field signs the states */
    OnboardingState(SellerRegistry sellers, SecretSource secrets, String keySecret, Clock clock) {
        this.sellers = Objects.requireNonNull(sellers);
        this.secrets = Objects.requireNonNull(secrets);
        this.keySecret = Objects.requireNonNull(keySecret);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * A new one-time state for {@code seller}.
     *
     * @param flow null for Amazon's (the original three-line payload), else the flow's name ({@code ebay}): a state of
     *             one flow is refused by another's callback
     */
    Issued issue(SellerId seller, String flow) {
        Instant expires = clock.instant().plus(LIFETIME);
        byte[] nonceBytes = new byte[18];
        RANDOM.nextBytes(nonceBytes);
        String nonce = B64.encodeToString(nonceBytes);
        sellers.saveAuthorizationNonce(seller, nonce, expires);
        String payload = seller.value() + "\n" + nonce + "\n" + expires.getEpochSecond() + (flow == null ? "" : "\n" + flow);
        return new Issued(B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(sign(payload)),
                expires);
    }

    /** The claims of a state this service signed for {@code flow} and which has not expired (not yet used up). */
    Claims verify(String state, String flow) {
        int dot = state == null ? -1 : state.indexOf('.');
        if (dot <= 0 || state.length() > 512) {
            throw new Refused("the authorization state is not one this service issued");
        }
        String payload;
        byte[] signature;
        try {
            payload = new String(Base64.getUrlDecoder().decode(state.substring(0, dot)), StandardCharsets.UTF_8);
            signature = Base64.getUrlDecoder().decode(state.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new Refused("the authorization state is not one this service issued");
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            throw new Refused("the authorization state is not one this service issued");
        }
        String[] parts = payload.split("\n", -1);
        if (flow == null ? parts.length != 3 : parts.length != 4 || !flow.equals(parts[3])) {
            throw new Refused("the authorization state is not one this service issued for this callback");
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts[2])))) {
            throw new Refused("the authorization state has expired; authorize again");
        }
        return new Claims(new SellerId(parts[0]), parts[1]);
    }

    /** Uses the state up: true once; false when it was used already (or expired meanwhile). */
    boolean consume(Claims claims) {
        return sellers.consumeAuthorizationNonce(claims.seller(), claims.nonce(), clock.instant());
    }

    private byte[] sign(String payload) {
        String key = SecretSource.field(secrets.secret(keySecret), "key", keySecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
