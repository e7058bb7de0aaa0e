package com.deskbridge.spapi;

import static com.deskbridge.spapi.Json.instant;
import static com.deskbridge.spapi.Json.integer;
import static com.deskbridge.spapi.Json.money;
import static com.deskbridge.spapi.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Orders API responses into {@link SpOrder}: v2026-01-01 {@code Order} (orders_2026-01-01.json) and v0
 * {@code Order} + {@code OrderItem}s (ordersV0.json). Public so that notification handlers and tests can parse
 * stored payloads; tolerant of absent optional fields, strict about the order id and purchase date.
 */
public final class OrderParsers {

    private OrderParsers() {
    }

    /** A v2026 {@code Order} object (the {@code order} of getOrder, or one of searchOrders' {@code orders}). */
    public static SpOrder fromV2026(JsonNode order) {
        String orderId = required(order, "orderId");
        JsonNode channel = order.path("salesChannel");
        JsonNode fulfillment = order.path("fulfillment");
        List<SpPackage> packages = new ArrayList<>();
        for (JsonNode p : order.path("packages")) {
            JsonNode status = p.path("packageStatus");
            packages.add(new SpPackage(Json.textOr(p, "packageReferenceId", String.valueOf(packages.size() + 1)),
                    text(p, "carrier"), text(p, "trackingNumber"), text(p, "shippingService"), instant(p, "shipTime"),
                    text(status, "status"), text(status, "detailedStatus")));
        }
        FulfillmentChannel fc = FulfillmentChannel.fromV2026(text(fulfillment, "fulfilledBy").orElse(null),
                text(channel, "channelName").orElse(null));
        if (fc == FulfillmentChannel.UNKNOWN && !packages.isEmpty()) {
            fc = FulfillmentChannel.FBM; // packages are FBM-only (orders_2026-01-01.json OrderPackage)
        }
        List<SpOrderItem> items = new ArrayList<>();
        for (JsonNode i : order.path("orderItems")) {
            items.add(itemV2026(i));
        }
        JsonNode buyer = order.path("buyer");
        Optional<BuyerContact> buyerContact = buyer.isObject()
                ? Optional.of(new BuyerContact(text(buyer, "buyerName"), text(buyer, "buyerEmail"))) : Optional.empty();
        JsonNode address = order.path("recipient").path("deliveryAddress");
        Optional<ShipTo> shipTo = address.isObject() ? Optional.of(new ShipTo(text(address, "city"),
                text(address, "stateOrRegion"), text(address, "postalCode"), text(address, "countryCode"))) : Optional.empty();
        boolean prime = false;
        for (JsonNode program : order.path("programs")) {
            prime |= "PRIME".equals(program.asText());
        }
        return new SpOrder(orderId, text(channel, "marketplaceId").orElse(""),
                OrderStatus.parse(text(fulfillment, "fulfillmentStatus").orElse(null)), fc,
                requiredInstant(order, "createdTime"), instant(order, "lastUpdatedTime"),
                instant(fulfillment.path("shipByWindow"), "latestDateTime"),
                instant(fulfillment.path("deliverByWindow"), "earliestDateTime"),
                instant(fulfillment.path("deliverByWindow"), "latestDateTime"),
                text(fulfillment, "fulfillmentServiceLevel"), prime,
                money(order.path("proceeds").path("grandTotal"), "amount", "currencyCode"),
                items, packages, buyerContact, shipTo, SpOrder.Source.ORDERS_V2026);
    }

    private static SpOrderItem itemV2026(JsonNode i) {
        JsonNode product = i.path("product");
        int quantity = integer(i, "quantityOrdered", 0);
        Optional<Money> unit = money(product.path("price").path("unitPrice"), "amount", "currencyCode");
        JsonNode itemFulfillment = i.path("fulfillment");
        Optional<Integer> shipped = itemFulfillment.has("quantityFulfilled")
                ? Optional.of(integer(itemFulfillment, "quantityFulfilled", 0)) : Optional.empty();
        JsonNode request = i.path("cancellation").path("cancellationRequest");
        boolean buyerCancel = "BUYER".equalsIgnoreCase(text(request, "requester").orElse(""));
        Optional<Money> shipping = Optional.empty();
        Optional<Money> itemTax = Optional.empty();
        Optional<Money> shippingTax = Optional.empty();
        for (JsonNode b : i.path("proceeds").path("breakdowns")) {
            Optional<Money> subtotal = money(b.path("subtotal"), "amount", "currencyCode");
            String type = text(b, "type").orElse("");
            if (type.equals("SHIPPING")) {
                shipping = subtotal;
            } else if (type.equals("TAX")) {
                Optional<Money> itemPart = detailed(b, "ITEM");
                Optional<Money> shippingPart = detailed(b, "SHIPPING");
                itemTax = itemPart.isPresent() || shippingPart.isPresent() ? itemPart : subtotal;
                shippingTax = shippingPart;
            }
        }
        return new SpOrderItem(required(i, "orderItemId"), text(product, "sellerSku"), text(product, "asin"),
                text(product, "title"), quantity, shipped, unit, unit.map(u -> u.times(quantity)), buyerCancel,
                buyerCancel ? text(request, "cancelReason") : Optional.empty(), shipping, itemTax, shippingTax);
    }

    /** The {@code detailedBreakdowns} value of one subtype of a v2026 proceeds breakdown. */
    private static Optional<Money> detailed(JsonNode breakdown, String subtype) {
        for (JsonNode d : breakdown.path("detailedBreakdowns")) {
            if (subtype.equals(text(d, "subtype").orElse(""))) {
                return money(d.path("value"), "amount", "currencyCode");
            }
        }
        return Optional.empty();
    }

    /** A v0 {@code Order} object (getOrder's {@code payload}, or one of getOrders' {@code payload.Orders}); no items yet. */
    public static SpOrder fromV0(JsonNode order) {
        String fulfillmentChannel = text(order, "FulfillmentChannel").orElse(null);
        Optional<ShipTo> shipTo = shipToFromV0(order.path("ShippingAddress"));
        return new SpOrder(required(order, "AmazonOrderId"), text(order, "MarketplaceId").orElse(""),
                OrderStatus.parse(text(order, "OrderStatus").orElse(null)),
                FulfillmentChannel.fromV0(fulfillmentChannel, text(order, "SalesChannel").orElse(null)),
                requiredInstant(order, "PurchaseDate"), instant(order, "LastUpdateDate"),
                instant(order, "LatestShipDate"), instant(order, "EarliestDeliveryDate"), instant(order, "LatestDeliveryDate"),
                text(order, "ShipmentServiceLevelCategory"), order.path("IsPrime").asBoolean(false),
                money(order.path("OrderTotal"), "Amount", "CurrencyCode"), List.of(), List.of(), Optional.empty(), shipTo,
                SpOrder.Source.ORDERS_V0);
    }

    /** The {@code OrderItems} of a v0 getOrderItems {@code payload}. */
    public static List<SpOrderItem> itemsFromV0(JsonNode payload) {
        List<SpOrderItem> items = new ArrayList<>();
        for (JsonNode i : payload.path("OrderItems")) {
            int quantity = integer(i, "QuantityOrdered", 0);
            Optional<Money> itemPrice = money(i.path("ItemPrice"), "Amount", "CurrencyCode");
            Optional<Money> unit = quantity > 0
                    ? itemPrice.map(p -> new Money(perUnit(p.amount(), quantity), p.currency()))
                    : Optional.empty();
            JsonNode cancel = i.path("BuyerRequestedCancel");
            boolean buyerCancel = "true".equalsIgnoreCase(text(cancel, "IsBuyerRequestedCancel").orElse("false"));
            items.add(new SpOrderItem(required(i, "OrderItemId"), text(i, "SellerSKU"), text(i, "ASIN"), text(i, "Title"),
                    quantity, i.has("QuantityShipped") ? Optional.of(integer(i, "QuantityShipped", 0)) : Optional.empty(),
                    unit, itemPrice, buyerCancel, buyerCancel ? text(cancel, "BuyerCancelReason") : Optional.empty(),
                    money(i.path("ShippingPrice"), "Amount", "CurrencyCode"), money(i.path("ItemTax"), "Amount", "CurrencyCode"),
                    money(i.path("ShippingTax"), "Amount", "CurrencyCode")));
        }
        return items;
    }

    /** v0 {@code ItemPrice} is the line total: exact unit price when it divides, else 4 decimals. */
    private static BigDecimal perUnit(BigDecimal lineTotal, int quantity) {
        try {
            return lineTotal.divide(BigDecimal.valueOf(quantity));
        } catch (ArithmeticException nonTerminating) {
            return lineTotal.divide(BigDecimal.valueOf(quantity), 4, RoundingMode.HALF_UP);
        }
    }

    /**
     * A v0 {@code ShippingAddress} (in an order, or getOrderAddress' {@code payload.ShippingAddress}), reduced to
     * city, region, postal code and country like {@link ShipTo}.
     */
    public static Optional<ShipTo> shipToFromV0(JsonNode address) {
        return address.isObject() ? Optional.of(new ShipTo(text(address, "City"), text(address, "StateOrRegion"),
                text(address, "PostalCode"), text(address, "CountryCode"))) : Optional.empty();
    }

    /** getOrderBuyerInfo's {@code payload} (v0 needs an RDT for it; v2026 {@code includedData=BUYER} does not). */
    public static BuyerContact buyerFromV0(JsonNode payload) {
        return new BuyerContact(text(payload, "BuyerName"), text(payload, "BuyerEmail"));
    }

    /** A v0 order with its items. */
    public static SpOrder fromV0(JsonNode order, JsonNode itemsPayload) {
        return fromV0(order).withItems(itemsFromV0(itemsPayload));
    }

    private static String required(JsonNode node, String field) {
        return text(node, field).orElseThrow(() -> new IllegalArgumentException("SP-API order data lacks " + field));
    }

    private static Instant requiredInstant(JsonNode node, String field) {
        return instant(node, field).orElseThrow(() -> new IllegalArgumentException("SP-API order data lacks a valid " + field));
    }
}
