package com.deskbridge.sim.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

/**
 * Renders one compact fixture order (FIXTURE.md) in the two wire shapes Amazon serves for it: Orders API
 * v2026-01-01 {@code getOrder} (honouring {@code includedData}) and Orders API v0 {@code getOrder} +
 * {@code getOrderItems}. Field names and enums follow orders_2026-01-01.json and ordersV0.json.
 */
final class OrderRenderer {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Marketplace names as Amazon reports them in {@code salesChannel.marketplaceName} / v0 {@code SalesChannel}. */
    private static final Map<String, String> MARKETPLACE_NAMES = Map.ofEntries(
            Map.entry("ATVPDKIKX0DER", "Amazon.com"), Map.entry("A2EUQ1WTGCTBG2", "Amazon.ca"),
            Map.entry("A1AM78C64UM0Y8", "Amazon.com.mx"), Map.entry("A2Q3Y263D00KWC", "Amazon.com.br"),
            Map.entry("A1PA6795UKMFR9", "Amazon.de"), Map.entry("A1F83G8C2ARO7P", "Amazon.co.uk"),
            Map.entry("A13V1IB3VIYZZH", "Amazon.fr"), Map.entry("APJ6JRA9NG5V4", "Amazon.it"),
            Map.entry("A1RKKUPIHCS9HS", "Amazon.es"), Map.entry("A1805IZSGTT6HS", "Amazon.nl"),
            Map.entry("A1C3SOZRARQ6R3", "Amazon.pl"), Map.entry("A2NODRKZP88ZB9", "Amazon.se"),
            Map.entry("AMEN7PMS3EDWL", "Amazon.com.be"), Map.entry("A1VC38T7YXB528", "Amazon.co.jp"));

    /** v2026 fulfillment status → v0 OrderStatus. */
    private static final Map<String, String> V0_STATUS = Map.of(
            "PENDING_AVAILABILITY", "PendingAvailability", "PENDING", "Pending", "UNSHIPPED", "Unshipped",
            "PARTIALLY_SHIPPED", "PartiallyShipped", "SHIPPED", "Shipped", "CANCELLED", "Canceled",
            "UNFULFILLABLE", "Unfulfillable");

    private static final Map<String, String> V0_SERVICE_LEVEL = Map.of(
            "EXPEDITED", "Expedited", "FREE_ECONOMY", "FreeEconomy", "NEXT_DAY", "NextDay", "PRIORITY", "Priority",
            "SAME_DAY", "SameDay", "SECOND_DAY", "SecondDay", "SCHEDULED", "Scheduled", "STANDARD", "Standard");

    private OrderRenderer() {
    }

    static ObjectNode v2026(JsonNode o, Set<String> includedData) {
        ObjectNode order = F.objectNode();
        order.put("orderId", o.get("orderId").asText());
        order.put("createdTime", o.get("purchaseDate").asText());
        order.put("lastUpdatedTime", o.path("lastUpdatedDate").asText(o.get("purchaseDate").asText()));
        ArrayNode programs = order.putArray("programs");
        o.path("programs").forEach(programs::add);
        ObjectNode channel = order.putObject("salesChannel");
        channel.put("channelName", o.path("salesChannel").asText("AMAZON"));
        channel.put("marketplaceId", o.get("marketplaceId").asText());
        channel.put("marketplaceName", marketplaceName(o));
        String currency = o.path("currency").asText("USD");
        if (includedData.contains("BUYER") && o.has("buyer")) {
            ObjectNode buyer = order.putObject("buyer");
            copy(o.get("buyer"), "name", buyer, "buyerName");
            copy(o.get("buyer"), "email", buyer, "buyerEmail");
        }
        if (includedData.contains("RECIPIENT") && o.has("shipTo")) {
            ObjectNode address = order.putObject("recipient").putObject("deliveryAddress");
            JsonNode s = o.get("shipTo");
            for (String f : new String[] {"name", "addressLine1", "addressLine2", "city", "stateOrRegion", "postalCode", "countryCode"}) {
                copy(s, f, address, f);
            }
            address.put("addressType", s.path("addressType").asText("RESIDENTIAL"));
        }
        if (includedData.contains("PROCEEDS")) {
            order.putObject("proceeds").set("grandTotal", money(total(o), currency, "amount", "currencyCode"));
        }
        boolean merchant = "MERCHANT".equals(o.path("fulfilledBy").asText("MERCHANT"));
        if (includedData.contains("FULFILLMENT")) {
            ObjectNode f = order.putObject("fulfillment");
            f.put("fulfillmentStatus", o.get("status").asText());
            f.put("fulfilledBy", merchant ? "MERCHANT" : "AMAZON");
            f.put("fulfillmentServiceLevel", o.path("serviceLevel").asText("STANDARD"));
            window(o, "earliestShipDate", "latestShipDate", f, "shipByWindow");
            window(o, "earliestDeliveryDate", "latestDeliveryDate", f, "deliverByWindow");
        }
        ArrayNode items = order.putArray("orderItems");
        for (JsonNode i : o.path("items")) {
            ObjectNode item = items.addObject();
            item.put("orderItemId", i.get("orderItemId").asText());
            int quantity = i.path("quantity").asInt(1);
            item.put("quantityOrdered", quantity);
            ObjectNode product = item.putObject("product");
            copy(i, "asin", product, "asin");
            copy(i, "title", product, "title");
            copy(i, "sku", product, "sellerSku");
            product.putObject("price").set("unitPrice", money(decimal(i, "unitPrice"), currency, "amount", "currencyCode"));
            if (includedData.contains("PROCEEDS")) {
                ObjectNode proceeds = item.putObject("proceeds");
                proceeds.set("proceedsTotal", money(itemTotal(i), currency, "amount", "currencyCode"));
                var breakdowns = proceeds.putArray("breakdowns");
                breakdowns.addObject().put("type", "ITEM").set("subtotal", money(decimal(i, "unitPrice")
                        .multiply(BigDecimal.valueOf(quantity)), currency, "amount", "currencyCode"));
                breakdowns.addObject().put("type", "SHIPPING").set("subtotal", money(decimal(i, "shippingPrice"), currency,
                        "amount", "currencyCode"));
                breakdowns.addObject().put("type", "TAX").set("subtotal", money(decimal(i, "tax"), currency, "amount",
                        "currencyCode"));
            }
            if (includedData.contains("FULFILLMENT")) {
                int shipped = shipped(o, i);
                ObjectNode f = item.putObject("fulfillment");
                f.put("quantityFulfilled", shipped);
                f.put("quantityUnfulfilled", quantity - shipped);
            }
            if (includedData.contains("CANCELLATION") && i.path("buyerRequestedCancel").asBoolean(false)) {
                ObjectNode request = item.putObject("cancellation").putObject("cancellationRequest");
                request.put("requester", "BUYER");
                request.put("cancelReason", i.path("buyerCancelReason").asText("Buyer requested cancellation"));
            }
        }
        if (includedData.contains("PACKAGES") && merchant && o.has("packages")) {
            ArrayNode packages = order.putArray("packages");
            for (JsonNode p : o.get("packages")) {
                ObjectNode pkg = packages.addObject();
                pkg.put("packageReferenceId", p.path("packageReferenceId").asText(String.valueOf(packages.size())));
                copy(p, "shipTime", pkg, "createdTime");
                ObjectNode status = pkg.putObject("packageStatus");
                status.put("status", p.path("status").asText("SHIPPED"));
                copy(p, "detailedStatus", status, "detailedStatus");
                copy(p, "carrier", pkg, "carrier");
                copy(p, "shipTime", pkg, "shipTime");
                copy(p, "shippingService", pkg, "shippingService");
                copy(p, "trackingNumber", pkg, "trackingNumber");
                ArrayNode packageItems = pkg.putArray("packageItems");
                for (JsonNode i : o.path("items")) {
                    ObjectNode pi = packageItems.addObject();
                    pi.put("orderItemId", i.get("orderItemId").asText());
                    pi.put("quantity", i.path("quantity").asInt(1));
                }
            }
        }
        ObjectNode response = F.objectNode();
        response.set("order", order);
        return response;
    }

    static ObjectNode v0Order(JsonNode o) {
        ObjectNode p = F.objectNode();
        p.put("AmazonOrderId", o.get("orderId").asText());
        p.put("PurchaseDate", o.get("purchaseDate").asText());
        p.put("LastUpdateDate", o.path("lastUpdatedDate").asText(o.get("purchaseDate").asText()));
        String status = o.get("status").asText();
        p.put("OrderStatus", V0_STATUS.getOrDefault(status, status));
        boolean merchant = "MERCHANT".equals(o.path("fulfilledBy").asText("MERCHANT"));
        p.put("FulfillmentChannel", merchant ? "MFN" : "AFN");
        p.put("SalesChannel", "NON_AMAZON".equals(o.path("salesChannel").asText("AMAZON")) ? "Non-Amazon" : marketplaceName(o));
        String level = V0_SERVICE_LEVEL.getOrDefault(o.path("serviceLevel").asText("STANDARD"), "Standard");
        p.put("ShipServiceLevel", level);
        p.set("OrderTotal", money(total(o), o.path("currency").asText("USD"), "Amount", "CurrencyCode"));
        int shipped = 0;
        int unshipped = 0;
        for (JsonNode i : o.path("items")) {
            int s = shipped(o, i);
            shipped += s;
            unshipped += i.path("quantity").asInt(1) - s;
        }
        p.put("NumberOfItemsShipped", shipped);
        p.put("NumberOfItemsUnshipped", unshipped);
        p.put("MarketplaceId", o.get("marketplaceId").asText());
        p.put("ShipmentServiceLevelCategory", level);
        p.put("OrderType", "StandardOrder");
        if (merchant) {
            copy(o, "earliestShipDate", p, "EarliestShipDate");
            copy(o, "latestShipDate", p, "LatestShipDate");
            if (!Set.of("PENDING", "PENDING_AVAILABILITY", "CANCELLED").contains(status)) {
                copy(o, "earliestDeliveryDate", p, "EarliestDeliveryDate");
                copy(o, "latestDeliveryDate", p, "LatestDeliveryDate");
            }
        }
        boolean prime = false;
        for (JsonNode program : o.path("programs")) {
            prime |= "PRIME".equals(program.asText());
        }
        p.put("IsPrime", prime);
        p.put("IsBusinessOrder", false);
        p.put("IsPremiumOrder", false);
        p.put("IsReplacementOrder", false);
        p.put("IsISPU", false);
        p.put("IsAccessPointOrder", false);
        ObjectNode response = F.objectNode();
        response.set("payload", p);
        return response;
    }

    static ObjectNode v0Items(JsonNode o) {
        ObjectNode payload = F.objectNode();
        payload.put("AmazonOrderId", o.get("orderId").asText());
        ArrayNode items = payload.putArray("OrderItems");
        String currency = o.path("currency").asText("USD");
        for (JsonNode i : o.path("items")) {
            ObjectNode item = items.addObject();
            copy(i, "asin", item, "ASIN");
            copy(i, "sku", item, "SellerSKU");
            item.put("OrderItemId", i.get("orderItemId").asText());
            copy(i, "title", item, "Title");
            int quantity = i.path("quantity").asInt(1);
            item.put("QuantityOrdered", quantity);
            item.put("QuantityShipped", shipped(o, i));
            item.set("ItemPrice", money(decimal(i, "unitPrice").multiply(BigDecimal.valueOf(quantity)), currency, "Amount", "CurrencyCode"));
            item.set("ItemTax", money(decimal(i, "tax"), currency, "Amount", "CurrencyCode"));
            item.set("ShippingPrice", money(decimal(i, "shippingPrice"), currency, "Amount", "CurrencyCode"));
            ObjectNode cancel = item.putObject("BuyerRequestedCancel");
            boolean requested = i.path("buyerRequestedCancel").asBoolean(false);
            cancel.put("IsBuyerRequestedCancel", String.valueOf(requested));
            if (requested) {
                cancel.put("BuyerCancelReason", i.path("buyerCancelReason").asText("Buyer requested cancellation"));
            }
        }
        ObjectNode response = F.objectNode();
        response.set("payload", payload);
        return response;
    }

    private static int shipped(JsonNode order, JsonNode item) {
        if (item.has("quantityShipped")) {
            return item.get("quantityShipped").asInt();
        }
        String status = order.get("status").asText();
        return "SHIPPED".equals(status) ? item.path("quantity").asInt(1) : 0;
    }

    static String marketplaceName(JsonNode o) {
        return o.path("marketplaceName").asText(MARKETPLACE_NAMES.getOrDefault(o.get("marketplaceId").asText(), "Amazon"));
    }

    static BigDecimal total(JsonNode o) {
        if (o.has("total")) {
            return decimal(o, "total");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode i : o.path("items")) {
            sum = sum.add(itemTotal(i));
        }
        return sum;
    }

    private static BigDecimal itemTotal(JsonNode i) {
        return decimal(i, "unitPrice").multiply(BigDecimal.valueOf(i.path("quantity").asInt(1)))
                .add(decimal(i, "shippingPrice")).add(decimal(i, "tax"));
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? BigDecimal.ZERO : new BigDecimal(v.asText());
    }

    private static ObjectNode money(BigDecimal amount, String currency, String amountField, String currencyField) {
        ObjectNode m = F.objectNode();
        String currencyFirst = amountField.equals("Amount") ? currencyField : null;
        if (currencyFirst != null) {
            m.put(currencyField, currency);
        }
        m.put(amountField, amount.setScale(Math.max(2, amount.scale()), RoundingMode.UNNECESSARY).toPlainString());
        if (currencyFirst == null) {
            m.put(currencyField, currency);
        }
        return m;
    }

    private static void window(JsonNode o, String earliest, String latest, ObjectNode target, String name) {
        if (o.has(earliest) || o.has(latest)) {
            ObjectNode w = target.putObject(name);
            copy(o, earliest, w, "earliestDateTime");
            copy(o, latest, w, "latestDateTime");
        }
    }

    static void copy(JsonNode from, String field, ObjectNode to, String as) {
        JsonNode v = from.get(field);
        if (v != null && !v.isNull()) {
            to.set(as, v);
        }
    }
}
