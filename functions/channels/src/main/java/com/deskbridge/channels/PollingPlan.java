package com.deskbridge.channels;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a channel without push notifications for buyer messages can be polled within its daily call limit. The
 * limit is the application's (eBay counts calls per application and day), shared by every seller the application
 * serves, so each seller gets {@code dailyLimit × share / sellers} calls a day; a poll costs one listing call plus one
 * call per conversation with news. The interval is the day divided by the polls that budget allows, never shorter than
 * {@code minimum} (no point asking more often than buyers write) nor longer than {@code maximum} (a buyer should not
 * wait longer than that for the first sight of a message).
 *
 * @param dailyLimit the channel's calls per day for the application
 * @param share      the fraction of the limit message polling may use (the rest is for orders, replies, actions)
 */
public record PollingPlan(long dailyLimit, double share, Duration minimum, Duration maximum) {

    public PollingPlan {
        if (dailyLimit < 1 || share <= 0 || share > 1) {
            throw new IllegalArgumentException("a polling plan needs a positive daily limit and a share in (0, 1]");
        }
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        if (minimum.isNegative() || maximum.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("minimum must be at most maximum");
        }
    }

    /**
     * @param sellers              sellers served by the application (at least 1)
     * @param expectedCallsPerPoll recent average of calls per poll (at least 1: the listing call)
     */
    public Duration interval(int sellers, double expectedCallsPerPoll) {
        double perSellerPerDay = dailyLimit * share / Math.max(1, sellers);
        double pollsPerDay = perSellerPerDay / Math.max(1.0, expectedCallsPerPoll);
        if (pollsPerDay < 1e-9) {
            return maximum;
        }
        long millis = (long) Math.ceil(Duration.ofDays(1).toMillis() / pollsPerDay);
        Duration d = Duration.ofMillis(millis);
        if (d.compareTo(minimum) < 0) {
            return minimum;
        }
        return d.compareTo(maximum) > 0 ? maximum : d;
    }

    /** True when {@code sellers} can all be polled at least every {@code maximum} within the limit. */
    public boolean fits(int sellers, double expectedCallsPerPoll) {
        double pollsPerDay = dailyLimit * share / Math.max(1, sellers) / Math.max(1.0, expectedCallsPerPoll);
        return pollsPerDay * maximum.toMillis() >= Duration.ofDays(1).toMillis();
    }
}
