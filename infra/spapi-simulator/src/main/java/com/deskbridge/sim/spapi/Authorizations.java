package com.deskbridge.sim.spapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated Seller Central side of SP-API's website authorization workflow
 * (https://developer-docs.amazon.com/sp-api/docs/website-authorization-workflow): the consent page hands the
 * application an {@code spapi_oauth_code} for the signed-in selling partner, which Login with Amazon exchanges once,
 * within five minutes, for a refresh token ({@code grant_type=authorization_code}); the new refresh token then works
 * for that selling partner's SP-API calls like a fixture credential.
 */
final class Authorizations {
    /** Amazon: "The spapi_oauth_code expires after five minutes." (website authorization workflow, step 6). */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    private record Code(String sellingPartnerId, String redirectUri, Instant expires) {
    }

    /** What an exchange gave: a refresh token for a selling partner, or LWA's error. */
    record Exchange(String sellingPartnerId, String refreshToken, String error, String description) {
        boolean ok() {
            return error == null;
        }
    }

    private final SimWorld world;
    private final Clock clock;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();

    Authorizations(SimWorld world, Clock clock) {
        this.world = world;
        this.clock = clock;
    }

    /** A new code for {@code sellingPartnerId}, bound to the redirect URI it is sent to. */
    String issue(String sellingPartnerId, String redirectUri) {
        String code = "ANsim" + UUID.randomUUID().toString().replace("-", "");
        codes.put(code, new Code(sellingPartnerId, redirectUri, clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /**
     * Exchanges a code once: unknown, used or expired codes and a redirect URI other than the one the code was sent to
     * are LWA's {@code invalid_grant}.
     */
    Exchange exchange(String code, String redirectUri) {
        Code issued = code == null ? null : codes.remove(code);
        if (issued == null || !clock.instant().isBefore(issued.expires())) {
            return new Exchange(null, null, "invalid_grant", "The authorization code is invalid, used or expired");
        }
        if (redirectUri != null && !redirectUri.equals(issued.redirectUri())) {
            return new Exchange(null, null, "invalid_grant", "redirect_uri does not match the authorization request");
        }
        String refreshToken = "Atzr|sim-" + UUID.randomUUID();
        world.credentials.add(new SimWorld.Credential(issued.sellingPartnerId(), world.applicationClientId,
                world.applicationClientSecret, refreshToken));
        return new Exchange(issued.sellingPartnerId(), refreshToken, null, null);
    }

    Optional<String> sellerOfRefreshToken(String clientId, String refreshToken) {
        return world.credentials.stream().filter(c -> c.clientId().equals(clientId) && c.refreshToken().equals(refreshToken))
                .map(SimWorld.Credential::sellerId).findFirst();
    }
}
