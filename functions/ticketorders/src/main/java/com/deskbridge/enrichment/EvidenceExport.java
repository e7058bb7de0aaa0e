package com.deskbridge.enrichment;

import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import com.deskbridge.logistics.OrderSummary;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a seller attaches to an A-to-z Guarantee claim or a chargeback response (https://arcus-www.amazon.ca/gp/help/customer/display.html?nodeId=201889410): the order
 * facts, the parcel's tracking history as we observed it (chronological, each observation with its evidence sequence
 * and hash), and whether the hash chain verifies (including the head hash kept beside it). Built from the evidence
 * chain, which holds no buyer data, and the order summary's non-personal fields only (no buyer, no address).
 */
public final class EvidenceExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceExport() {
    }

    public record ClaimEvidence(OrderFacts order, List<Observation> trackingHistory, List<Observation> orderSnapshots,
                                Verification verification) {
        public ClaimEvidence {
            trackingHistory = List.copyOf(trackingHistory);
            orderSnapshots = List.copyOf(orderSnapshots);
        }

        /** The JSON document to hand over. */
        public ObjectNode toJson() {
            return JSON.valueToTree(this);
        }
    }

    public record OrderFacts(String orderId, String marketplaceId, String status, String channel, String purchaseDate,
                             String latestShipDate, String promisedDelivery, List<Line> items, List<Parcel> parcels) {}

    public record Line(String sku, int quantity) {}

    public record Parcel(String carrier, String trackingNumber, String shipDate) {}

    /** One evidence entry: when we recorded it, its place in the chain, and its (PII-free) fields. */
    public record Observation(long sequence, String recordedAt, String kind, Map<String, String> fields, String hash) {}

    public record Verification(boolean valid, String detail, Long brokenSequence, String headHash, int entries) {}

    public static ClaimEvidence forClaim(EvidenceLog.StoredChain chain, OrderSummary order) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(order, "order");
        EvidenceChain.Verification v = chain.verify();
        List<EvidenceChain.Entry> entries = chain.entries().stream()
                .sorted(Comparator.comparing(EvidenceChain.Entry::recordedAt).thenComparingLong(EvidenceChain.Entry::sequence))
                .toList();
        List<Observation> tracking = entries.stream().filter(e -> e.kind().equals(EvidenceChain.TRACKING_OBSERVED))
                .map(EvidenceExport::observation).toList();
        List<Observation> snapshots = entries.stream().filter(e -> e.kind().equals(EvidenceChain.ORDER_SNAPSHOT))
                .map(EvidenceExport::observation).toList();
        OrderFacts facts = new OrderFacts(order.orderId(), order.marketplaceId(), order.status().name(),
                order.channel().name(), str(order.purchaseDate()), str(order.latestShipDate()), str(order.latestDeliveryDate()),
                order.items().stream().map(i -> new Line(i.sku(), i.quantity())).toList(),
                order.packages().stream().map(p -> new Parcel(p.carrier().name(), p.trackingNumber(), str(p.shipDate()))).toList());
        return new ClaimEvidence(facts, tracking, snapshots, new Verification(v.valid(), v.detail(),
                v.brokenSequence().isPresent() ? v.brokenSequence().getAsLong() : null, chain.headHash(), entries.size()));
    }

    /**
     * The same export from what the ticket already shows ({@link TicketEnrichmentReader}), without asking SP-API:
     * the order facts of its {@code order} block and the parcels of its {@code shipments}.
     */
    public static ClaimEvidence forClaim(EvidenceLog.StoredChain chain, TicketEnrichment ticket) {
        Objects.requireNonNull(ticket, "ticket");
        TicketEnrichment.OrderView o = Objects.requireNonNull(ticket.order(), "the ticket's order has not been read yet");
        OrderSummary summary = new OrderSummary(o.orderId(), o.marketplaceId(),
                com.deskbridge.logistics.OrderStatus.valueOf(o.status()),
                com.deskbridge.logistics.FulfilmentChannel.valueOf(o.channel()), o.purchaseDate(), o.latestShipDate(),
                o.promisedDelivery(), o.items().stream().map(i -> new OrderSummary.Item(i.sku(), null, i.quantity())).toList(),
                ticket.shipments().stream().map(sh -> new OrderSummary.ShippedPackage(sh.carrier(), sh.trackingNumber(),
                        o.shipDate(sh.trackingNumber()).orElse(null))).toList());
        return forClaim(chain, summary);
    }

    private static Observation observation(EvidenceChain.Entry e) {
        return new Observation(e.sequence(), e.recordedAt().toString(), e.kind(), new java.util.TreeMap<>(e.payload()), e.hash());
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }
}
