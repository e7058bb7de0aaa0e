package com.deskbridge.enrichment;

import com.deskbridge.logistics.TrackingFreshness;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link TrackingCacheContract} on the in-memory cache the fast service tests use. */
class InMemoryTrackingCacheTest extends TrackingCacheContract {

    private final TrackingCache cache = new InMemoryTrackingCache(clock, TrackingFreshness.defaults());
    private final AtomicInteger next = new AtomicInteger();

    @Override
    TrackingCache cache() {
        return cache;
    }

    @Override
    String number() {
        return "0034043416109" + (40000 + next.incrementAndGet());
    }
}
