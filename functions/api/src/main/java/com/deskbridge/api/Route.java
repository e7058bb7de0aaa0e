package com.deskbridge.api;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketId;

/**
 * One route of the API: its key as API Gateway names it ({@code "POST /tickets/{id}/replies"}) and what answers it.
 * Routes are stateless; {@link RouteTable} registers every one of them.
 */
record Route(String key, Answer answer) {

    /** Answers one call: parse, call one service, map the result. */
    @FunctionalInterface
    interface Answer {
        ApiResponse answer(Call call);
    }

    /**
     * A request being answered: the request, the caller's seller (from the verified token only) and the services.
     */
    record Call(ApiRequest request, SellerId seller, ApiApplication app) {

        TicketId ticketId() {
            return request.ticketId();
        }

        /** The ticket named by the path, the caller's seller's only (404 otherwise). */
        TicketDetail ticket() {
            return app.queries().ticket(seller, request.ticketId());
        }
    }
}
