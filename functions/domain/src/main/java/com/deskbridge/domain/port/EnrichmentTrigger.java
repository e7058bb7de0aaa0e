package com.deskbridge.domain.port;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;

/**
 * Asks for a ticket's order and tracking context to be fetched (asynchronously: a queue in AWS). Called by intake when
 * a stored buyer message names an order (or is an e-mail or Shopify message naming none: its order is looked for),
 * and by the API when an agent asks for fresh tracking.
 */
public interface EnrichmentTrigger {

    /** Why the context is wanted; LINK_ORDER: a ticket naming no order, whose order is looked for (orderId null). */
    enum Reason { TICKET_CREATED, ORDER_KNOWN, AGENT_REFRESH, SCHEDULED_REFRESH, LINK_ORDER }

    void enrich(SellerId seller, TicketId ticket, String orderId, String marketplaceId, Reason reason);

    /**
     * One request, for {@link #enrichAll}. {@code correlationId}: the id of the work that asked (the buyer message's),
     * carried to the enrichment function's logs; null when none.
     */
    record Request(SellerId seller, TicketId ticket, String orderId, String marketplaceId, Reason reason,
                   String correlationId) {
        public Request(SellerId seller, TicketId ticket, String orderId, String marketplaceId, Reason reason) {
            this(seller, ticket, orderId, marketplaceId, reason, null);
        }
    }

    /**
     * Several requests at once (a batch of buyer messages): implementations may send them together.
     *
     * @throws RuntimeException when they could not all be handed over (the caller asks again for all of them)
     */
    default void enrichAll(java.util.List<Request> requests) {
        requests.forEach(r -> enrich(r.seller(), r.ticket(), r.orderId(), r.marketplaceId(), r.reason()));
    }

    /** For wiring without enrichment (tests of other parts). */
    EnrichmentTrigger NONE = (seller, ticket, orderId, marketplaceId, reason) -> { };
}
