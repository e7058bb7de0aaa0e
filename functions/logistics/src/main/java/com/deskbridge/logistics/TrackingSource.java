package com.deskbridge.logistics;

import java.time.Duration;
import java.util.Objects;

/**
 * Port: asks a carrier (or an aggregator) where a parcel is. Implementations never throw for upstream trouble;
 * they answer {@link Unavailable} with a reason an operator can act on.
 */
public interface TrackingSource {

    TrackingResult track(Carrier carrier, String trackingNumber);

    /**
     * This source as used on behalf of one seller: a source that holds per-seller budgets (a shared carrier quota)
     * counts the look-ups against that seller's share; by default the same source.
     */
    default TrackingSource forSeller(String sellerId) {
        return this;
    }

    /** The three answers a tracking lookup can give. */
    sealed interface TrackingResult permits Found, NotFound, Unavailable {}

    record Found(TrackingSnapshot snapshot) implements TrackingResult {
        public Found {
            Objects.requireNonNull(snapshot, "snapshot");
        }
    }

    /** The carrier does not know the number (yet: new shipments can take 10–30 minutes to appear, https://support-developer.dhl.com/support/solutions/folders/47000779436/page/2). */
    record NotFound(Carrier carrier, String trackingNumber) implements TrackingResult {}

    /**
     * No answer now: quota used up, credentials rejected, upstream failing. {@code retryAfter} is when trying
     * again makes sense, or null when unknown. {@code reason} never contains credentials.
     */
    record Unavailable(String reason, Duration retryAfter) implements TrackingResult {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
