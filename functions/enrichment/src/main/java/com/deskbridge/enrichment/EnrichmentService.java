package com.deskbridge.enrichment;

import com.deskbridge.enrichment.TicketEnrichment.OrderView;
import com.deskbridge.enrichment.TicketEnrichment.ShipmentView;
import com.deskbridge.http.UpstreamException;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.logistics.OrderStatus;
import com.deskbridge.logistics.OrderSummary;
import com.deskbridge.logistics.ProactiveFlag;
import com.deskbridge.logistics.ProactiveFlags;
import com.deskbridge.logistics.TrackingLink;
import com.deskbridge.logistics.TrackingSnapshot;
import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.http.QuotaExhaustedException;
import com.deskbridge.spapi.FbaShipment;
import com.deskbridge.spapi.FbaShipmentsReport;
import com.deskbridge.spapi.McfFulfillmentOrder;
import com.deskbridge.spapi.McfPackageTracking;
import com.deskbridge.spapi.ReportUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.TreeMap;
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
    /** Waits longer than this are not worth an SQS retry: the parcel is left to the refresh schedule. */
    static final Duration DEFER_BEYOND = Duration.ofMinutes(5);
    static final int EVENTS_SHOWN = 5;
    /** How the carrier adapters and {@link QuotaGuardedTracking} end the reason of a refused quota permit. */
    static final String QUOTA_USED_UP = "quota used up";
    static final String FBA_NOTE = "Fulfilled by Amazon (FBA): Amazon offers no tracking API for Amazon-channel FBA "
            + "orders (only the FBA shipments report); check the order in Seller Central.";
    static final String FBA_REPORT_NOTE = "Fulfilled by Amazon (FBA): carrier and tracking number from Amazon's FBA "
            + "shipments report (GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL, up to 30 minutes old); Orders has no "
            + "tracking API for FBA orders.";
    static final String FBA_NOT_SHIPPED_NOTE = "Fulfilled by Amazon (FBA): no shipment with a tracking number for this order "
            + "in Amazon's FBA shipments report yet (regenerated at most every 30 minutes); Orders has no tracking API "
            + "for FBA orders.";
    static final String AMAZON_LOGISTICS_NOTE = "status unknown, Amazon Logistics has no public tracking API; "
            + "the link opens Amazon's tracking page";
    /** {@code source} of parcels known only from the FBA shipments report. */
    static final String FBA_REPORT_SOURCE = "fba-report";

    private final SpApiOrderSource orders;
    private final FbaShipmentSource fbaShipments;
    private final TrackingSource carriers;
    private final TrackingCache cache;
    private final TicketEnrichmentStore store;
    private final EvidenceLog evidence;
    private final LogisticsEventPublisher publisher;
    private final Clock clock;
    private final Locale linkLocale;
    private final ChannelOrderSources channels;

    /** FBA shipments from {@code orders} (its FBA shipments report). */
    public EnrichmentService(SpApiOrderSource orders, TrackingSource carriers, TrackingCache cache,
                             TicketEnrichmentStore store, EvidenceLog evidence, LogisticsEventPublisher publisher,
                             Clock clock, Locale linkLocale) {
        this(orders, orders, carriers, cache, store, evidence, publisher, clock, linkLocale);
    }

    public EnrichmentService(SpApiOrderSource orders, FbaShipmentSource fbaShipments, TrackingSource carriers,
                             TrackingCache cache, TicketEnrichmentStore store, EvidenceLog evidence,
                             LogisticsEventPublisher publisher, Clock clock, Locale linkLocale) {
        this(orders, fbaShipments, carriers, cache, store, evidence, publisher, clock, linkLocale, ChannelOrderSources.NONE);
    }

    /**
     * {@code channels}: the orders of eBay and Shopify tickets (and e-mail tickets of a seller with a Shopify store);
     * every other ticket's order is read from {@code orders} (SP-API).
     */
    public EnrichmentService(SpApiOrderSource orders, FbaShipmentSource fbaShipments, TrackingSource carriers,
                             TrackingCache cache, TicketEnrichmentStore store, EvidenceLog evidence,
                             LogisticsEventPublisher publisher, Clock clock, Locale linkLocale,
                             ChannelOrderSources channels) {
        this.channels = Objects.requireNonNull(channels);
        this.orders = Objects.requireNonNull(orders);
        this.fbaShipments = Objects.requireNonNull(fbaShipments);
        this.carriers = Objects.requireNonNull(carriers);
        this.cache = Objects.requireNonNull(cache);
        this.store = Objects.requireNonNull(store);
        this.evidence = Objects.requireNonNull(evidence);
        this.publisher = Objects.requireNonNull(publisher);
        this.clock = Objects.requireNonNull(clock);
        this.linkLocale = linkLocale == null ? Locale.US : linkLocale;
    }

    /**
     * What a run did. {@code retry}: the message should be delivered again (an upstream was down, or flag events
     * could not be published); {@code carrierCalls}: tracking look-ups made (cache misses).
     */
    public record Result(EnrichmentState state, String detail, boolean retry, int carrierCalls, boolean ticketFound) {}

    /** A problem with one parcel or the order, shown in the ticket's detail. */
    private record Issue(String text, boolean transientFailure) {}

    public Result enrich(EnrichmentRequest r) {
        Instant now = clock.instant();
        Optional<TicketEnrichmentStore.Current> current = store.current(r.sellerId(), r.ticketId());
        if (current.isEmpty()) {
            LOG.warn("enrichment ticketId={} skipped: ticket not found", r.ticketId());
            return new Result(EnrichmentState.FAILED, "ticket not found", false, 0, false);
        }
        // eBay and Shopify tickets read their order at that channel when the seller has an account there (issue 15);
        // the ticket's channel picks the source, then the order is read while the PENDING state is written
        // (ParallelLookups)
        String ticketChannel = current.get().channel();
        Optional<ChannelOrderSources.Orders> channelOrders = channels.orders(r.sellerId(), ticketChannel);
        String service = channelOrders.map(ChannelOrderSources.Orders::name).orElse("SP-API");
        Future<Optional<SpApiOrderSource.Lookup>> orderLookup = ParallelLookups.start(() -> channelOrders.isPresent()
                ? channelOrders.get().source().order(r.sellerId(), r.orderId()).map(o -> new SpApiOrderSource.Lookup(o, Optional.empty()))
                : orders.lookup(r.sellerId(), r.orderId(), r.marketplaceId()));
        TicketEnrichment previous = current.get().enrichment();
        if (previous == null) {
            store.write(r.sellerId(), r.ticketId(), new TicketEnrichment(EnrichmentState.PENDING,
                    "reading order and tracking", now, r.orderId(), r.marketplaceId(), null, null, List.of(), null),
                    current.get());
        }

        Optional<SpApiOrderSource.Lookup> lookup;
        try {
            lookup = ParallelLookups.join(orderLookup);
        } catch (UpstreamException e) {
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
            } else if (channelOrders.isPresent() && (e.status() == 401 || e.status() == 403)) {
                detail = service + " refused the seller's stored authorisation (" + what + "); the seller must connect "
                        + service + " again";
            } else {
                detail = again ? "order service (" + service + ") unavailable (" + what + "), retrying"
                        : "order could not be read from " + service + " (" + what + ")";
            }
            return writeState(r, previous, again ? EnrichmentState.RETRYING : EnrichmentState.FAILED, detail, again);
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
        OrderSummary order = lookup.get().summary();
        TrackingCache.Subscriber subscriber = new TrackingCache.Subscriber(r.sellerId(), r.ticketId(), r.orderId(),
                order.marketplaceId() == null ? r.marketplaceId() : order.marketplaceId());

        List<Issue> issues = new ArrayList<>();
        List<ShipmentView> shipments = new ArrayList<>();
        Map<String, TrackingSnapshot> observed = new HashMap<>();
        int[] calls = {0};
        String trackingNote = null;
        ProactiveFlags flagRules = new ProactiveFlags(clock);
        Instant promised = order.latestDeliveryDate();
        Map<String, ShipmentView> before = byParcel(previous);
        List<String> reportParcels = new ArrayList<>();

        if (order.channel() == FulfilmentChannel.FBA) {
            trackingNote = trackFba(r, order, subscriber, now, calls, issues, before, flagRules, promised, shipments,
                    observed, reportParcels);
        } else if (order.channel() == FulfilmentChannel.MCF) {
            Optional<McfFulfillmentOrder> mcf = lookup.get().mcf();
            if (mcf.isEmpty()) {
                trackingNote = "Multi-Channel Fulfillment order: no fulfillment order under this id, so Amazon's package "
                        + "tracking cannot be read (Fulfillment Outbound is keyed by the seller's MCF id).";
            } else {
                List<ParcelLookup> packages = new ArrayList<>();
                for (McfFulfillmentOrder.Shipment s : mcf.get().shipments()) {
                    for (McfFulfillmentOrder.Package p : s.packages()) {
                        packages.add((c, found) -> mcfParcel(r, p, subscriber, now, c, found));
                    }
                }
                for (Parcel p : lookUpAll(packages, calls, issues)) {
                    track(p, before, flagRules, promised, shipments, observed);
                }
                if (shipments.isEmpty()) {
                    trackingNote = "Amazon has not shipped this MCF order yet (" + mcf.get().rawStatus() + ").";
                }
            }
        } else {
            // one look-up per parcel, however many order lines name it
            Map<String, OrderSummary.ShippedPackage> parcels = new LinkedHashMap<>();
            order.packages().forEach(p -> parcels.putIfAbsent(p.carrier().name() + "|" + p.trackingNumber(), p));
            List<ParcelLookup> lookups = parcels.values().stream().map(p -> (ParcelLookup) (c, found) ->
                    carrierParcel(p.carrier(), p.trackingNumber(), subscriber, now, c, found)).toList();
            for (Parcel p : lookUpAll(lookups, calls, issues)) {
                track(p, before, flagRules, promised, shipments, observed);
            }
            if (shipments.isEmpty()) {
                trackingNote = order.status() == OrderStatus.UNSHIPPED || order.status() == OrderStatus.PENDING
                        ? "Not shipped yet: no package with a tracking number." : "No package with a tracking number on this order.";
            }
        }

        String orderFingerprint = orderFingerprint(order, reportParcels);
        appendEvidence(r, order, reportParcels, orderFingerprint, previous, shipments, observed, before,
                channelOrders.map(c -> c.name().toLowerCase(Locale.ROOT)).orElse("sp-api"));

        EnrichmentState state;
        String detail;
        boolean retry = issues.stream().anyMatch(Issue::transientFailure);
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
                OrderView.of(order), trackingNote, shipments, orderFingerprint);
        TicketEnrichmentStore.WriteResult written = store.write(r.sellerId(), r.ticketId(), next);
        if (written.outcome() == TicketEnrichmentStore.Outcome.NO_TICKET) {
            return new Result(state, "ticket not found", false, calls[0], false);
        }
        if (written.outcome() == TicketEnrichmentStore.Outcome.STALE) {
            LOG.info("enrichment ticketId={} result from {} is older than the ticket's; not written", r.ticketId(), now);
        }
        boolean published = written.outboxSize() == 0 || publishPending(r.sellerId(), r.ticketId());
        LOG.info("enrichment ticketId={} orderId={} state={} shipments={} carrierCalls={} reason={}", r.ticketId(),
                order.orderId(), state, shipments.size(), calls[0], r.reason());
        return new Result(state, detail, retry || !published, calls[0], true);
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

    /** One parcel's look-up, counting its upstream calls and noting its problems in what it is given. */
    @FunctionalInterface
    private interface ParcelLookup {
        Parcel lookUp(int[] calls, List<Issue> issues);
    }

    /** A parcel with the calls and problems of its own look-up. */
    private record LookedUp(Parcel parcel, int calls, List<Issue> issues) {}

    /**
     * The parcels' look-ups at the same time ({@link ParallelLookups}: each waits on its own carrier or SP-API call),
     * their results, calls and problems merged in the parcels' order.
     */
    private static List<Parcel> lookUpAll(List<ParcelLookup> lookups, int[] calls, List<Issue> issues) {
        List<java.util.concurrent.Callable<LookedUp>> tasks = new ArrayList<>();
        for (ParcelLookup lookup : lookups) {
            tasks.add(() -> {
                int[] own = {0};
                List<Issue> found = new ArrayList<>();
                Parcel p = lookup.lookUp(own, found);
                return new LookedUp(p, own[0], found);
            });
        }
        List<Parcel> parcels = new ArrayList<>();
        for (LookedUp l : ParallelLookups.all(tasks)) {
            calls[0] += l.calls();
            issues.addAll(l.issues());
            parcels.add(l.parcel());
        }
        return parcels;
    }

    /** The outcome for one parcel: a snapshot (fresh or last known) and/or a note. */
    private record Parcel(Carrier carrier, String trackingNumber, String source, TrackingSnapshot snapshot, String note,
                          boolean fromCache) {}

    private Parcel carrierParcel(Carrier carrier, String number, TrackingCache.Subscriber subscriber, Instant now,
                                 int[] calls, List<Issue> issues) {
        Optional<TrackingCache.Entry> cached = cache.get(carrier, number);
        if (cached.isPresent() && cache.fresh(cached.get(), now)) {
            cache.subscribe(carrier, number, subscriber);
            return new Parcel(carrier, number, "carrier", cached.get().snapshot().get(), null, true);
        }
        TrackingSnapshot last = cached.flatMap(TrackingCache.Entry::snapshot).orElse(null);
        TrackingSource.TrackingResult result = carriers.forSeller(subscriber.sellerId()).track(carrier, number);
        if (!(result instanceof TrackingSource.Unavailable refused && refused.reason().endsWith(QUOTA_USED_UP))) {
            calls[0]++; // a refused quota permit never reached the carrier
        }
        if (result instanceof TrackingSource.Found found) {
            cache.put(found.snapshot(), "carrier", subscriber);
            return new Parcel(carrier, number, "carrier", found.snapshot(), null, false);
        }
        if (result instanceof TrackingSource.NotFound) {
            String note = carrierName(carrier) + " does not know tracking number " + number
                    + " (yet: new parcels can take 10-30 minutes to appear)";
            issues.add(new Issue(note, false));
            return new Parcel(carrier, number, "carrier", last, note, false);
        }
        TrackingSource.Unavailable u = (TrackingSource.Unavailable) result;
        if (u.retryAfter() != null && u.retryAfter().compareTo(DEFER_BEYOND) > 0) {
            Instant at = now.plus(u.retryAfter());
            cache.defer(carrier, number, "carrier", subscriber, at);
            String note = carrierName(carrier) + " quota used up; tracking will be fetched after " + at
                    + (last == null ? "" : ", showing the last known status");
            issues.add(new Issue(note, false));
            return new Parcel(carrier, number, "carrier", last, note, false);
        }
        // the adapters say "dhl unavailable: HTTP 503" or "dhl: credentials not available (...)": keep the why
        String note = carrierName(carrier) + " unavailable: " + u.reason().replaceFirst("^[a-z]+( unavailable)?: ?", "");
        issues.add(new Issue(note, true));
        return new Parcel(carrier, number, "carrier", last, note + (last == null ? "" : ", showing the last known status"), false);
    }

    /**
     * An FBA order's parcels from the FBA shipments report: carrier parcels through the carrier path (cache, shared
     * quotas), Amazon Logistics ones with a link only. Report failures become issues (PARTIAL), never silence.
     *
     * @param reportParcels receives {@code CARRIER:number} of every parcel the report named (for the evidence)
     * @return the ticket's tracking note
     */
    private String trackFba(EnrichmentRequest r, OrderSummary order, TrackingCache.Subscriber subscriber, Instant now,
                            int[] calls, List<Issue> issues, Map<String, ShipmentView> before, ProactiveFlags rules,
                            Instant promised, List<ShipmentView> shipments, Map<String, TrackingSnapshot> observed,
                            List<String> reportParcels) {
        List<FbaShipment> lines;
        try {
            lines = fbaShipments.shipments(r.sellerId(), subscriber.marketplaceId(), order.orderId(), order.purchaseDate(), now);
        } catch (ReportUnavailableException e) {
            // Amazon often takes minutes to build this report: a report still in progress is retried (the pending
            // report is remembered, so the retry asks for no new one); a FATAL one is reported as it is.
            issues.add(new Issue("FBA shipments report unavailable: " + e.getMessage(),
                    e.reason() == ReportUnavailableException.Reason.TIMED_OUT));
            return FBA_NOTE;
        } catch (UpstreamException e) {
            boolean again = e.transientFailure() && !(e instanceof QuotaExhaustedException);
            String why = e instanceof QuotaExhaustedException ? "SP-API report quota used up"
                    : e.status() == 0 ? "no response" : "HTTP " + e.status();
            issues.add(new Issue("FBA shipments report could not be requested (" + why + ")", again));
            return FBA_NOTE;
        }
        Map<String, FbaShipment> parcels = new LinkedHashMap<>();
        for (FbaShipment line : lines) {
            if (line.tracked()) {
                parcels.putIfAbsent(Carrier.fromName(line.carrier()).name() + ":" + line.trackingNumber(), line);
            }
        }
        List<ParcelLookup> lookups = new ArrayList<>();
        for (Map.Entry<String, FbaShipment> e : parcels.entrySet()) {
            reportParcels.add(e.getKey());
            Carrier carrier = Carrier.fromName(e.getValue().carrier());
            String number = e.getValue().trackingNumber();
            lookups.add(carrier == Carrier.AMAZON_LOGISTICS
                    ? (c, found) -> new Parcel(carrier, number, FBA_REPORT_SOURCE, null, AMAZON_LOGISTICS_NOTE, false)
                    : (c, found) -> carrierParcel(carrier, number, subscriber, now, c, found));
        }
        for (Parcel p : lookUpAll(lookups, calls, issues)) {
            track(p, before, rules, promised, shipments, observed);
        }
        return parcels.isEmpty() ? FBA_NOT_SHIPPED_NOTE : FBA_REPORT_NOTE;
    }

    private Parcel mcfParcel(EnrichmentRequest r, McfFulfillmentOrder.Package p, TrackingCache.Subscriber subscriber,
                             Instant now, int[] calls, List<Issue> issues) {
        Carrier carrier = McfSnapshots.carrier(p);
        String number = McfSnapshots.trackingNumber(p);
        Optional<TrackingCache.Entry> cached = cache.get(carrier, number);
        if (cached.isPresent() && cache.fresh(cached.get(), now)) {
            cache.subscribe(carrier, number, subscriber);
            return new Parcel(carrier, number, "mcf", cached.get().snapshot().get(), null, true);
        }
        TrackingSnapshot last = cached.flatMap(TrackingCache.Entry::snapshot).orElse(null);
        try {
            Optional<McfPackageTracking> t = orders.mcfTracking(r.sellerId(), subscriber.marketplaceId(), p.packageNumber());
            if (t.isEmpty()) {
                String note = "Amazon has no tracking for MCF package " + p.packageNumber() + " yet";
                issues.add(new Issue(note, false));
                return new Parcel(carrier, number, "mcf", last, note, false);
            }
            TrackingSnapshot s = McfSnapshots.snapshot(p, t.get(), now);
            cache.put(s, "mcf", subscriber);
            return new Parcel(s.carrier(), s.trackingNumber(), "mcf", s, null, false);
        } catch (UpstreamException e) {
            String note = "Amazon MCF tracking unavailable (" + (e.status() == 0 ? "no response" : "HTTP " + e.status()) + ")";
            issues.add(new Issue(note, e.transientFailure()));
            return new Parcel(carrier, number, "mcf", last, note, false);
        }
    }

    private void track(Parcel p, Map<String, ShipmentView> before, ProactiveFlags rules, Instant promised,
                       List<ShipmentView> shipments, Map<String, TrackingSnapshot> observed) {
        if (p.snapshot() == null) {
            Optional<TrackingLink> link = p.carrier().trackingLink(p.trackingNumber(), linkLocale);
            ShipmentView old = before.get(p.carrier().name() + "|" + p.trackingNumber());
            shipments.add(old != null && old.status() != null ? old.withNote(p.note())
                    : ShipmentView.untracked(p.carrier().name(), p.trackingNumber(), link.map(TrackingLink::url).orElse(null),
                    link.map(TrackingLink::lowConfidence).orElse(false), p.source(), p.note()));
            return;
        }
        TrackingSnapshot s = p.snapshot();
        if (s.link() == null) {
            s = withLink(s);
        }
        Set<ProactiveFlag> flags = rules.evaluate(s, promised);
        ShipmentView view = ShipmentView.of(s, p.source(), cache.freshUntil(s).orElse(null), flags, EVENTS_SHOWN);
        shipments.add(p.note() == null ? view : view.withNote(p.note()));
        if (p.note() == null) {
            observed.put(view.carrier() + "|" + view.trackingNumber(), s);
        }
    }

    private TrackingSnapshot withLink(TrackingSnapshot s) {
        TrackingLink link = s.carrier().trackingLink(s.trackingNumber(), linkLocale).orElse(null);
        return link == null ? s : new TrackingSnapshot(s.carrier(), s.trackingNumber(), s.status(), s.rawStatusCode(),
                s.rawStatusText(), s.returnToSender(), s.incidentReason(), s.estimatedDelivery(), s.lastLocation(),
                s.events(), s.observedAt(), link);
    }

    private void appendEvidence(EnrichmentRequest r, OrderSummary order, List<String> reportParcels, String orderFingerprint,
                                TicketEnrichment previous, List<ShipmentView> shipments, Map<String, TrackingSnapshot> observed,
                                Map<String, ShipmentView> before, String orderSource) {
        if (previous == null || !orderFingerprint.equals(previous.orderFingerprint())) {
            Map<String, String> payload = orderPayload(order, r, reportParcels);
            payload.put("source", orderSource);
            evidence.append(r.sellerId(), r.ticketId(), EvidenceChain.ORDER_SNAPSHOT, payload);
        }
        for (ShipmentView s : shipments) {
            String k = s.carrier() + "|" + s.trackingNumber();
            TrackingSnapshot snap = observed.get(k);
            ShipmentView old = before.get(k);
            if (snap != null && (old == null || !s.fingerprint().equals(old.fingerprint()))) {
                Map<String, String> payload = new TreeMap<>(EvidenceChain.trackingPayload(snap));
                payload.put("ticketId", r.ticketId());
                payload.put("orderId", order.orderId());
                payload.put("source", s.source());
                if (!s.flags().isEmpty()) {
                    payload.put("flags", s.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                }
                evidence.append(r.sellerId(), r.ticketId(), EvidenceChain.TRACKING_OBSERVED, payload);
            }
        }
    }

    static Map<String, String> orderPayload(OrderSummary o, EnrichmentRequest r) {
        return orderPayload(o, r, List.of());
    }

    /** {@code reportParcels}: {@code CARRIER:number} of an FBA order's parcels from the FBA shipments report. */
    static Map<String, String> orderPayload(OrderSummary o, EnrichmentRequest r, List<String> reportParcels) {
        Map<String, String> m = new TreeMap<>();
        m.put("orderId", o.orderId());
        m.put("marketplaceId", o.marketplaceId());
        m.put("orderStatus", o.status().name());
        m.put("channel", o.channel().name());
        m.put("ticketId", r.ticketId());
        m.put("source", "sp-api");
        if (o.purchaseDate() != null) {
            m.put("purchaseDate", o.purchaseDate().toString());
        }
        if (o.latestShipDate() != null) {
            m.put("latestShipDate", o.latestShipDate().toString());
        }
        if (o.latestDeliveryDate() != null) {
            m.put("promisedDelivery", o.latestDeliveryDate().toString());
        }
        String skus = o.items().stream().map(OrderSummary.Item::sku).filter(Objects::nonNull).collect(Collectors.joining(","));
        if (!skus.isEmpty()) {
            m.put("sku", skus);
        }
        m.put("quantity", Integer.toString(o.items().stream().mapToInt(OrderSummary.Item::quantity).sum()));
        String parcels = java.util.stream.Stream.concat(o.packages().stream().map(p -> p.carrier().name() + ":" + p.trackingNumber()),
                reportParcels.stream()).collect(Collectors.joining(","));
        if (!parcels.isEmpty()) {
            m.put("trackingNumber", parcels);
        }
        if (!reportParcels.isEmpty()) {
            m.put("note", "tracking numbers from the FBA shipments report " + FbaShipmentsReport.REPORT_TYPE);
        }
        return m;
    }

    static String orderFingerprint(OrderSummary o) {
        return orderFingerprint(o, List.of());
    }

    /** FBA parcels from the report count as part of the order: a newly reported shipment is a new order snapshot. */
    static String orderFingerprint(OrderSummary o, List<String> reportParcels) {
        return o.status() + "|" + o.channel() + "|" + o.latestShipDate() + "|" + o.latestDeliveryDate() + "|"
                + java.util.stream.Stream.concat(o.packages().stream().map(p -> p.carrier().name() + ":" + p.trackingNumber()),
                reportParcels.stream()).sorted().collect(Collectors.joining(","));
    }

    private static Map<String, ShipmentView> byParcel(TicketEnrichment e) {
        Map<String, ShipmentView> m = new HashMap<>();
        if (e != null) {
            e.shipments().forEach(s -> m.put(s.carrier() + "|" + s.trackingNumber(), s));
        }
        return m;
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

    private static String join(List<Issue> issues) {
        Set<String> seen = new HashSet<>();
        return issues.stream().map(Issue::text).filter(seen::add).collect(Collectors.joining("; "));
    }

    private static String carrierName(Carrier c) {
        return switch (c) {
            case DHL, UPS, USPS, DPD -> c.name();
            case FEDEX -> "FedEx";
            default -> "carrier (" + c.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        };
    }
}
