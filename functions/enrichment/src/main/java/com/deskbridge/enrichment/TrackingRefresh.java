package com.deskbridge.enrichment;

import com.deskbridge.logistics.RefreshPlanner;
import com.deskbridge.logistics.TrackingStatus;
import com.deskbridge.logistics.TrackingUpstream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refresh schedule's work: reads the parcels whose cached tracking is due (the sparse refresh index of
 * {@link TrackingCache}, so the cost grows with parcels in transit, not with tickets), lets {@link RefreshPlanner}
 * pick those that fit in each carrier's remaining shared budget (and DHL's per-shipment limit), and queues a
 * SCHEDULED_REFRESH per interested ticket: the first immediately, the others {@link #FOLLOWERS_DELAY} later so they
 * find the fresh answer in the cache instead of calling the carrier again. A queued parcel's index entry moves
 * {@link #LEASE} ahead, so the next run does not queue it twice while it is being fetched.
 * MCF parcels are tracked through SP-API, not a carrier budget; at most {@link #MCF_PER_RUN} are queued per run.
 */
public final class TrackingRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingRefresh.class);
    static final Duration FOLLOWERS_DELAY = Duration.ofSeconds(30);
    static final Duration LEASE = Duration.ofMinutes(10);
    static final int MCF_PER_RUN = 25;
    static final int READ_LIMIT = 1000;

    private final TrackingCache cache;
    private final SharedCarrierQuotas quotas;
    private final RefreshPlanner planner;
    private final EnrichmentQueue queue;
    private final Clock clock;

    public TrackingRefresh(TrackingCache cache, SharedCarrierQuotas quotas, RefreshPlanner planner, EnrichmentQueue queue,
                           Clock clock) {
        this.cache = Objects.requireNonNull(cache);
        this.quotas = Objects.requireNonNull(quotas);
        this.planner = Objects.requireNonNull(planner);
        this.queue = Objects.requireNonNull(queue);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What one run did. */
    public record Report(int due, int planned, int requestsQueued) {}

    /**
     * SnapStart priming: the run's reads and planning without its sends - the entries due before 1970 (none), the
     * budgets left, a plan for nothing. Nothing is queued or changed.
     */
    public void prime() {
        List<TrackingCache.Entry> due = cache.due(Instant.EPOCH, READ_LIMIT);
        if (!due.isEmpty()) {
            throw new IllegalStateException("tracking entries due before 1970");
        }
        planner.plan(List.of(), quotas.remainingBudgets(), clock.instant());
    }

    public Report run() {
        Instant now = clock.instant();
        List<TrackingCache.Entry> due = cache.due(now, READ_LIMIT);
        Map<String, TrackingCache.Entry> byKey = new HashMap<>();
        List<RefreshPlanner.Candidate> candidates = new ArrayList<>();
        List<TrackingCache.Entry> chosen = new ArrayList<>();
        int mcf = 0;
        for (TrackingCache.Entry e : due) {
            if ("mcf".equals(e.source())) {
                if (mcf++ < MCF_PER_RUN) {
                    chosen.add(e);
                }
                continue;
            }
            TrackingStatus status = e.snapshot().map(s -> s.status()).orElse(TrackingStatus.PENDING);
            candidates.add(new RefreshPlanner.Candidate(e.carrier(), e.trackingNumber(), status, e.lastRefreshedAt(),
                    e.fetchesLastDay().size()));
            byKey.put(e.carrier() + "|" + e.trackingNumber(), e);
        }
        Map<TrackingUpstream, Integer> remaining = quotas.remainingBudgets();
        for (RefreshPlanner.Candidate c : planner.plan(candidates, remaining, now)) {
            chosen.add(byKey.get(c.carrier() + "|" + c.trackingNumber()));
        }
        int queued = 0;
        for (TrackingCache.Entry e : chosen) {
            for (int i = 0; i < e.subscribers().size(); i++) {
                TrackingCache.Subscriber s = e.subscribers().get(i);
                queue.send(new EnrichmentRequest(s.sellerId(), s.ticketId(), s.orderId(), s.marketplaceId(),
                        EnrichmentRequest.Reason.SCHEDULED_REFRESH), i == 0 ? Duration.ZERO : FOLLOWERS_DELAY);
                queued++;
            }
            cache.postpone(e.carrier(), e.trackingNumber(), now.plus(LEASE));
        }
        LOG.info("tracking refresh: due={} planned={} requestsQueued={} remaining={}", due.size(), chosen.size(), queued, remaining);
        return new Report(due.size(), chosen.size(), queued);
    }
}
