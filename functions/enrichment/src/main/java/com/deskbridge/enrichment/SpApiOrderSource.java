package com.deskbridge.enrichment;

import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.logistics.OrderSource;
import com.deskbridge.logistics.OrderStatus;
import com.deskbridge.logistics.OrderSummary;
import com.deskbridge.spapi.FbaShipment;
import com.deskbridge.spapi.McfFulfillmentOrder;
import com.deskbridge.spapi.McfPackageTracking;
import com.deskbridge.spapi.ReportsClient;
import com.deskbridge.spapi.SellerAccount;
import com.deskbridge.spapi.SpApiClient;
import com.deskbridge.spapi.SpOrder;
import com.deskbridge.spapi.SpOrderItem;
import com.deskbridge.spapi.SpPackage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link OrderSource} over SP-API. Amazon order ids ({@code 3-7-7} digits) are read with Orders v2026 (v0 fallback
 * inside {@link com.deskbridge.spapi.OrdersClient}); any other id is taken as the seller's Multi-Channel Fulfillment
 * order id, which Fulfillment Outbound is keyed by (fulfillmentOutbound_2020-07-01.json, getFulfillmentOrder). An Amazon order that turns out to be MCF
 * (fulfilled by Amazon, sold elsewhere) is looked up in Fulfillment Outbound under the same id as well. Upstream
 * failures propagate as {@code UpstreamException}s (the caller decides whether to retry). FBA orders' shipments come
 * from the FBA shipments report ({@link #shipments}), which the shared {@link SpApiClient} keeps for 30 minutes per
 * seller and marketplace.
 */
public final class SpApiOrderSource implements OrderSource, AmazonOrders {

    private static final Pattern AMAZON_ORDER_ID = Pattern.compile("\\d{3}-\\d{7}-\\d{7}");

    private final SpApiClient spApi;
    private final SellerAccounts accounts;

    public SpApiOrderSource(SpApiClient spApi, SellerAccounts accounts) {
        this.spApi = Objects.requireNonNull(spApi);
        this.accounts = Objects.requireNonNull(accounts);
    }

    @Override
    public Optional<OrderSummary> order(String sellerId, String orderId) {
        return lookup(sellerId, orderId, null).map(Lookup::summary);
    }

    @Override
    public Optional<Lookup> lookup(String sellerId, String orderId, String marketplaceId) {
        SellerAccount account = accounts.account(sellerId, marketplaceId);
        if (AMAZON_ORDER_ID.matcher(orderId).matches()) {
            Optional<SpOrder> order = spApi.orders().getOrder(account, orderId);
            if (order.isEmpty()) {
                return Optional.empty();
            }
            OrderSummary summary = summary(order.get());
            Optional<McfFulfillmentOrder> mcf = summary.channel() == FulfilmentChannel.MCF
                    ? spApi.fulfillmentOutbound().getFulfillmentOrder(account, orderId) : Optional.empty();
            return Optional.of(new Lookup(summary, mcf));
        }
        return spApi.fulfillmentOutbound().getFulfillmentOrder(account, orderId)
                .map(f -> new Lookup(summary(f, marketplaceId), Optional.of(f)));
    }

    @Override
    public Optional<McfPackageTracking> mcfTracking(String sellerId, String marketplaceId, int packageNumber) {
        return spApi.fulfillmentOutbound().getPackageTrackingDetails(accounts.account(sellerId, marketplaceId), packageNumber);
    }

    /**
     * The order's lines of the FBA shipments report covering the last {@link ReportsClient#MAX_RANGE} (one report serves
     * every recent order of the seller, reused for 30 minutes); for an older order the month from its purchase.
     */
    @Override
    public List<FbaShipment> shipments(String sellerId, String marketplaceId, String orderId, Instant purchaseDate, Instant now) {
        Instant to = now;
        Instant from = now.minus(ReportsClient.MAX_RANGE);
        if (purchaseDate != null && purchaseDate.isBefore(from)) {
            from = purchaseDate;
            to = purchaseDate.plus(ReportsClient.MAX_RANGE);
        }
        return spApi.reports().fbaShipments(accounts.account(sellerId, marketplaceId), marketplaceId, from, to).forOrder(orderId);
    }

    static OrderSummary summary(SpOrder o) {
        FulfilmentChannel channel = switch (o.fulfillmentChannel()) {
            case FBA -> FulfilmentChannel.FBA;
            case MCF -> FulfilmentChannel.MCF;
            // FBM, and orders whose channel Amazon did not say: seller-shipped is the only case with packages
            default -> FulfilmentChannel.FBM;
        };
        return new OrderSummary(o.orderId(), o.marketplaceId(), OrderStatus.fromAmazon(o.status().name()), channel,
                o.purchaseDate(), o.latestShipDate().orElse(null), o.latestDeliveryDate().orElse(null),
                o.items().stream().map(i -> item(i, o.currency().orElse(null))).toList(),
                o.packages().stream().filter(p -> p.trackingNumber().filter(n -> !n.isBlank()).isPresent())
                        .map(SpApiOrderSource::shipped).toList(), o.currency().orElse(null));
    }

    /** The line with its id and the price of all its units (v0 ItemPrice, else unit price × quantity). */
    private static OrderSummary.Item item(SpOrderItem i, String orderCurrency) {
        java.util.Optional<com.deskbridge.spapi.Money> price = i.itemPrice()
                .or(() -> i.unitPrice().map(p -> p.times(i.quantityOrdered())));
        return new OrderSummary.Item(i.orderItemId(), i.sku().orElse(null), i.title().orElse(null), i.quantityOrdered(),
                price.map(com.deskbridge.spapi.Money::amount).orElse(null),
                price.map(com.deskbridge.spapi.Money::currency).orElse(orderCurrency));
    }

    private static OrderSummary.ShippedPackage shipped(SpPackage p) {
        return new OrderSummary.ShippedPackage(p.carrier().orElse(null), p.trackingNumber().orElseThrow(),
                p.shipTime().orElse(null));
    }

    static OrderSummary summary(McfFulfillmentOrder f, String marketplaceId) {
        OrderStatus status = switch (f.status()) {
            case NEW, RECEIVED, PLANNING, PROCESSING -> OrderStatus.UNSHIPPED;
            case COMPLETE -> OrderStatus.SHIPPED;
            case COMPLETE_PARTIALLED -> OrderStatus.PARTIALLY_SHIPPED;
            case CANCELLED -> OrderStatus.CANCELLED;
            case UNFULFILLABLE, INVALID -> OrderStatus.UNFULFILLABLE;
            default -> OrderStatus.UNKNOWN;
        };
        return new OrderSummary(f.sellerFulfillmentOrderId(), f.marketplaceId().orElse(marketplaceId), status,
                FulfilmentChannel.MCF, f.receivedDate().orElse(null), null, null,
                f.items().stream().map(i -> new OrderSummary.Item(i.sellerSku().orElse(null), null, i.quantity())).toList(),
                f.shipments().stream().flatMap(s -> s.packages().stream().map(p -> new OrderSummary.ShippedPackage(
                        p.carrierCode().orElse(null), McfSnapshots.trackingNumber(p), s.shippingDate().orElse(null)))).toList());
    }
}
