package com.deskbridge.enrichment;

import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.logistics.TrackingUpstream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * What a ticket's first enrichment readies at the carriers while the seller's order is read (the parcels, and so their
 * carriers, are known only when it returns): which account each carrier is reached through for this seller
 * ({@link TrackingSource#prepare}), and every carrier's credential ({@link TrackingSource#readyCredentials}, one carrier
 * per look-up thread), so that the first parcel at a carrier in a container finds its OAuth token fetched instead of
 * fetching it after the order (UPS: a token round trip, then the tracking one). Nothing is fetched twice: a look-up that
 * needs a token being fetched waits for that fetch, and concurrent reads of one secret are one read.
 */
final class CarrierPreparation {
    /** Nothing readied (a ticket enriched before, whose seller's carriers the container has used already). */
    static final CarrierPreparation NONE = new CarrierPreparation(null, List.of());

    private final Future<Object> accounts;
    private final List<Future<Object>> credentials;

    private CarrierPreparation(Future<Object> accounts, List<Future<Object>> credentials) {
        this.accounts = accounts;
        this.credentials = credentials;
    }

    /** Starts readying {@code carriers} for {@code sellerId} on the look-up pool ({@link ParallelLookups}). */
    static CarrierPreparation start(TrackingSource carriers, String sellerId) {
        Future<Object> accounts = ParallelLookups.start(() -> {
            carriers.prepare(sellerId);
            return null;
        });
        List<Future<Object>> credentials = new ArrayList<>();
        for (TrackingUpstream upstream : TrackingUpstream.values()) {
            credentials.add(ParallelLookups.start(() -> {
                carriers.readyCredentials(sellerId, upstream);
                return null;
            }));
        }
        return new CarrierPreparation(accounts, credentials);
    }

    /** Waits until the seller's accounts are known (before the parcels are looked up); never fails. */
    void awaitAccounts() {
        if (accounts != null) {
            ParallelLookups.join(accounts);
        }
    }

    /**
     * Waits for the credentials being readied (when the enrichment ends: nothing it started runs on after the
     * invocation, while Lambda freezes the container); never fails. Usually done by then: reading the order and the
     * parcels takes longer than a token round trip.
     */
    void awaitCredentials() {
        credentials.forEach(ParallelLookups::join);
    }
}
