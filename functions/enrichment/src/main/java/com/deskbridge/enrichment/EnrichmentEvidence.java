package com.deskbridge.enrichment;

import com.deskbridge.enrichment.TicketEnrichment.ShipmentView;
import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import com.deskbridge.logistics.OrderSummary;
import com.deskbridge.logistics.TrackingSnapshot;
import com.deskbridge.spapi.FbaShipmentsReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What enrichment appends to a ticket's hash-chained evidence log: an order snapshot when the order changed (its
 * fingerprint), a tracking observation when a parcel's view changed.
 */
final class EnrichmentEvidence {
    private final EvidenceLog evidence;

    EnrichmentEvidence(EvidenceLog evidence) {
        this.evidence = Objects.requireNonNull(evidence);
    }

    /** {@code orderSource}: where the order was read ({@code sp-api}, {@code ebay}, {@code shopify}). */
    void append(EnrichmentRequest r, OrderSummary order, ParcelTracking.Tracked tracked, String orderFingerprint,
                TicketEnrichment previous, String orderSource) {
        List<String> reportParcels = tracked.reportParcels();
        Map<String, ShipmentView> before = ParcelTracking.byParcel(previous);
        List<EvidenceLog.Record> records = new ArrayList<>();
        if (previous == null || !orderFingerprint.equals(previous.orderFingerprint())) {
            Map<String, String> payload = orderPayload(order, r, reportParcels);
            payload.put("source", orderSource);
            records.add(new EvidenceLog.Record(EvidenceChain.ORDER_SNAPSHOT, payload));
        }
        for (ShipmentView s : tracked.shipments()) {
            String k = s.carrier() + "|" + s.trackingNumber();
            TrackingSnapshot snap = tracked.observed().get(k);
            ShipmentView old = before.get(k);
            if (snap != null && (old == null || !s.fingerprint().equals(old.fingerprint()))) {
                Map<String, String> payload = new TreeMap<>(EvidenceChain.trackingPayload(snap));
                payload.put("ticketId", r.ticketId());
                payload.put("orderId", order.orderId());
                payload.put("source", s.source());
                if (!s.flags().isEmpty()) {
                    payload.put("flags", s.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                }
                records.add(new EvidenceLog.Record(EvidenceChain.TRACKING_OBSERVED, payload));
            }
        }
        // one step for all of them: the store reads the chain's head once (not again after each entry)
        evidence.appendAll(r.sellerId(), r.ticketId(), records);
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
        String parcels = Stream.concat(o.packages().stream().map(p -> p.carrier().name() + ":" + p.trackingNumber()),
                reportParcels.stream()).collect(Collectors.joining(","));
        if (!parcels.isEmpty()) {
            m.put("trackingNumber", parcels);
        }
        if (!reportParcels.isEmpty()) {
            m.put("note", "tracking numbers from the FBA shipments report " + FbaShipmentsReport.REPORT_TYPE);
        }
        return m;
    }

    /** FBA parcels from the report count as part of the order: a newly reported shipment is a new order snapshot. */
    static String orderFingerprint(OrderSummary o, List<String> reportParcels) {
        return o.status() + "|" + o.channel() + "|" + o.latestShipDate() + "|" + o.latestDeliveryDate() + "|"
                + Stream.concat(o.packages().stream().map(p -> p.carrier().name() + ":" + p.trackingNumber()),
                reportParcels.stream()).sorted().collect(Collectors.joining(","));
    }
}
