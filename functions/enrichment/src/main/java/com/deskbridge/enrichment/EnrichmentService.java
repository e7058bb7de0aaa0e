package com.deskbridge.enrichment;

import com.deskbridge.enrichment.TicketEnrichment.OrderView;
import com.deskbridge.enrichment.TicketEnrichment.ShipmentView;
import com.deskbridge.http.UpstreamException;
import com.deskbridge.logistics.EvidenceLog;
import com.deskbridge.logistics.OrderSummary;
import com.deskbridge.logistics.TrackingSource;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a ticket's order and tracking context up to date (issue 4): reads the order through SP-API, decides where
 * its tracking comes from (functions/spapi/README.md, Sources: FBM packages from the carriers, MCF from Fulfillment Outbound,
 * FBA Amazon-channel orders from the FBA shipments report, whose carrier parcels are then tracked like FBM ones and
 * whose Amazon Logistics parcels get a tracking link only), reuses cached tracking while it is fresh,
 * evaluates the proactive flags, appends evidence when the order or a parcel changed, and writes the result on the
 * ticket, publishing flag events through the ticket's outbox.
 *
 * <p>Failures are written on the ticket, never swallowed: an upstream outage leaves the ticket RETRYING with the
 * reason and asks the caller to retry ({@link Result#retry()}); a used-up carrier quota leaves it PARTIAL, saying when
 * the parcel will be fetched (the refresh schedule does it, within the budget); an FBA shipments report that ended
 * FATAL or was not ready in time leaves it PARTIAL with that reason; an unknown order leaves it FAILED.
 */
public final class EnrichmentService {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichmentService.class);

    private final AmazonOrders orders;
    private final ParcelTracking tracking;
    private final TicketEnrichmentStore store;
    private final EnrichmentEvidence evidence;
    private final LogisticsEventPublisher publisher;
    private final Clock clock;
    private final ChannelOrderSources channels;
    private final TrackingSource carriers;

    /** FBA shipments from {@code orders} (its FBA shipments report). */
    public EnrichmentService(AmazonOrders orders, TrackingSource carriers, TrackingCache cache,
                             TicketEnrichmentStore store, EvidenceLog evidence, LogisticsEventPublisher publisher,
                             Clock clock, Locale linkLocale) {
        this(orders, orders, carriers, cache, store, evidence, publisher, clock, linkLocale);
    }

    public EnrichmentService(AmazonOrders orders, FbaShipmentSource fbaShipments, TrackingSource carriers,
                             TrackingCache cache, TicketEnrichmentStore store, EvidenceLog evidence,
                             LogisticsEventPublisher publisher, Clock clock, Locale linkLocale) {
        this(orders, fbaShipments, carriers, cache, store, evidence, publisher, clock, linkLocale, ChannelOrderSources.NONE);
    }

    /**
     * {@code channels}: the orders of eBay and Shopify tickets (and e-mail tickets of a seller with a Shopify store);
     * every other ticket's order is read from {@code orders} (SP-API).
     */
    public EnrichmentService(AmazonOrders orders, FbaShipmentSource fbaShipments, TrackingSource carriers,
                             TrackingCache cache, TicketEnrichmentStore store, EvidenceLog evidence,
                             LogisticsEventPublisher publisher, Clock clock, Locale linkLocale,
                             ChannelOrderSources channels) {
        this.channels = Objects.requireNonNull(channels);
        this.orders = Objects.requireNonNull(orders);
        this.carriers = Objects.requireNonNull(carriers);
        this.tracking = new ParcelTracking(orders, fbaShipments, carriers, cache, clock, linkLocale);
        this.store = Objects.requireNonNull(store);
        this.evidence = new EnrichmentEvidence(evidence);
        this.publisher = Objects.requireNonNull(publisher);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * What a run did. {@code retry}: the message should be delivered again (an upstream was down, or flag events
     * could not be published); {@code carrierCalls}: tracking look-ups made (cache misses).
     */
    public record Result(EnrichmentState state, String detail, boolean retry, int carrierCalls, boolean ticketFound) {}


    public Result enrich(EnrichmentRequest r) {
        Instant now = clock.instant();
        Optional<TicketEnrichmentStore.Current> current = store.current(r.sellerId(), r.ticketId());
        if (current.isEmpty()) {
            LOG.warn("enrichment ticketId={} skipped: ticket not found", r.ticketId());
            return new Result(EnrichmentState.FAILED, "ticket not found", false, 0, false);
        }
        if (r.reason() == EnrichmentRequest.Reason.LINK_ORDER) {
            return linkOrder(r, current.get());
        }
        TicketEnrichment previous = current.get().enrichment();
        // a ticket's first enrichment (a buyer waits for it): the seller's carrier accounts and the carriers' credentials
        // are readied while the order is read, not after it (CarrierPreparation)
        CarrierPreparation carriersReady = previous == null ? CarrierPreparation.start(carriers, r.sellerId())
                : CarrierPreparation.NONE;
        try {
            return enrich(r, current.get(), previous, carriersReady, now);
        } finally {
            carriersReady.awaitCredentials();
        }
    }

    /** {@link #enrich(EnrichmentRequest)} of a ticket found, whose last context is {@code previous}. */
    private Result enrich(EnrichmentRequest r, TicketEnrichmentStore.Current current, TicketEnrichment previous,
                          CarrierPreparation carriersReady, Instant now) {
        // eBay and Shopify tickets read their order at that channel when the seller has an account there (issue 15);
        // the ticket's channel picks the source, then the order is read while the PENDING state is written
        // (ParallelLookups)
        String ticketChannel = current.channel();
        Optional<ChannelOrderSources.Orders> channelOrders = channels.orders(r.sellerId(), ticketChannel);
        String service = channelOrders.map(ChannelOrderSources.Orders::name).orElse("SP-API");
        Future<Optional<AmazonOrders.Lookup>> orderLookup = ParallelLookups.start(() -> channelOrders.isPresent()
                ? channelOrders.get().source().order(r.sellerId(), r.orderId()).map(o -> new AmazonOrders.Lookup(o, Optional.empty()))
                : orders.lookup(r.sellerId(), r.orderId(), r.marketplaceId()));
        if (previous == null) {
            store.write(r.sellerId(), r.ticketId(), new TicketEnrichment(EnrichmentState.PENDING,
                    "reading order and tracking", now, r.orderId(), r.marketplaceId(), null, null, List.of(), null));
        }

        Optional<AmazonOrders.Lookup> lookup;
        try {
            lookup = ParallelLookups.join(orderLookup);
        } catch (UpstreamException e) {
            return orderUnreadable(r, previous, e, service, channelOrders.isPresent());
        } catch (IllegalStateException | IllegalArgumentException e) {
            // missing seller credentials, unknown marketplace: nothing a retry fixes
            String without = withoutAccount(ticketChannel);
            return writeState(r, previous, EnrichmentState.FAILED, without != null ? noAccount(without, r.orderId())
                    : "order could not be read: " + e.getMessage(), false);
        }
        if (lookup.isEmpty()) {
            // an eBay or Shopify ticket without that account was looked up as an Amazon MCF order: say what is missing
            String without = channelOrders.isPresent() ? null : withoutAccount(ticketChannel);
            return writeState(r, previous, EnrichmentState.FAILED, without != null ? noAccount(without, r.orderId())
                    : "order " + r.orderId() + " not found for this seller"
                            + (channelOrders.isPresent() ? " on " + service : ""), false);
        }
        carriersReady.awaitAccounts(); // never fails (TrackingSource.prepare); what it found out is cached
        ParcelTracking.Tracked tracked = tracking.track(r, lookup.get(), previous, now);
        OrderSummary order = lookup.get().summary();
        String orderFingerprint = EnrichmentEvidence.orderFingerprint(order, tracked.reportParcels());
        return record(r, order, tracked, orderFingerprint, previous,
                channelOrders.map(c -> c.name().toLowerCase(Locale.ROOT)).orElse("sp-api"), now);
    }

    /**
     * Appends the evidence and writes the ticket while the parcels fetched in this run are cached
     * (ParcelTracking.cacheFetched), then waits for those writes: a failed one fails the run; a failure of the evidence
     * or the ticket's write is thrown as it was, with a failed cache write suppressed in it.
     */
    private Result record(EnrichmentRequest r, OrderSummary order, ParcelTracking.Tracked tracked, String orderFingerprint,
                          TicketEnrichment previous, String orderSource, Instant now) {
        Result result;
        try {
            evidence.append(r, order, tracked, orderFingerprint, previous, orderSource);
            result = finish(r, order, tracked, orderFingerprint, now);
        } catch (RuntimeException e) {
            try {
                tracked.awaitCacheWrites();
            } catch (RuntimeException cacheWrite) {
                e.addSuppressed(cacheWrite);
            }
            throw e;
        }
        tracked.awaitCacheWrites();
        return result;
    }

    /**
     * A ticket that names no order (an e-mail or Shopify ticket, issue 15): asks the seller's store once which order
     * its first buyer message is about. Linked: the ticket learns the order id (as if the buyer had named it) and is
     * enriched as usual. Not linked: the ticket's context says why (FAILED, no retry). A ticket that already names an
     * order is enriched with it; one already enriched, or of a seller without a store, is left alone. The store
     * unavailable: RETRYING, and the request is delivered again.
     */
    private Result linkOrder(EnrichmentRequest r, TicketEnrichmentStore.Current ticket) {
        if (ticket.orderId() != null) { // learnt meanwhile (a later message, or this request's earlier delivery)
            return enrich(new EnrichmentRequest(r.sellerId(), r.ticketId(), ticket.orderId(), ticket.marketplaceId(),
                    EnrichmentRequest.Reason.ORDER_KNOWN));
        }
        Optional<ChannelOrderSources.OrderLinker> linker = channels.orders(r.sellerId(), ticket.channel())
                .map(ChannelOrderSources.Orders::linker);
        TicketEnrichment previous = ticket.enrichment();
        if (linker.isEmpty() || previous != null && previous.state() != EnrichmentState.RETRYING) {
            return new Result(previous == null ? EnrichmentState.PENDING : previous.state(),
                    linker.isEmpty() ? "no store to link the ticket's order at" : "already asked", false, 0, true);
        }
        Optional<TicketEnrichmentStore.BuyerMessage> message = store.firstBuyerMessage(r.sellerId(), r.ticketId());
        if (message.isEmpty()) {
            return new Result(EnrichmentState.FAILED, "no buyer message on the ticket", false, 0, true);
        }
        ChannelOrderSources.Link link;
        try {
            link = linker.get().link(r.sellerId(), message.get().subject(), message.get().body(),
                    message.get().senderAddress());
        } catch (RuntimeException e) { // the store could not be asked: retried like an unreadable order
            String detail = "could not look for the order at the store (" + e.getMessage() + "), retrying";
            return writeState(r, previous, EnrichmentState.RETRYING, detail, true);
        }
        if (link.orderId().isEmpty()) {
            return writeState(r, previous, EnrichmentState.FAILED, "no order linked: " + link.reason(), false);
        }
        Optional<String> learnt = store.learnOrder(r.sellerId(), r.ticketId(), link.orderId().get());
        if (learnt.isEmpty()) {
            return new Result(EnrichmentState.FAILED, "ticket not found", false, 0, false);
        }
        LOG.info("enrichment ticketId={} linked to its order at the store", r.ticketId());
        return enrich(new EnrichmentRequest(r.sellerId(), r.ticketId(), learnt.get(), ticket.marketplaceId(),
                EnrichmentRequest.Reason.ORDER_KNOWN));
    }

    /** Publishes the ticket's outbox; false when the bus refused (the events stay for the next run). */
    public boolean publishPending(String sellerId, String ticketId) {
        List<LogisticsEvent> pending = store.pendingEvents(sellerId, ticketId);
        if (pending.isEmpty()) {
            return true;
        }
        try {
            publisher.publish(pending);
        } catch (RuntimeException e) {
            LOG.warn("enrichment ticketId={} {} flag event(s) not published, kept in the outbox: {}", ticketId,
                    pending.size(), e.toString());
            return false;
        }
        store.clearPublished(sellerId, ticketId, pending.stream().map(LogisticsEvent::eventId).collect(Collectors.toSet()));
        return true;
    }

    /**
     * The queue gave up on a request: a ticket still PENDING or RETRYING shows FAILED with the last reason. A ticket
     * that reached another state keeps it.
     */
    public void giveUp(EnrichmentRequest r, String reason) {
        Instant now = clock.instant();
        store.current(r.sellerId(), r.ticketId()).ifPresent(cur -> {
            TicketEnrichment e = cur.enrichment();
            if (e == null || e.state() == EnrichmentState.PENDING || e.state() == EnrichmentState.RETRYING) {
                String last = e == null || e.detail().isBlank() ? reason : e.detail();
                String detail = "gave up after repeated failures: " + last.replaceAll(", retrying$", "");
                store.write(r.sellerId(), r.ticketId(), e == null
                        ? new TicketEnrichment(EnrichmentState.FAILED, detail, now, r.orderId(), r.marketplaceId(), null,
                        null, List.of(), null)
                        : e.withState(EnrichmentState.FAILED, detail, now));
            }
        });
    }

    /** The order service failed: the ticket shows why (RETRYING when a retry may help), or a refresh is skipped. */
    private Result orderUnreadable(EnrichmentRequest r, TicketEnrichment previous, UpstreamException e, String service,
                                   boolean channel) {
        boolean again = e.transientFailure();
        String what = e.status() == 0 ? "no response" : "HTTP " + e.status();
        if (again && r.reason() == EnrichmentRequest.Reason.SCHEDULED_REFRESH && previous != null && previous.order() != null) {
            // a background refresh of a ticket that already shows its order: the schedule tries again after the
            // parcel's lease; the agent's view is not turned into an error for it
            LOG.warn("enrichment ticketId={} scheduled refresh skipped: {} unavailable ({})", r.ticketId(), service, what);
            return new Result(previous.state(), previous.detail(), false, 0, true);
        }
        String detail;
        if (e instanceof com.deskbridge.spapi.LwaAuthException lwa && lwa.reauthorisationNeeded()) {
            detail = "the seller's SP-API authorisation was revoked or expired; the seller must authorise Deskbridge again";
        } else if (channel && (e.status() == 401 || e.status() == 403)) {
            detail = service + " refused the seller's stored authorisation (" + what + "); the seller must connect "
                    + service + " again";
        } else {
            detail = again ? "order service (" + service + ") unavailable (" + what + "), retrying"
                    : "order could not be read from " + service + " (" + what + ")";
        }
        return writeState(r, previous, again ? EnrichmentState.RETRYING : EnrichmentState.FAILED, detail, again);
    }

    /** Writes the ticket's new context (COMPLETE, PARTIAL or RETRYING from the parcels' issues) and publishes its flags. */
    private Result finish(EnrichmentRequest r, OrderSummary order, ParcelTracking.Tracked tracked, String orderFingerprint,
                          Instant now) {
        List<ParcelTracking.Issue> issues = tracked.issues();
        List<ShipmentView> shipments = tracked.shipments();
        EnrichmentState state;
        String detail;
        boolean retry = issues.stream().anyMatch(ParcelTracking.Issue::transientFailure);
        if (retry) {
            state = EnrichmentState.RETRYING;
            detail = join(issues) + ", retrying";
        } else if (!issues.isEmpty()) {
            state = EnrichmentState.PARTIAL;
            detail = join(issues);
        } else {
            state = EnrichmentState.COMPLETE;
            detail = shipments.isEmpty() ? "order loaded" : "order and tracking loaded";
        }
        TicketEnrichment next = new TicketEnrichment(state, detail, now, order.orderId(), order.marketplaceId(),
                OrderView.of(order), tracked.note(), shipments, orderFingerprint);
        TicketEnrichmentStore.WriteResult written = store.write(r.sellerId(), r.ticketId(), next);
        if (written.outcome() == TicketEnrichmentStore.Outcome.NO_TICKET) {
            return new Result(state, "ticket not found", false, tracked.carrierCalls(), false);
        }
        if (written.outcome() == TicketEnrichmentStore.Outcome.STALE) {
            LOG.info("enrichment ticketId={} result from {} is older than the ticket's; not written", r.ticketId(), now);
        }
        boolean published = written.outboxSize() == 0 || publishPending(r.sellerId(), r.ticketId());
        LOG.info("enrichment ticketId={} orderId={} state={} shipments={} carrierCalls={} reason={}", r.ticketId(),
                order.orderId(), state, shipments.size(), tracked.carrierCalls(), r.reason());
        return new Result(state, detail, retry || !published, tracked.carrierCalls(), true);
    }

    private Result writeState(EnrichmentRequest r, TicketEnrichment previous, EnrichmentState state, String detail,
                              boolean retry) {
        Instant now = clock.instant();
        TicketEnrichment next = previous == null
                ? new TicketEnrichment(state, detail, now, r.orderId(), r.marketplaceId(), null, null, List.of(), null)
                : previous.withState(state, detail, now);
        TicketEnrichmentStore.WriteResult w = store.write(r.sellerId(), r.ticketId(), next);
        LOG.info("enrichment ticketId={} state={} detail={}", r.ticketId(), state, detail);
        return new Result(state, detail, retry, 0, w.outcome() != TicketEnrichmentStore.Outcome.NO_TICKET);
    }


    /** The channel whose account an eBay or Shopify ticket's order needs, as an agent reads it; null for the others. */
    private static String withoutAccount(String ticketChannel) {
        if ("ebay".equals(ticketChannel)) {
            return "eBay";
        }
        return "shopify".equals(ticketChannel) ? "Shopify" : null;
    }

    private static String noAccount(String channel, String orderId) {
        return "the seller has no " + channel + " account connected to Deskbridge, so " + channel + " order " + orderId
                + " cannot be read (and it is no Amazon Multi-Channel Fulfillment order of theirs); connect " + channel
                + " to see the order";
    }

    private static String join(List<ParcelTracking.Issue> issues) {
        Set<String> seen = new HashSet<>();
        return issues.stream().map(ParcelTracking.Issue::text).filter(seen::add).collect(Collectors.joining("; "));
    }
}
