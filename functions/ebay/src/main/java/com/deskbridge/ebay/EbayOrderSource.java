package com.deskbridge.ebay;

import com.deskbridge.http.UpstreamException;
import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.logistics.OrderSource;
import com.deskbridge.logistics.OrderStatus;
import com.deskbridge.logistics.OrderSummary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link OrderSource} over eBay's Fulfillment API: the order ({@code getOrder}) and, once anything shipped, its parcels
 * ({@code getShippingFulfillments}) with eBay's carrier code and the tracking number, as the logistics module's
 * {@link OrderSummary}. eBay orders are shipped by the seller, so they are FBM orders to the rest of Deskbridge: the
 * carrier adapters track the parcels and the proactive flags apply, with eBay's latest estimated delivery as the
 * promise. Upstream failures propagate as {@code UpstreamException}s, like {@code SpApiOrderSource}'s.
 */
public final class EbayOrderSource implements OrderSource {

    private final EbayClient ebay;
    private final EbaySellers sellers;

    public EbayOrderSource(EbayClient ebay, EbaySellers sellers) {
        this.ebay = Objects.requireNonNull(ebay);
        this.sellers = Objects.requireNonNull(sellers);
    }

    @Override
    public Optional<OrderSummary> order(String sellerId, String orderId) throws UpstreamException {
        EbayAccount account = sellers.account(sellerId);
        Optional<EbayOrder> order = ebay.fulfillment().order(account, orderId);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        EbayOrder o = order.get();
        List<EbayShippingFulfillment> parcels = "NOT_STARTED".equals(o.fulfillmentStatus()) ? List.of()
                : ebay.fulfillment().shippingFulfillments(account, orderId);
        return Optional.of(summary(o, parcels));
    }

    static OrderStatus status(EbayOrder o) {
        if (o.cancelled()) {
            return OrderStatus.CANCELLED;
        }
        if ("PENDING".equals(o.paymentStatus())) {
            return OrderStatus.PENDING;
        }
        return switch (o.fulfillmentStatus()) {
            case "FULFILLED" -> OrderStatus.SHIPPED;
            case "IN_PROGRESS" -> OrderStatus.PARTIALLY_SHIPPED;
            case "NOT_STARTED" -> OrderStatus.UNSHIPPED;
            default -> OrderStatus.UNKNOWN;
        };
    }

    static OrderSummary summary(EbayOrder o, List<EbayShippingFulfillment> parcels) {
        return new OrderSummary(o.orderId(), o.marketplaceId(), status(o), FulfilmentChannel.FBM, o.creationDate(),
                o.shipBy().orElse(null), o.latestDelivery().orElse(null),
                o.lineItems().stream().map(l -> new OrderSummary.Item(l.sku().orElse(null), l.title(), l.quantity())).toList(),
                parcels.stream().filter(p -> p.trackingNumber().isPresent())
                        .map(p -> new OrderSummary.ShippedPackage(p.carrierCode().orElse(null), p.trackingNumber().get(),
                                p.shippedDate().orElse(null))).toList());
    }
}
