package com.deskbridge.domain.port;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;

/**
 * Asks for a ticket's order and tracking context to be fetched (asynchronously: a queue in AWS). Called by intake when
 * a stored buyer message names an order, and by the API when an agent asks for fresh tracking.
 */
public interface EnrichmentTrigger {

    /** Why the context is wanted. */
    enum Reason { TICKET_CREATED, ORDER_KNOWN, AGENT_REFRESH, SCHEDULED_REFRESH }

    void enrich(SellerId seller, TicketId ticket, String orderId, String marketplaceId, Reason reason);

    /** For wiring without enrichment (tests of other parts). */
    EnrichmentTrigger NONE = (seller, ticket, orderId, marketplaceId, reason) -> { };
}
