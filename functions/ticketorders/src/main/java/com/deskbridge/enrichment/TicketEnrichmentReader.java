package com.deskbridge.enrichment;

import com.deskbridge.enrichment.TicketEnrichment.OrderView;
import com.deskbridge.enrichment.TicketEnrichment.ShipmentView;
import com.deskbridge.logistics.ProactiveFlag;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
        return JSON.valueToTree(enrichment.map(View::of).orElse(View.NONE));
    }

    /** The block as Jackson-bound records (times as ISO-8601 text; absent values null). */
    record View(Order order, List<Shipment> shipments, List<String> flags, State enrichment) {
        static final View NONE = new View(null, List.of(), List.of(), null);

        static View of(TicketEnrichment e) {
            return new View(e.order() == null ? null : Order.of(e.order()),
                    e.shipments().stream().map(s -> Shipment.of(s, e.order())).toList(), names(e.flags()),
                    new State(e.state().name(), e.detail(), text(e.updatedAt()), e.trackingNote()));
        }
    }

    record Order(String orderId, String marketplaceId, String status, String channel, String purchaseDate,
                 String latestShipDate, String promisedDelivery, String currency, List<Item> items) {
        static Order of(OrderView o) {
            return new Order(o.orderId(), o.marketplaceId(), o.status(), o.channel(), text(o.purchaseDate()),
                    text(o.latestShipDate()), text(o.promisedDelivery()), o.currency(), o.items().stream()
                    .map(i -> new Item(i.orderItemId(), i.sku(), i.title(), i.quantity(),
                            i.itemPrice() == null ? null : new Money(i.itemPrice(), i.currency()))).toList());
        }
    }

    record Item(String orderItemId, String sku, String title, int quantity, Money itemPrice) {}

    record Money(String amount, String currency) {}

    record Shipment(String carrier, String trackingNumber, String shipDate, String status, String rawStatusCode,
                    String rawStatusText, boolean returnToSender, String incidentReason, String trackingLink,
                    boolean trackingLinkLowConfidence, String estimatedDelivery, String lastLocation, String observedAt,
                    String freshUntil, String source, String note, List<String> flags, List<Event> lastEvents) {
        static Shipment of(ShipmentView s, OrderView order) {
            return new Shipment(s.carrier(), s.trackingNumber(),
                    text(order == null ? null : order.shipDate(s.trackingNumber()).orElse(null)), s.status(),
                    s.rawStatusCode(), s.rawStatusText(), s.returnToSender(), s.incidentReason(), s.trackingLink(),
                    s.trackingLinkLowConfidence(), text(s.estimatedDelivery()), s.lastLocation(), text(s.observedAt()),
                    text(s.freshUntil()), s.source(), s.note(), names(s.flags()), s.lastEvents().stream()
                    .map(ev -> new Event(text(ev.at()), ev.status(), ev.rawCode(), ev.rawText(), ev.location())).toList());
        }
    }

    record Event(String at, String status, String rawCode, String rawText, String location) {}

    record State(String state, String detail, String updatedAt, String trackingNote) {}

    private static List<String> names(Set<ProactiveFlag> flags) {
        return flags.stream().sorted().map(Enum::name).toList();
    }

    private static String text(Instant value) {
        return value == null ? null : value.toString();
    }
}
