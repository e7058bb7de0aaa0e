package com.deskbridge.enrichment;

import com.deskbridge.logistics.OrderSummary;
import com.deskbridge.logistics.ProactiveFlag;
import com.deskbridge.logistics.TrackingEvent;
import com.deskbridge.logistics.TrackingSnapshot;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What enrichment leaves on a ticket (the ticket item's {@code enrichment} attribute) and what
 * {@link TicketEnrichmentReader} gives the API to render: the state and a sentence for the agent, the order facts,
 * each shipment's normalised tracking, and the proactive flags. {@code order} is null until the order was read;
 * {@code trackingNote} says where tracking came from or why it is missing (FBA Amazon-channel orders have no tracking
 * API, only the FBA shipments report, https://developer-docs.amazon.com/sp-api/docs/fba-sales-reports-attributes). Fingerprints let the next run decide whether anything changed (evidence is appended only then).
 */
public record TicketEnrichment(EnrichmentState state, String detail, Instant updatedAt, String orderId,
                               String marketplaceId, OrderView order, String trackingNote, List<ShipmentView> shipments,
                               String orderFingerprint) {

    public TicketEnrichment {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
        detail = detail == null ? "" : detail;
        shipments = shipments == null ? List.of() : List.copyOf(shipments);
    }

    /** Every flag of every shipment. */
    public Set<ProactiveFlag> flags() {
        Set<ProactiveFlag> all = EnumSet.noneOf(ProactiveFlag.class);
        shipments.forEach(s -> all.addAll(s.flags()));
        return all;
    }

    /** The same enrichment in another state (order and shipments kept: a failure does not erase what we knew). */
    public TicketEnrichment withState(EnrichmentState newState, String newDetail, Instant at) {
        return new TicketEnrichment(newState, newDetail, at, orderId, marketplaceId, order, trackingNote, shipments,
                orderFingerprint);
    }

    /**
     * The order facts; no buyer data (OrderSummary has none). {@code currency} is the order's (null when Amazon shows
     * no price); {@code packages} the shipped parcels as the marketplace reports them, with their ship dates.
     */
    public record OrderView(String orderId, String marketplaceId, String status, String channel, Instant purchaseDate,
                            Instant latestShipDate, Instant promisedDelivery, List<ItemView> items, String currency,
                            List<PackageView> packages) {
        public OrderView {
            items = items == null ? List.of() : List.copyOf(items);
            packages = packages == null ? List.of() : List.copyOf(packages);
        }

        /** Without currency and packages (orders read before they were kept). */
        public OrderView(String orderId, String marketplaceId, String status, String channel, Instant purchaseDate,
                         Instant latestShipDate, Instant promisedDelivery, List<ItemView> items) {
            this(orderId, marketplaceId, status, channel, purchaseDate, latestShipDate, promisedDelivery, items, null, null);
        }

        static OrderView of(OrderSummary o) {
            return new OrderView(o.orderId(), o.marketplaceId(), o.status().name(), o.channel().name(), o.purchaseDate(),
                    o.latestShipDate(), o.latestDeliveryDate(),
                    o.items().stream().map(i -> new ItemView(i.orderItemId(), i.sku(), i.title(), i.quantity(),
                            i.itemPrice() == null ? null : i.itemPrice().toPlainString(),
                            i.currency() != null ? i.currency() : o.currency())).toList(),
                    o.currency(),
                    o.packages().stream().map(p -> new PackageView(p.carrier().name(), p.trackingNumber(), p.shipDate())).toList());
        }

        /** When the parcel with this tracking number was shipped, if the marketplace said. */
        public java.util.Optional<Instant> shipDate(String trackingNumber) {
            return packages.stream().filter(p -> p.trackingNumber() != null && p.trackingNumber().equals(trackingNumber))
                    .map(PackageView::shipDate).filter(Objects::nonNull).findFirst();
        }
    }

    /**
     * One ordered line: Amazon's {@code orderItemId} (what a partial refund names), the units ordered and the price of
     * all of them ({@code itemPrice}, a decimal string, in {@code currency}); price and id are null where Amazon shows
     * none (MCF).
     */
    public record ItemView(String orderItemId, String sku, String title, int quantity, String itemPrice, String currency) {
        /** A line without id or price. */
        public ItemView(String sku, String title, int quantity) {
            this(null, sku, title, quantity, null, null);
        }
    }

    /** A shipped parcel as the marketplace reports it (carrier as {@link com.deskbridge.logistics.Carrier} name). */
    public record PackageView(String carrier, String trackingNumber, Instant shipDate) {}

    /**
     * One parcel. {@code status} is the canonical tag (AfterShip spelling, "InTransit") or null when no tracking
     * could be read; {@code note} then says why. {@code source} is "carrier" or "mcf" (Amazon's MCF tracking).
     */
    public record ShipmentView(String carrier, String trackingNumber, String status, String rawStatusCode,
                               String rawStatusText, boolean returnToSender, String incidentReason, String trackingLink,
                               boolean trackingLinkLowConfidence, Instant estimatedDelivery, String lastLocation,
                               Instant observedAt, Instant freshUntil, String source, String note, List<EventView> lastEvents,
                               Set<ProactiveFlag> flags, String fingerprint) {
        public ShipmentView {
            lastEvents = lastEvents == null ? List.of() : List.copyOf(lastEvents);
            flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        }

        /** The parcel as seen in {@code snapshot}, with its newest {@code maxEvents} events, newest first. */
        static ShipmentView of(TrackingSnapshot s, String source, Instant freshUntil, Set<ProactiveFlag> flags, int maxEvents) {
            List<TrackingEvent> events = s.events();
            List<EventView> last = events.subList(Math.max(0, events.size() - maxEvents), events.size()).stream()
                    .map(EventView::of).toList();
            List<EventView> newestFirst = new java.util.ArrayList<>(last);
            java.util.Collections.reverse(newestFirst);
            return new ShipmentView(s.carrier().name(), s.trackingNumber(), s.status().tag(), s.rawStatusCode(),
                    s.rawStatusText(), s.returnToSender(), s.incidentReason() == null ? null : s.incidentReason().code(),
                    s.link() == null ? null : s.link().url(), s.link() != null && s.link().lowConfidence(),
                    s.estimatedDelivery(), s.lastLocation(), s.observedAt(), freshUntil, source, null, newestFirst, flags,
                    fingerprint(s));
        }

        /** A parcel whose tracking could not be read; {@code note} says why. */
        static ShipmentView untracked(String carrier, String trackingNumber, String link, boolean lowConfidence,
                                      String source, String note) {
            return new ShipmentView(carrier, trackingNumber, null, "", "", false, null, link, lowConfidence, null, null,
                    null, null, source, note, List.of(), Set.of(), "untracked");
        }

        /** The same parcel with a note (e.g. "showing the last known status; DHL quota used up"). */
        ShipmentView withNote(String newNote) {
            return new ShipmentView(carrier, trackingNumber, status, rawStatusCode, rawStatusText, returnToSender,
                    incidentReason, trackingLink, trackingLinkLowConfidence, estimatedDelivery, lastLocation, observedAt,
                    freshUntil, source, newNote, lastEvents, flags, fingerprint);
        }

        /** What makes two observations of a parcel different (evidence is appended only on change). */
        static String fingerprint(TrackingSnapshot s) {
            return s.status().tag() + "|" + s.rawStatusCode() + "|" + s.returnToSender() + "|"
                    + (s.incidentReason() == null ? "" : s.incidentReason().code()) + "|"
                    + s.lastEventAt().map(Instant::toString).orElse("") + "|"
                    + (s.estimatedDelivery() == null ? "" : s.estimatedDelivery().toString()) + "|" + s.events().size();
        }
    }

    /** One carrier scan: the carrier's own code and text are kept verbatim next to our status. */
    public record EventView(Instant at, String status, String rawCode, String rawText, String location) {
        static EventView of(TrackingEvent e) {
            return new EventView(e.occurredAt(), e.status().tag(), e.rawCode(), e.rawText(), e.location());
        }
    }
}
