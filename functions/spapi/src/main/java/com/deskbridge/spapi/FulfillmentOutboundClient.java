package com.deskbridge.spapi;

import static com.deskbridge.spapi.OrdersClient.encode;
import static com.deskbridge.spapi.OrdersClient.read;

import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * Multi-Channel Fulfillment status and tracking (fulfillmentOutbound_2020-07-01.json: getFulfillmentOrder, getPackageTrackingDetails, cancelFulfillmentOrder):
 * the fulfillment order by the seller's id, Amazon's tracking per package number, and cancellation of an
 * MCF order that has not started picking.
 */
public final class FulfillmentOutboundClient {

    private static final String BASE = "/fba/outbound/2020-07-01";

    private final SpApiTransport transport;

    FulfillmentOutboundClient(SpApiTransport transport) {
        this.transport = transport;
    }

    public Optional<McfFulfillmentOrder> getFulfillmentOrder(SellerAccount seller, String sellerFulfillmentOrderId) {
        HttpResponse<String> r = transport.get(seller, SpApiOperation.FBA_GET_FULFILLMENT_ORDER,
                BASE + "/fulfillmentOrders/" + encode(sellerFulfillmentOrderId));
        return read(r, SpApiOperation.FBA_GET_FULFILLMENT_ORDER).map(b -> McfParsers.fulfillmentOrder(b.path("payload")));
    }

    public Optional<McfPackageTracking> getPackageTrackingDetails(SellerAccount seller, int packageNumber) {
        HttpResponse<String> r = transport.get(seller, SpApiOperation.FBA_GET_PACKAGE_TRACKING_DETAILS,
                BASE + "/tracking?packageNumber=" + packageNumber);
        return read(r, SpApiOperation.FBA_GET_PACKAGE_TRACKING_DETAILS).map(b -> McfParsers.packageTracking(b.path("payload")));
    }

    /**
     * Cancels an MCF order (allowed while New, Received or Planning).
     *
     * @return false when Amazon does not know the order
     * @throws SpApiException when Amazon refuses (e.g. 400 because picking has started)
     */
    public boolean cancelFulfillmentOrder(SellerAccount seller, String sellerFulfillmentOrderId) {
        HttpResponse<String> r = transport.call(seller, SpApiOperation.FBA_CANCEL_FULFILLMENT_ORDER, "PUT",
                BASE + "/fulfillmentOrders/" + encode(sellerFulfillmentOrderId) + "/cancel", null);
        return read(r, SpApiOperation.FBA_CANCEL_FULFILLMENT_ORDER).isPresent();
    }
}
