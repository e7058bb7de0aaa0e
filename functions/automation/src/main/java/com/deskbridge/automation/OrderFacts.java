package com.deskbridge.automation;

import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.logistics.OrderSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Objects;

/**
 * What the rules may know about the ticket's order: who fulfils it (which decides the built-in answer, FBM update or
 * FBA redirect) and the values the shipping macros insert. No buyer PII.
 *
 * @param orderId     the marketplace order id
 * @param channel     who ships it
 * @param productName the item's title; null when unknown (a macro that needs it is then not sent)
 * @param shipDate    the seller-local date the parcel left; null when unknown or not shipped
 */
public record OrderFacts(String orderId, FulfilmentChannel channel, String productName, LocalDate shipDate) {
    public OrderFacts {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId is required");
        }
        Objects.requireNonNull(channel, "channel");
        orderId = orderId.strip();
        productName = productName == null || productName.isBlank() ? null : productName.strip();
    }

    /**
     * The facts of an enriched order (logistics issue): the first item's title and the earliest package's ship date,
     * as a date in {@code zone} (the seller's).
     */
    public static OrderFacts from(OrderSummary order, ZoneId zone) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(zone, "zone");
        String title = order.items().stream().map(OrderSummary.Item::title).filter(t -> t != null && !t.isBlank())
                .findFirst().orElse(null);
        LocalDate shipped = order.packages().stream().map(OrderSummary.ShippedPackage::shipDate)
                .filter(Objects::nonNull).min(Comparator.naturalOrder())
                .map(i -> LocalDate.ofInstant(i, zone)).orElse(null);
        return new OrderFacts(order.orderId(), order.channel(), title, shipped);
    }

    static LocalDate dateIn(Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDate.ofInstant(instant, zone);
    }
}
