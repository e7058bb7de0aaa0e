package com.deskbridge.api;

import com.deskbridge.actions.ActionState;
import com.deskbridge.actions.ActionType;
import com.deskbridge.actions.OrderAction;
import com.deskbridge.adapters.settings.ReplySettings;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.enrichment.TicketEnrichment;
import com.deskbridge.enrichment.TicketEnrichment.OrderView;
import com.deskbridge.enrichment.TicketEnrichment.ShipmentView;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.macros.MacroValues;
import com.deskbridge.macros.Placeholder;
import com.deskbridge.macros.TrackingStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The live values a macro can insert, from what the ticket carries: the shop name (reply settings), order id and
 * buyer name (the ticket), product, order date, carrier, tracking number, status, link, ship, estimated and delivery
 * dates (the order and tracking context the enrichment function wrote), the refund amount (the ticket's latest refund
 * that has not failed). Dates are calendar days in the seller's time zone. A value the ticket does not have stays
 * unset, so the render names it instead of leaving a gap.
 */
final class TicketMacroValues {
    private TicketMacroValues() {
    }

    static MacroValues of(ReplySettings settings, TicketDetail ticket, Optional<TicketEnrichment> enrichment,
                          List<OrderAction> actions, ZoneId zone) {
        MacroValues.Builder values = MacroValues.builder();
        values.text(Placeholder.SELLER_NAME, settings.shopName());
        values.text(Placeholder.ORDER_ID, ticket.ticket().orderId() != null ? ticket.ticket().orderId()
                : enrichment.map(TicketEnrichment::orderId).orElse(null));
        ticket.buyerDisplayName().ifPresent(name -> values.text(Placeholder.CUSTOMER_NAME, name));
        enrichment.map(TicketEnrichment::order).ifPresent(order -> order(values, order, zone));
        enrichment.flatMap(e -> shipment(e.shipments())).ifPresent(s -> shipment(values, s,
                enrichment.map(TicketEnrichment::order).orElse(null), zone));
        refund(actions).ifPresent(r -> values.money(Placeholder.REFUND_AMOUNT, new BigDecimal(r.amount()),
                Currency.getInstance(r.currency())));
        return values.build();
    }

    private static void order(MacroValues.Builder values, OrderView order, ZoneId zone) {
        String products = order.items().stream().map(TicketEnrichment.ItemView::title).filter(Objects::nonNull)
                .map(String::strip).filter(t -> !t.isEmpty()).distinct().collect(Collectors.joining(", "));
        values.text(Placeholder.PRODUCT_NAME, products);
        values.date(Placeholder.ORDER_DATE, day(order.purchaseDate(), zone));
        values.date(Placeholder.ESTIMATED_DELIVERY, day(order.promisedDelivery(), zone));
    }

    /** The parcel a buyer asks about: the one seen most recently (a tracked one before an untracked one). */
    private static Optional<ShipmentView> shipment(List<ShipmentView> shipments) {
        return shipments.stream().max(Comparator.comparing((ShipmentView s) -> s.observedAt() != null)
                .thenComparing(s -> s.observedAt() == null ? Instant.MIN : s.observedAt()));
    }

    private static void shipment(MacroValues.Builder values, ShipmentView s, OrderView order, ZoneId zone) {
        values.text(Placeholder.CARRIER, carrierName(s.carrier()));
        values.text(Placeholder.TRACKING_NUMBER, s.trackingNumber());
        TrackingStatus.fromTag(s.status()).ifPresent(values::trackingStatus);
        if (s.trackingLink() != null && s.trackingLink().startsWith("https://")) {
            values.link(Placeholder.TRACKING_LINK, URI.create(s.trackingLink()));
        }
        if (order != null) {
            order.shipDate(s.trackingNumber()).ifPresent(at -> values.date(Placeholder.SHIP_DATE, day(at, zone)));
        }
        if (s.estimatedDelivery() != null) {
            values.date(Placeholder.ESTIMATED_DELIVERY, day(s.estimatedDelivery(), zone));
        }
        if (TrackingStatus.DELIVERED.tag().equals(s.status())) {
            s.lastEvents().stream().filter(e -> TrackingStatus.DELIVERED.tag().equals(e.status()) && e.at() != null)
                    .map(TicketEnrichment.EventView::at).max(Comparator.naturalOrder())
                    .ifPresent(at -> values.date(Placeholder.DELIVERY_DATE, day(at, zone)));
        }
    }

    private static String carrierName(String carrier) {
        try {
            return carrier == null ? null : Carrier.valueOf(carrier).displayName().orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The latest refund with an amount that has not failed. */
    private static Optional<OrderAction> refund(List<OrderAction> actions) {
        return actions.stream().filter(a -> a.type() == ActionType.REFUND && a.state() != ActionState.FAILED
                        && a.amount() != null && a.currency() != null && a.currency().matches("[A-Z]{3}"))
                .max(Comparator.comparing(OrderAction::requestedAt));
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at == null ? null : LocalDate.ofInstant(at, zone);
    }
}
