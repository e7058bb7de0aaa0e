package com.deskbridge.enrichment;

import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.TrackingFreshness;
import com.deskbridge.logistics.TrackingSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The last tracking answer per parcel, shared by every ticket about it (a port: {@link DynamoDbTrackingCache} keeps it
 * in the tickets table; tests keep it in memory). Answers are reused while {@link TrackingFreshness} calls them
 * fresh, so a second ticket about the same parcel costs no carrier call; parcels that can still change are due for
 * the refresh schedule, which reads only those that are due.
 */
public interface TrackingCache {

    /** A ticket interested in a parcel. */
    record Subscriber(String sellerId, String ticketId, String orderId, String marketplaceId) {}

    /**
     * One parcel. {@code snapshot} is empty while the parcel could not be fetched yet; {@code fetchesLastDay}: our
     * fetches of the last 24 hours; {@code dueAt}: when the refresh schedule takes it up (null: never, it is final).
     *
     * @param source "carrier" or "mcf"
     */
    record Entry(Carrier carrier, String trackingNumber, String source, Optional<TrackingSnapshot> snapshot,
                 Instant lastRefreshedAt, List<Instant> fetchesLastDay, Instant dueAt, List<Subscriber> subscribers) {
        public Entry {
            fetchesLastDay = List.copyOf(fetchesLastDay);
            subscribers = List.copyOf(subscribers);
        }
    }

    /** How long an answer stays fresh. */
    TrackingFreshness freshness();

    Optional<Entry> get(Carrier carrier, String trackingNumber);

    /** Stores a fresh answer, counts the fetch and adds {@code subscriber}. */
    void put(TrackingSnapshot s, String source, Subscriber subscriber);

    /**
     * Records a parcel we could not fetch yet (quota used up), due for the refresh schedule at {@code dueAt}; keeps
     * any snapshot already cached.
     */
    void defer(Carrier carrier, String trackingNumber, String source, Subscriber subscriber, Instant dueAt);

    /** Adds a ticket to a parcel's subscribers (a cache hit for a new ticket); nothing when the parcel is unknown. */
    void subscribe(Carrier carrier, String trackingNumber, Subscriber subscriber);

    /** Moves a due parcel to {@code until} (it is being refreshed; do not pick it again meanwhile). */
    void postpone(Carrier carrier, String trackingNumber, Instant until);

    /** Parcels whose refresh is due at {@code now}, at most {@code limit}. */
    List<Entry> due(Instant now, int limit);

    /** Whether {@code entry}'s snapshot may be shown without asking again. */
    default boolean fresh(Entry entry, Instant now) {
        return entry.snapshot().map(s -> freshness().isFresh(s, now)).orElse(false);
    }

    /** When {@code s} goes stale (empty: never). */
    default Optional<Instant> freshUntil(TrackingSnapshot s) {
        return freshness().staleAt(s.status(), s.observedAt());
    }
}
