package com.deskbridge.logistics;

import java.util.Optional;

/** Port: reads an order of a seller (SP-API in production, the SP-API simulator locally). */
public interface OrderSource {

    /** The order, or empty when the seller has no order with that id. */
    Optional<OrderSummary> order(String sellerId, String orderId);
}
