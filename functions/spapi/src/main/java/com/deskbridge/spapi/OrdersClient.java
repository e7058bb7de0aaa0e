package com.deskbridge.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads one order for a ticket. Orders API v2026-01-01 {@code getOrder} is the primary source (packages with
 * tracking numbers, no RDT needed); Orders v0 ({@code getOrder} + {@code getOrderItems}, deprecated, removed
 * 2027-03-27, https://developer-docs.amazon.com/sp-api/changelog/new-introducing-the-orders-api-v2026-01-01) is the fallback when v2026 refuses the call (403 after a fresh token,
 * 400), e.g. while an application's roles are being migrated.
 */
public final class OrdersClient {

    private static final Logger LOG = Logger.getLogger(OrdersClient.class.getName());

    /**
     * What the helpdesk asks for: buyer (name and anonymised relay address, to thread e-mails), recipient (only
     * city/postal code/country are kept), fulfilment and packages (channel, promises, tracking numbers),
     * proceeds (order total) and cancellation (buyer-requested cancels). Not tax, payment, expense or promotion
     * data, which a helpdesk does not need (Data Protection Policy, https://developer-docs.amazon.com/sp-api/changelog/update-to-the-data-protection-policy).
     */
    public static final List<String> INCLUDED_DATA = List.of("BUYER", "RECIPIENT", "FULFILLMENT", "PACKAGES", "PROCEEDS", "CANCELLATION");

    private final SpApiTransport transport;

    OrdersClient(SpApiTransport transport) {
        this.transport = transport;
    }

    /** The order from v2026, or from v0 when v2026 refuses; empty when Amazon does not know the order. */
    public Optional<SpOrder> getOrder(SellerAccount seller, String orderId) {
        try {
            return getOrderV2026(seller, orderId);
        } catch (SpApiException e) {
            if (e.status() != 403 && e.status() != 400) {
                throw e;
            }
            LOG.warning(() -> "Orders v2026 getOrder refused for seller " + seller.sellerId() + " (" + e.getMessage()
                    + "); falling back to the deprecated Orders v0");
            return getOrderV0(seller, orderId);
        }
    }

    /** Orders API v2026-01-01 {@code getOrder} with {@link #INCLUDED_DATA}. */
    public Optional<SpOrder> getOrderV2026(SellerAccount seller, String orderId) {
        HttpResponse<String> r = transport.get(seller, SpApiOperation.ORDERS_GET_ORDER,
                "/orders/2026-01-01/orders/" + encode(orderId) + "?includedData=" + String.join(",", INCLUDED_DATA));
        return read(r, SpApiOperation.ORDERS_GET_ORDER).map(body -> OrderParsers.fromV2026(body.path("order")));
    }

    /** Orders API v0 {@code getOrder} + {@code getOrderItems} (no packages, no buyer data: those need an RDT in v0). */
    public Optional<SpOrder> getOrderV0(SellerAccount seller, String orderId) {
        HttpResponse<String> r = transport.get(seller, SpApiOperation.ORDERS_V0_GET_ORDER, "/orders/v0/orders/" + encode(orderId));
        Optional<JsonNode> order = read(r, SpApiOperation.ORDERS_V0_GET_ORDER);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        HttpResponse<String> items = transport.get(seller, SpApiOperation.ORDERS_V0_GET_ORDER_ITEMS,
                "/orders/v0/orders/" + encode(orderId) + "/orderItems");
        JsonNode itemsPayload = read(items, SpApiOperation.ORDERS_V0_GET_ORDER_ITEMS)
                .orElseThrow(() -> new SpApiException(SpApiOperation.ORDERS_V0_GET_ORDER_ITEMS.id(), 404, null, "NotFound",
                        "order " + orderId + " exists but its items were not found"));
        // getOrderItems can page (NextToken); helpdesk orders have few lines, so only the first page is read.
        return Optional.of(OrderParsers.fromV0(order.get().path("payload"), itemsPayload.path("payload")));
    }

    /** 2xx → body; 404 → empty; anything else → {@link SpApiException}. */
    static Optional<JsonNode> read(HttpResponse<String> r, SpApiOperation op) {
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() / 100 != 2) {
            throw SpApiException.from(op, r);
        }
        return Optional.of(Json.parse(r.body()));
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
