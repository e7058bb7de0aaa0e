package com.deskbridge.enrichment;

import com.deskbridge.enrichment.TicketEnrichment.OrderView;
import com.deskbridge.enrichment.TicketEnrichment.ShipmentView;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a ticket's enrichment for the API and renders the block recommended for {@code GET /tickets/{id}}:
 * <pre>
 * "order":      { orderId, marketplaceId, status, channel (FBA|FBM|MCF), purchaseDate, latestShipDate,
 *                 promisedDelivery, currency, items: [{orderItemId, sku, title, quantity,
 *                 itemPrice: {amount, currency} or null}] }                    (null until the order was read)
 * "shipments":  [{ carrier, trackingNumber, shipDate, status (AfterShip tag or null), rawStatusCode, rawStatusText,
 *                  returnToSender, incidentReason, trackingLink, trackingLinkLowConfidence, estimatedDelivery,
 *                  lastLocation, observedAt, freshUntil, source (carrier|mcf), note, flags: [...],
 *                  lastEvents: [{at, status, rawCode, rawText, location}] (newest first) }]
 * "flags":      ["DELAYED", ...]                                                  (union over shipments)
 * "enrichment": { state (PENDING|COMPLETE|PARTIAL|RETRYING|FAILED), detail, updatedAt, trackingNote }
 * </pre>
 * Absent values are JSON null. A ticket never enriched renders {@code enrichment: null} and empty lists.
 */
public final class TicketEnrichmentReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TicketEnrichmentStore store;

    public TicketEnrichmentReader(TicketEnrichmentStore store) {
        this.store = Objects.requireNonNull(store);
    }

    /** For the API function: reads the tickets table. */
    public static TicketEnrichmentReader create(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table) {
        return new TicketEnrichmentReader(new DynamoDbTicketEnrichmentStore(dynamo, table));
    }

    public Optional<TicketEnrichment> read(String sellerId, String ticketId) {
        return store.read(sellerId, ticketId);
    }

    /** The ticket-view block above, to merge into the ticket's JSON. */
    public static ObjectNode toJson(Optional<TicketEnrichment> enrichment) {
        ObjectNode n = JSON.createObjectNode();
        if (enrichment.isEmpty()) {
            n.putNull("order");
            n.putArray("shipments");
            n.putArray("flags");
            n.putNull("enrichment");
            return n;
        }
        TicketEnrichment e = enrichment.get();
        if (e.order() == null) {
            n.putNull("order");
        } else {
            OrderView o = e.order();
            ObjectNode on = n.putObject("order");
            on.put("orderId", o.orderId());
            on.put("marketplaceId", o.marketplaceId());
            on.put("status", o.status());
            on.put("channel", o.channel());
            time(on, "purchaseDate", o.purchaseDate());
            time(on, "latestShipDate", o.latestShipDate());
            time(on, "promisedDelivery", o.promisedDelivery());
            on.put("currency", o.currency());
            ArrayNode items = on.putArray("items");
            o.items().forEach(i -> {
                ObjectNode item = items.addObject().put("orderItemId", i.orderItemId()).put("sku", i.sku())
                        .put("title", i.title()).put("quantity", i.quantity());
                if (i.itemPrice() == null) {
                    item.putNull("itemPrice");
                } else {
                    item.putObject("itemPrice").put("amount", i.itemPrice()).put("currency", i.currency());
                }
            });
        }
        ArrayNode shipments = n.putArray("shipments");
        for (ShipmentView s : e.shipments()) {
            ObjectNode sn = shipments.addObject();
            sn.put("carrier", s.carrier());
            sn.put("trackingNumber", s.trackingNumber());
            time(sn, "shipDate", e.order() == null ? null : e.order().shipDate(s.trackingNumber()).orElse(null));
            sn.put("status", s.status());
            sn.put("rawStatusCode", s.rawStatusCode());
            sn.put("rawStatusText", s.rawStatusText());
            sn.put("returnToSender", s.returnToSender());
            sn.put("incidentReason", s.incidentReason());
            sn.put("trackingLink", s.trackingLink());
            sn.put("trackingLinkLowConfidence", s.trackingLinkLowConfidence());
            time(sn, "estimatedDelivery", s.estimatedDelivery());
            sn.put("lastLocation", s.lastLocation());
            time(sn, "observedAt", s.observedAt());
            time(sn, "freshUntil", s.freshUntil());
            sn.put("source", s.source());
            sn.put("note", s.note());
            ArrayNode flags = sn.putArray("flags");
            s.flags().stream().sorted().forEach(f -> flags.add(f.name()));
            ArrayNode events = sn.putArray("lastEvents");
            s.lastEvents().forEach(ev -> {
                ObjectNode en = events.addObject();
                time(en, "at", ev.at());
                en.put("status", ev.status());
                en.put("rawCode", ev.rawCode());
                en.put("rawText", ev.rawText());
                en.put("location", ev.location());
            });
        }
        ArrayNode flags = n.putArray("flags");
        e.flags().stream().sorted().forEach(f -> flags.add(f.name()));
        ObjectNode en = n.putObject("enrichment");
        en.put("state", e.state().name());
        en.put("detail", e.detail());
        time(en, "updatedAt", e.updatedAt());
        en.put("trackingNote", e.trackingNote());
        return n;
    }

    private static void time(ObjectNode n, String field, Instant value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value.toString());
        }
    }
}
