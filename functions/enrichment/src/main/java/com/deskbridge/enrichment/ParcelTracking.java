package com.deskbridge.enrichment;

import com.deskbridge.enrichment.TicketEnrichment.ShipmentView;
import com.deskbridge.http.QuotaExhaustedException;
import com.deskbridge.http.UpstreamException;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.logistics.OrderStatus;
import com.deskbridge.logistics.OrderSummary;
import com.deskbridge.logistics.ProactiveFlag;
import com.deskbridge.logistics.ProactiveFlags;
import com.deskbridge.logistics.TrackingLink;
import com.deskbridge.logistics.TrackingSnapshot;
import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.spapi.FbaShipment;
import com.deskbridge.spapi.McfFulfillmentOrder;
import com.deskbridge.spapi.McfPackageTracking;
import com.deskbridge.spapi.ReportUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * The tracking half of {@link EnrichmentService}: where an order's parcels are tracked from (functions/spapi/README.md,
 * Sources: FBM packages from the carriers, MCF from Fulfillment Outbound, FBA Amazon-channel orders from the FBA
 * shipments report, whose carrier parcels are then tracked like FBM ones and whose Amazon Logistics parcels get a
 * tracking link only), cached tracking reused while it is fresh, every parcel looked up at the same time, and the
 * proactive flags evaluated on each. Problems become {@link Issue}s the service turns into the ticket's state.
 */
final class ParcelTracking {
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

    private final AmazonOrders orders;
    private final FbaShipmentSource fbaShipments;
    private final TrackingSource carriers;
    private final TrackingCache cache;
    private final Clock clock;
    private final Locale linkLocale;

    ParcelTracking(AmazonOrders orders, FbaShipmentSource fbaShipments, TrackingSource carriers, TrackingCache cache,
                   Clock clock, Locale linkLocale) {
        this.orders = Objects.requireNonNull(orders);
        this.fbaShipments = Objects.requireNonNull(fbaShipments);
        this.carriers = Objects.requireNonNull(carriers);
        this.cache = Objects.requireNonNull(cache);
        this.clock = Objects.requireNonNull(clock);
        this.linkLocale = linkLocale == null ? Locale.US : linkLocale;
    }

    /** A problem with one parcel or the order, shown in the ticket's detail. */
    record Issue(String text, boolean transientFailure) {}

    /**
     * What tracking an order got: its parcels as the ticket shows them, the snapshots observed in this run (by
     * {@code CARRIER|number}, for the evidence), the problems, the upstream calls made (cache misses), the ticket's
     * tracking note, and {@code CARRIER:number} of every parcel the FBA shipments report named.
     */
    record Tracked(List<ShipmentView> shipments, Map<String, TrackingSnapshot> observed, List<Issue> issues,
                   int carrierCalls, String note, List<String> reportParcels, List<Future<Void>> cacheWrites) {

        /**
         * Waits for the tracking cache to hold what this run fetched (written beside the evidence and the ticket, not
         * before them); a failed write is thrown here as it was.
         */
        void awaitCacheWrites() {
            cacheWrites.forEach(ParallelLookups::join);
        }
    }

    /** Tracks the parcels of {@code lookup}'s order for ticket {@code r}; {@code previous}: the ticket's last context. */
    Tracked track(EnrichmentRequest r, AmazonOrders.Lookup lookup, TicketEnrichment previous, Instant now) {
        OrderSummary order = lookup.summary();
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
        List<Future<Void>> cacheWrites = new ArrayList<>();

        if (order.channel() == FulfilmentChannel.FBA) {
            trackingNote = trackFba(r, order, subscriber, now, calls, issues, before, flagRules, promised, shipments,
                    observed, reportParcels, cacheWrites);
        } else if (order.channel() == FulfilmentChannel.MCF) {
            Optional<McfFulfillmentOrder> mcf = lookup.mcf();
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
                    show(p, before, flagRules, promised, shipments, observed);
                    cacheFetched(p, subscriber, cacheWrites);
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
                show(p, before, flagRules, promised, shipments, observed);
                cacheFetched(p, subscriber, cacheWrites);
            }
            if (shipments.isEmpty()) {
                trackingNote = order.status() == OrderStatus.UNSHIPPED || order.status() == OrderStatus.PENDING
                        ? "Not shipped yet: no package with a tracking number." : "No package with a tracking number on this order.";
            }
        }
        return new Tracked(shipments, observed, issues, calls[0], trackingNote, reportParcels, List.copyOf(cacheWrites));
    }

    /**
     * Starts writing a parcel fetched in this run to the tracking cache (with the ticket as its subscriber) on another
     * thread: the write is off the ticket's critical path, and {@link Tracked#awaitCacheWrites} waits for it.
     */
    private void cacheFetched(Parcel p, TrackingCache.Subscriber subscriber, List<Future<Void>> cacheWrites) {
        if (p.fetched()) {
            cacheWrites.add(ParallelLookups.start(() -> {
                cache.put(p.snapshot(), p.source(), subscriber);
                return null;
            }));
        }
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
                          boolean fromCache, boolean fetched) {
        /** Not fetched in this run: nothing new for the cache. */
        Parcel(Carrier carrier, String trackingNumber, String source, TrackingSnapshot snapshot, String note, boolean fromCache) {
            this(carrier, trackingNumber, source, snapshot, note, fromCache, false);
        }
    }

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
        if (result instanceof TrackingSource.Found found) { // cached by track(), beside the ticket's write
            return new Parcel(carrier, number, "carrier", found.snapshot(), null, false, true);
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
                            List<String> reportParcels, List<Future<Void>> cacheWrites) {
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
            show(p, before, rules, promised, shipments, observed);
            cacheFetched(p, subscriber, cacheWrites);
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
            return new Parcel(s.carrier(), s.trackingNumber(), "mcf", s, null, false, true);
        } catch (UpstreamException e) {
            String note = "Amazon MCF tracking unavailable (" + (e.status() == 0 ? "no response" : "HTTP " + e.status()) + ")";
            issues.add(new Issue(note, e.transientFailure()));
            return new Parcel(carrier, number, "mcf", last, note, false);
        }
    }

    private void show(Parcel p, Map<String, ShipmentView> before, ProactiveFlags rules, Instant promised,
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

    static Map<String, ShipmentView> byParcel(TicketEnrichment e) {
        Map<String, ShipmentView> m = new HashMap<>();
        if (e != null) {
            e.shipments().forEach(s -> m.put(s.carrier() + "|" + s.trackingNumber(), s));
        }
        return m;
    }

    private static String carrierName(Carrier c) {
        return switch (c) {
            case DHL, UPS, USPS, DPD -> c.name();
            case FEDEX -> "FedEx";
            default -> "carrier (" + c.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        };
    }
}
