package com.deskbridge.enrichment;

import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.TrackingFreshness;
import com.deskbridge.logistics.TrackingSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A behavioural {@link TrackingCache} in memory: fresh answers, deferred parcels and the refresh schedule's due list;
 * for the module tests.
 */
final class InMemoryTrackingCache implements TrackingCache {

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Clock clock;
    private final TrackingFreshness freshness;

    InMemoryTrackingCache(Clock clock, TrackingFreshness freshness) {
        this.clock = clock;
        this.freshness = freshness;
    }

    @Override
    public TrackingFreshness freshness() {
        return freshness;
    }

    @Override
    public synchronized Optional<Entry> get(Carrier carrier, String trackingNumber) {
        return Optional.ofNullable(entries.get(carrier + "|" + trackingNumber));
    }

    @Override
    public synchronized void put(TrackingSnapshot s, String source, Subscriber subscriber) {
        Instant now = clock.instant();
        Optional<Entry> old = get(s.carrier(), s.trackingNumber());
        List<Instant> fetches = new ArrayList<>(old.map(Entry::fetchesLastDay).orElse(List.of()).stream()
                .filter(t -> t.isAfter(now.minus(Duration.ofDays(1)))).toList());
        fetches.add(now);
        Instant dueAt = s.status().terminal() ? null : freshness.staleAt(s.status(), s.observedAt()).orElse(null);
        entries.put(s.carrier() + "|" + s.trackingNumber(), new Entry(s.carrier(), s.trackingNumber(), source,
                Optional.of(s), now, fetches, dueAt, with(old, subscriber)));
    }

    @Override
    public synchronized void defer(Carrier carrier, String trackingNumber, String source, Subscriber subscriber, Instant dueAt) {
        Optional<Entry> old = get(carrier, trackingNumber);
        entries.put(carrier + "|" + trackingNumber, new Entry(carrier, trackingNumber, source,
                old.flatMap(Entry::snapshot), old.map(Entry::lastRefreshedAt).orElse(null),
                old.map(Entry::fetchesLastDay).orElse(List.of()), dueAt, with(old, subscriber)));
    }

    @Override
    public synchronized void subscribe(Carrier carrier, String trackingNumber, Subscriber subscriber) {
        get(carrier, trackingNumber).ifPresent(e -> entries.put(carrier + "|" + trackingNumber, new Entry(e.carrier(),
                e.trackingNumber(), e.source(), e.snapshot(), e.lastRefreshedAt(), e.fetchesLastDay(), e.dueAt(),
                with(Optional.of(e), subscriber))));
    }

    @Override
    public synchronized void postpone(Carrier carrier, String trackingNumber, Instant until) {
        get(carrier, trackingNumber).filter(e -> e.dueAt() != null).ifPresent(e -> entries.put(carrier + "|" + trackingNumber,
                new Entry(e.carrier(), e.trackingNumber(), e.source(), e.snapshot(), e.lastRefreshedAt(),
                        e.fetchesLastDay(), until, e.subscribers())));
    }

    @Override
    public synchronized List<Entry> due(Instant now, int limit) {
        return entries.values().stream().filter(e -> e.dueAt() != null && !e.dueAt().isAfter(now))
                .sorted(Comparator.comparing(Entry::dueAt)).limit(limit).toList();
    }

    private static List<Subscriber> with(Optional<Entry> old, Subscriber subscriber) {
        List<Subscriber> subscribers = new ArrayList<>(old.map(Entry::subscribers).orElse(List.of()));
        if (!subscribers.contains(subscriber)) {
            subscribers.add(subscriber);
        }
        return subscribers;
    }
}
