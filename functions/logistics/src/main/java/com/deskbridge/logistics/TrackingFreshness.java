package com.deskbridge.logistics;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a tracking snapshot may be shown without asking the carrier again, per status. Carrier quotas are tiny
 * (DHL 250/day, USPS ~60/hour, functions/carriers/README.md), so we refresh only what can have changed: a delivered parcel
 * never changes; one out for delivery changes within the hour; one in transit a few times a day.
 */
public final class TrackingFreshness {

    private final Map<TrackingStatus, Duration> ttl;

    private TrackingFreshness(Map<TrackingStatus, Duration> ttl) {
        this.ttl = ttl;
    }

    /**
     * Defaults: Pending and InfoReceived 6 h (the parcel is not moving yet), InTransit 2 h, OutForDelivery 30 min,
     * AttemptFail 1 h, AvailableForPickup 4 h, Exception 2 h, Expired 24 h, Delivered never stale.
     */
    public static TrackingFreshness defaults() {
        Map<TrackingStatus, Duration> m = new EnumMap<>(TrackingStatus.class);
        m.put(TrackingStatus.PENDING, Duration.ofHours(6));
        m.put(TrackingStatus.INFO_RECEIVED, Duration.ofHours(6));
        m.put(TrackingStatus.IN_TRANSIT, Duration.ofHours(2));
        m.put(TrackingStatus.OUT_FOR_DELIVERY, Duration.ofMinutes(30));
        m.put(TrackingStatus.ATTEMPT_FAIL, Duration.ofHours(1));
        m.put(TrackingStatus.AVAILABLE_FOR_PICKUP, Duration.ofHours(4));
        m.put(TrackingStatus.EXCEPTION, Duration.ofHours(2));
        m.put(TrackingStatus.EXPIRED, Duration.ofHours(24));
        return new TrackingFreshness(m);
    }

    /** A copy with another time-to-live for one status. */
    public TrackingFreshness with(TrackingStatus status, Duration freshFor) {
        Map<TrackingStatus, Duration> m = new EnumMap<>(ttl);
        if (freshFor == null) {
            m.remove(status);
        } else {
            m.put(status, freshFor);
        }
        return new TrackingFreshness(m);
    }

    /** How long a snapshot in {@code status} stays fresh; empty means forever (Delivered). */
    public Optional<Duration> freshFor(TrackingStatus status) {
        return Optional.ofNullable(ttl.get(Objects.requireNonNull(status)));
    }

    /** When a snapshot observed at {@code observedAt} goes stale; empty means never. */
    public Optional<Instant> staleAt(TrackingStatus status, Instant observedAt) {
        return freshFor(status).map(observedAt::plus);
    }

    public boolean isFresh(TrackingStatus status, Instant observedAt, Instant now) {
        return staleAt(status, observedAt).map(now::isBefore).orElse(true);
    }

    public boolean isFresh(TrackingSnapshot snapshot, Instant now) {
        return isFresh(snapshot.status(), snapshot.observedAt(), now);
    }
}
