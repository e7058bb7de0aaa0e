package com.deskbridge.intake;

import java.time.Instant;

/** How many intake messages each seller has had in the current window, shared by every container. */
public interface TenantShares {

    /**
     * Counts {@code wanted} more messages of {@code seller} in the window that starts at {@code windowStart}.
     *
     * @return how many of them fit the seller's {@code share} of that window (0 to {@code wanted})
     */
    int admit(String seller, int wanted, int share, Instant windowStart);
}
