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

    /**
     * Readies look-ups on behalf of {@code sellerId} before its parcels are known: called while the seller's order is
     * being read, on another thread, so that a source that must first find out which account the seller's look-ups go
     * through (a seller's own carrier credentials, or the stack's) has found out when the parcels arrive, instead of
     * asking then. Reads only what the look-ups would read anyway, and only once; never throws (whatever it could not
     * find out is asked again at the look-up). By default nothing.
     */
    default void prepare(String sellerId) {
    }

    /**
     * Readies the credential look-ups of {@code upstream} on behalf of {@code sellerId} need (an OAuth token, an API
     * key), unless the source has it cached: called with {@link #prepare} while the seller's order is read, one
     * upstream per thread, so that the first parcel at a carrier in a container does not wait for the carrier's token
     * after the order. Which carriers the order uses is not known then, so this may fetch the token of a carrier the
     * order does not use: once per account, token lifetime and container. Never throws (a credential not readied is
     * asked for by the look-up). By default nothing.
     */
    default void readyCredentials(String sellerId, TrackingUpstream upstream) {
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
