package com.deskbridge.api;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.http.Quota;
import java.time.Duration;
import java.util.Objects;

/**
 * Per-agent and per-tenant request limits on the routes that move money, change settings or call carriers (issue 12,
 * "Rate limits"): fixed one-minute windows counted for every container ({@code counter}: DynamoDB counters like the
 * carrier quotas in production). API Gateway's route throttling bounds the whole API; these bound one agent and one
 * seller, so one tenant cannot use up what the others share. Over a limit the request is refused with 429
 * {@code rate-limited} and Retry-After, before anything is read or written.
 */
final class ApiLimits {

    /** What is limited: requests per minute for one agent and for one seller. */
    enum Kind {
        /** Refunds, cancellations, approvals and rejections. */
        MONEY("refund or cancellation requests", 30, 120),
        /** Settings writes. */
        SETTINGS("settings changes", 20, 60),
        /** Tracking refreshes (each may call a carrier). */
        TRACKING("tracking refreshes", 30, 120);

        final String what;
        final int perAgent;
        final int perSeller;

        Kind(String what, int perAgent, int perSeller) {
            this.what = what;
            this.perAgent = perAgent;
            this.perSeller = perSeller;
        }
    }

    /** Takes one permit of the named counter ({@code permits} per {@code period}). */
    @FunctionalInterface
    interface Counter {
        Quota.Decision take(String name, int permits, Duration period);
    }

    /** No limits (module tests of other routes). */
    static final ApiLimits NONE = new ApiLimits((name, permits, period) -> Quota.GRANTED);

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final Counter counter;

    ApiLimits(Counter counter) {
        this.counter = Objects.requireNonNull(counter);
    }

    /** @throws RateLimitedException when the agent or its seller is over the limit of {@code kind} */
    void check(Kind kind, SellerId seller, String agent) {
        String base = "api#" + kind.name().toLowerCase(java.util.Locale.ROOT) + "#" + seller.value();
        if (counter.take(base + "#agent#" + agent, kind.perAgent, WINDOW) instanceof Quota.Denied d) {
            throw new RateLimitedException("agent " + agent + " made more than " + kind.perAgent + " " + kind.what
                    + " within a minute", d.retryAfter());
        }
        if (counter.take(base, kind.perSeller, WINDOW) instanceof Quota.Denied d) {
            throw new RateLimitedException("this seller's agents made more than " + kind.perSeller + " " + kind.what
                    + " within a minute", d.retryAfter());
        }
    }

    /** A request over a limit: 429 with Retry-After (whole seconds, at least 1). */
    static final class RateLimitedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Duration retryAfter;

        RateLimitedException(String detail, Duration retryAfter) {
            super(detail);
            this.retryAfter = retryAfter;
        }
    }
}
