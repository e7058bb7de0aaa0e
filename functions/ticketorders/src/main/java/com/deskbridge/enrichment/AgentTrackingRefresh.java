package com.deskbridge.enrichment;

import com.deskbridge.enrichment.TicketEnrichment.ShipmentView;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.TrackingUpstream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /tickets/{id}/tracking/refresh}: the agent asks for fresh tracking. Carrier quotas are tiny (DHL 250 a
 * day), so the answer comes from the cache while every parcel is fresh, and says so ({@code fromCache},
 * {@code freshUntil}); otherwise a refresh is queued if the shared quota still has calls for the parcels' carriers,
 * and if not the answer says when the quota allows the next call. The refresh itself runs asynchronously (the
 * ticket's enrichment state shows its progress).
 */
public final class AgentTrackingRefresh {

    private final TicketEnrichmentStore store;
    private final TrackingCache cache;
    private final SharedCarrierQuotas quotas;
    private final EnrichmentQueue queue;
    private final Clock clock;

    public AgentTrackingRefresh(TicketEnrichmentStore store, TrackingCache cache, SharedCarrierQuotas quotas,
                                EnrichmentQueue queue, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.cache = Objects.requireNonNull(cache);
        this.quotas = Objects.requireNonNull(quotas);
        this.queue = Objects.requireNonNull(queue);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * What the API function needs (no SP-API or carrier clients): the tickets table, the enrichment queue, the
     * documented carrier budgets and the default freshness windows.
     */
    public static AgentTrackingRefresh create(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table,
                                              software.amazon.awssdk.services.sqs.SqsClient sqs, String enrichmentQueueUrl,
                                              Clock clock) {
        return new AgentTrackingRefresh(new DynamoDbTicketEnrichmentStore(dynamo, table),
                new DynamoDbTrackingCache(dynamo, table, clock, com.deskbridge.logistics.TrackingFreshness.defaults()),
                new SharedCarrierQuotas(new com.deskbridge.quota.DynamoDbQuotaCounters(dynamo, table), clock, com.deskbridge.logistics.CarrierBudgets.documented()),
                EnrichmentQueue.sqs(sqs, enrichmentQueueUrl), clock);
    }

    public enum Outcome {
        /** Every parcel is fresh: nothing asked, the ticket already shows the answer. */
        FROM_CACHE,
        /** A refresh was queued. */
        QUEUED,
        /** The carriers' quotas are used up; {@code nextCallAt} says when a call is possible again. */
        QUOTA_EXHAUSTED,
        /** The ticket has no order or its order has nothing to track (FBA, not shipped); {@code message} says why. */
        NOTHING_TO_TRACK,
        NO_TICKET
    }

    /**
     * The answer for the API. {@code freshUntil}: when the cached answer goes stale (null: never, e.g. delivered);
     * {@code nextCallAt}: when the quota allows the next carrier call (QUOTA_EXHAUSTED only).
     */
    public record Result(Outcome outcome, boolean fromCache, Instant freshUntil, Instant nextCallAt, String message) {}

    public Result refresh(String sellerId, String ticketId) {
        Instant now = clock.instant();
        Optional<TicketEnrichmentStore.Current> found = store.current(sellerId, ticketId);
        if (found.isEmpty()) {
            return new Result(Outcome.NO_TICKET, false, null, null, "ticket not found");
        }
        TicketEnrichmentStore.Current cur = found.get();
        TicketEnrichment e = cur.enrichment();
        String orderId = e != null && e.orderId() != null ? e.orderId() : cur.orderId();
        String marketplaceId = e != null && e.marketplaceId() != null ? e.marketplaceId() : cur.marketplaceId();
        if (orderId == null) {
            return new Result(Outcome.NOTHING_TO_TRACK, false, null, null, "the ticket has no order id yet");
        }
        if (e == null || e.order() == null) {
            queue.send(new EnrichmentRequest(sellerId, ticketId, orderId, marketplaceId, EnrichmentRequest.Reason.AGENT_REFRESH), Duration.ZERO);
            return new Result(Outcome.QUEUED, false, null, null, "reading order and tracking");
        }
        if (e.shipments().isEmpty()) {
            return new Result(Outcome.NOTHING_TO_TRACK, false, null, null,
                    e.trackingNote() == null ? "no parcel to track" : e.trackingNote());
        }
        List<Instant> freshUntil = new ArrayList<>();
        Set<TrackingUpstream> staleUpstreams = EnumSet.noneOf(TrackingUpstream.class);
        boolean staleMcf = false;
        for (ShipmentView s : e.shipments()) {
            Carrier carrier = Carrier.valueOf(s.carrier());
            Optional<TrackingCache.Entry> entry = cache.get(carrier, s.trackingNumber());
            if (entry.isPresent() && cache.fresh(entry.get(), now)) {
                cache.freshUntil(entry.get().snapshot().get()).ifPresent(freshUntil::add);
            } else if ("mcf".equals(s.source())) {
                staleMcf = true;
            } else {
                staleUpstreams.add(carrier.upstream());
            }
        }
        if (staleUpstreams.isEmpty() && !staleMcf) {
            Instant until = freshUntil.stream().min(Comparator.naturalOrder()).orElse(null);
            return new Result(Outcome.FROM_CACHE, true, until, null, until == null
                    ? "tracking is final (delivered); shown from cache"
                    : "tracking is fresh until " + until + "; shown from cache without asking the carrier");
        }
        boolean callable = staleMcf || staleUpstreams.stream().anyMatch(u -> quotas.remaining(u) > 0);
        if (!callable) {
            Instant next = staleUpstreams.stream().map(quotas::nextWindow).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            return new Result(Outcome.QUOTA_EXHAUSTED, true, null, next,
                    "carrier quota used up; showing the last known status; next call possible " + (next == null ? "soon" : "at " + next));
        }
        queue.send(new EnrichmentRequest(sellerId, ticketId, orderId, marketplaceId, EnrichmentRequest.Reason.AGENT_REFRESH), Duration.ZERO);
        return new Result(Outcome.QUEUED, false, null, null, "refresh queued; the ticket updates when the carrier answers");
    }
}
