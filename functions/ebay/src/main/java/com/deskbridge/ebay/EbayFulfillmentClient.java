package com.deskbridge.ebay;

import com.deskbridge.orderactions.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * eBay's Fulfillment API v1 (https://developer.ebay.com/api-docs/sell/fulfillment/overview.html): an order with its
 * lines, payments, refunds and cancellation requests ({@code getOrder}), recent orders ({@code getOrders}, to find the
 * order a buyer's message is about), the parcels shipped ({@code getShippingFulfillments}) and refunds
 * ({@code issueRefund}, processed asynchronously: the order's {@code paymentSummary.refunds} shows the outcome).
 */
public final class EbayFulfillmentClient {

    /** getOrders serves at most 200 orders a page. */
    static final int ORDERS_PAGE = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final EbayTransport transport;

    EbayFulfillmentClient(EbayTransport transport) {
        this.transport = transport;
    }

    /** A page of orders. */
    public record OrderPage(List<EbayOrder> orders, int total, boolean more) {}

    /** What issueRefund answered: the refund's id and status ({@code PENDING} when accepted). */
    public record RefundReceipt(String refundId, String refundStatus) {}

    /** The order, or empty when eBay does not know it for this seller. */
    public Optional<EbayOrder> order(EbayAccount account, String orderId) {
        HttpResponse<String> r = transport.get(account, EbayOperation.GET_ORDER, "/sell/fulfillment/v1/order/" + EbayOAuth.enc(orderId));
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(EbayOrder.parse(EbayMessagesClient.ok(r, EbayOperation.GET_ORDER), EbayOperation.GET_ORDER));
    }

    /** Orders created at or after {@code createdFrom}, newest first. */
    public OrderPage orders(EbayAccount account, Instant createdFrom, int offset) {
        HttpResponse<String> r = transport.get(account, EbayOperation.GET_ORDERS, "/sell/fulfillment/v1/order?filter="
                + EbayOAuth.enc("creationdate:[" + TIME.format(createdFrom.truncatedTo(ChronoUnit.MILLIS)) + "..]")
                + "&limit=" + ORDERS_PAGE + "&offset=" + offset);
        JsonNode body = EbayMessagesClient.ok(r, EbayOperation.GET_ORDERS);
        List<EbayOrder> list = new ArrayList<>();
        for (JsonNode o : body.path("orders")) {
            list.add(EbayOrder.parse(o, EbayOperation.GET_ORDERS));
        }
        return new OrderPage(list, body.path("total").asInt(list.size()), body.hasNonNull("next"));
    }

    /** The parcels shipped for the order (empty for an unknown order). */
    public List<EbayShippingFulfillment> shippingFulfillments(EbayAccount account, String orderId) {
        HttpResponse<String> r = transport.get(account, EbayOperation.GET_SHIPPING_FULFILLMENTS,
                "/sell/fulfillment/v1/order/" + EbayOAuth.enc(orderId) + "/shipping_fulfillment");
        if (r.statusCode() == 404) {
            return List.of();
        }
        JsonNode body = EbayMessagesClient.ok(r, EbayOperation.GET_SHIPPING_FULFILLMENTS);
        List<EbayShippingFulfillment> list = new ArrayList<>();
        for (JsonNode f : body.path("fulfillments")) {
            list.add(new EbayShippingFulfillment(f.path("fulfillmentId").asText(""), EbayJson.text(f, "shippingCarrierCode"),
                    EbayJson.text(f, "shipmentTrackingNumber"), EbayJson.instant(f, "shippedDate")));
        }
        return list;
    }

    /**
     * Issues a refund of the given amounts per line item (eBay's {@code refundItems}). Signed for EU/UK sellers.
     *
     * @param reasonForRefund eBay's {@code ReasonForRefundEnum} value
     * @throws EbayApiException when eBay refuses it (amount above what is refundable, unpaid order, bad signature)
     */
    public RefundReceipt issueRefund(EbayAccount account, String orderId, String reasonForRefund, Map<String, Money> perLineItem,
                                     String comment) {
        ObjectNode req = EbayJson.MAPPER.createObjectNode();
        req.put("reasonForRefund", reasonForRefund);
        if (comment != null && !comment.isBlank()) {
            req.put("comment", comment.length() > 100 ? comment.substring(0, 100) : comment);
        }
        ArrayNode items = req.putArray("refundItems");
        perLineItem.forEach((lineItemId, amount) -> {
            ObjectNode i = items.addObject();
            i.put("lineItemId", lineItemId);
            i.putObject("refundAmount").put("value", amount.plain()).put("currency", amount.currency());
        });
        HttpResponse<String> r = transport.call(account, EbayOperation.ISSUE_REFUND, "POST",
                "/sell/fulfillment/v1/order/" + EbayOAuth.enc(orderId) + "/issue_refund", req.toString());
        JsonNode body = EbayMessagesClient.ok(r, EbayOperation.ISSUE_REFUND);
        return new RefundReceipt(EbayJson.required(body, "refundId", EbayOperation.ISSUE_REFUND),
                EbayJson.text(body, "refundStatus").orElse("PENDING"));
    }
}
