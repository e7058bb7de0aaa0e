package com.deskbridge.enrichment;

import com.deskbridge.logistics.OrderSummary;
import com.deskbridge.spapi.McfFulfillmentOrder;
import com.deskbridge.spapi.McfPackageTracking;
import java.util.Optional;

/**
 * Enrichment's port to a seller's Amazon orders: an order with, for MCF, its fulfillment order; an MCF package's
 * tracking; and ({@link FbaShipmentSource}) an FBA order's shipments. {@link SpApiOrderSource} reads them through
 * SP-API; tests give fixed orders. Upstream failures propagate as {@code UpstreamException}s (the caller decides
 * whether to retry).
 */
public interface AmazonOrders extends FbaShipmentSource {

    /** An order with, for MCF, its fulfillment order (the package numbers to track). */
    record Lookup(OrderSummary summary, Optional<McfFulfillmentOrder> mcf) {}

    /** The order under {@code orderId} (an Amazon order id or the seller's MCF id), empty when there is none. */
    Optional<Lookup> lookup(String sellerId, String orderId, String marketplaceId);

    /** Amazon's tracking of one MCF package (Fulfillment Outbound's package number). */
    Optional<McfPackageTracking> mcfTracking(String sellerId, String marketplaceId, int packageNumber);
}
