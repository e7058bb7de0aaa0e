package com.deskbridge.enrichment;

import com.deskbridge.enrichment.TicketEnrichment.EventView;
import com.deskbridge.enrichment.TicketEnrichment.ItemView;
import com.deskbridge.enrichment.TicketEnrichment.OrderView;
import com.deskbridge.enrichment.TicketEnrichment.ShipmentView;
import com.deskbridge.logistics.ProactiveFlag;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps {@link TicketEnrichment} and outbox events to and from DynamoDB attribute maps (absent values are omitted). */
final class EnrichmentCodec {

    private EnrichmentCodec() {
    }

    static AttributeValue encode(TicketEnrichment e) {
        Map<String, AttributeValue> m = new HashMap<>();
        put(m, "state", e.state().name());
        put(m, "detail", e.detail());
        put(m, "updatedAt", e.updatedAt());
        put(m, "orderId", e.orderId());
        put(m, "marketplaceId", e.marketplaceId());
        put(m, "trackingNote", e.trackingNote());
        put(m, "orderFingerprint", e.orderFingerprint());
        if (e.order() != null) {
            m.put("order", order(e.order()));
        }
        m.put("shipments", AttributeValue.fromL(e.shipments().stream().map(EnrichmentCodec::shipment).toList()));
        m.put("flags", AttributeValue.fromL(e.flags().stream().map(f -> AttributeValue.fromS(f.name())).toList()));
        return AttributeValue.fromM(m);
    }

    static TicketEnrichment decode(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        return new TicketEnrichment(EnrichmentState.valueOf(str(m, "state")), str(m, "detail"), instant(m, "updatedAt"),
                str(m, "orderId"), str(m, "marketplaceId"), m.containsKey("order") ? order(m.get("order").m()) : null,
                str(m, "trackingNote"), m.containsKey("shipments") ? m.get("shipments").l().stream()
                        .map(a -> shipment(a.m())).toList() : List.of(), str(m, "orderFingerprint"));
    }

    private static AttributeValue order(OrderView o) {
        Map<String, AttributeValue> m = new HashMap<>();
        put(m, "orderId", o.orderId());
        put(m, "marketplaceId", o.marketplaceId());
        put(m, "status", o.status());
        put(m, "channel", o.channel());
        put(m, "purchaseDate", o.purchaseDate());
        put(m, "latestShipDate", o.latestShipDate());
        put(m, "promisedDelivery", o.promisedDelivery());
        put(m, "currency", o.currency());
        m.put("items", AttributeValue.fromL(o.items().stream().map(i -> {
            Map<String, AttributeValue> im = new HashMap<>();
            put(im, "orderItemId", i.orderItemId());
            put(im, "sku", i.sku());
            put(im, "title", i.title());
            im.put("quantity", AttributeValue.fromN(Integer.toString(i.quantity())));
            put(im, "itemPrice", i.itemPrice());
            put(im, "currency", i.currency());
            return AttributeValue.fromM(im);
        }).toList()));
        m.put("packages", AttributeValue.fromL(o.packages().stream().map(p -> {
            Map<String, AttributeValue> pm = new HashMap<>();
            put(pm, "carrier", p.carrier());
            put(pm, "trackingNumber", p.trackingNumber());
            put(pm, "shipDate", p.shipDate());
            return AttributeValue.fromM(pm);
        }).toList()));
        return AttributeValue.fromM(m);
    }

    private static OrderView order(Map<String, AttributeValue> m) {
        List<ItemView> items = m.containsKey("items") ? m.get("items").l().stream().map(AttributeValue::m)
                .map(im -> new ItemView(str(im, "orderItemId"), str(im, "sku"), str(im, "title"),
                        Integer.parseInt(im.get("quantity").n()), str(im, "itemPrice"), str(im, "currency")))
                .toList() : List.of();
        List<TicketEnrichment.PackageView> packages = m.containsKey("packages") ? m.get("packages").l().stream()
                .map(AttributeValue::m).map(pm -> new TicketEnrichment.PackageView(str(pm, "carrier"), str(pm, "trackingNumber"),
                        instant(pm, "shipDate"))).toList() : List.of();
        return new OrderView(str(m, "orderId"), str(m, "marketplaceId"), str(m, "status"), str(m, "channel"),
                instant(m, "purchaseDate"), instant(m, "latestShipDate"), instant(m, "promisedDelivery"), items,
                str(m, "currency"), packages);
    }

    private static AttributeValue shipment(ShipmentView s) {
        Map<String, AttributeValue> m = new HashMap<>();
        put(m, "carrier", s.carrier());
        put(m, "trackingNumber", s.trackingNumber());
        put(m, "status", s.status());
        put(m, "rawStatusCode", s.rawStatusCode());
        put(m, "rawStatusText", s.rawStatusText());
        m.put("returnToSender", AttributeValue.fromBool(s.returnToSender()));
        put(m, "incidentReason", s.incidentReason());
        put(m, "trackingLink", s.trackingLink());
        m.put("trackingLinkLowConfidence", AttributeValue.fromBool(s.trackingLinkLowConfidence()));
        put(m, "estimatedDelivery", s.estimatedDelivery());
        put(m, "lastLocation", s.lastLocation());
        put(m, "observedAt", s.observedAt());
        put(m, "freshUntil", s.freshUntil());
        put(m, "source", s.source());
        put(m, "note", s.note());
        put(m, "fingerprint", s.fingerprint());
        m.put("lastEvents", AttributeValue.fromL(s.lastEvents().stream().map(e -> {
            Map<String, AttributeValue> em = new HashMap<>();
            put(em, "at", e.at());
            put(em, "status", e.status());
            put(em, "rawCode", e.rawCode());
            put(em, "rawText", e.rawText());
            put(em, "location", e.location());
            return AttributeValue.fromM(em);
        }).toList()));
        m.put("flags", AttributeValue.fromL(s.flags().stream().sorted().map(f -> AttributeValue.fromS(f.name())).toList()));
        return AttributeValue.fromM(m);
    }

    private static ShipmentView shipment(Map<String, AttributeValue> m) {
        List<EventView> events = m.containsKey("lastEvents") ? m.get("lastEvents").l().stream().map(AttributeValue::m)
                .map(em -> new EventView(instant(em, "at"), str(em, "status"), str(em, "rawCode"), str(em, "rawText"),
                        str(em, "location"))).toList() : List.of();
        Set<ProactiveFlag> flags = EnumSet.noneOf(ProactiveFlag.class);
        if (m.containsKey("flags")) {
            m.get("flags").l().forEach(f -> flags.add(ProactiveFlag.valueOf(f.s())));
        }
        return new ShipmentView(str(m, "carrier"), str(m, "trackingNumber"), str(m, "status"), str(m, "rawStatusCode"),
                str(m, "rawStatusText"), bool(m, "returnToSender"), str(m, "incidentReason"), str(m, "trackingLink"),
                bool(m, "trackingLinkLowConfidence"), instant(m, "estimatedDelivery"), str(m, "lastLocation"),
                instant(m, "observedAt"), instant(m, "freshUntil"), str(m, "source"), str(m, "note"), events, flags,
                str(m, "fingerprint"));
    }

    static AttributeValue event(LogisticsEvent e) {
        Map<String, AttributeValue> m = new HashMap<>();
        put(m, "eventId", e.eventId());
        put(m, "flag", e.flag().name());
        put(m, "sellerId", e.sellerId());
        put(m, "ticketId", e.ticketId());
        put(m, "orderId", e.orderId());
        put(m, "carrier", e.carrier());
        put(m, "trackingNumber", e.trackingNumber());
        put(m, "status", e.status());
        put(m, "occurredAt", e.occurredAt());
        return AttributeValue.fromM(m);
    }

    static LogisticsEvent event(Map<String, AttributeValue> m) {
        return new LogisticsEvent(str(m, "eventId"), ProactiveFlag.valueOf(str(m, "flag")), str(m, "sellerId"),
                str(m, "ticketId"), str(m, "orderId"), str(m, "carrier"), str(m, "trackingNumber"), str(m, "status"),
                instant(m, "occurredAt"));
    }

    static void put(Map<String, AttributeValue> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, AttributeValue.fromS(value));
        }
    }

    static void put(Map<String, AttributeValue> m, String key, Instant value) {
        if (value != null) {
            m.put(key, AttributeValue.fromS(value.toString()));
        }
    }

    static String str(Map<String, AttributeValue> m, String key) {
        AttributeValue v = m.get(key);
        return v == null ? null : v.s();
    }

    static Instant instant(Map<String, AttributeValue> m, String key) {
        String s = str(m, key);
        return s == null ? null : Instant.parse(s);
    }

    static boolean bool(Map<String, AttributeValue> m, String key) {
        AttributeValue v = m.get(key);
        return v != null && Boolean.TRUE.equals(v.bool());
    }
}
