package com.deskbridge.api;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketId;

/**
 * One route of the API: its key as API Gateway names it ({@code "POST /tickets/{id}/replies"}), what answers it, and
 * whether it changes anything (a write needs the agent's {@code sub}). Routes are stateless; {@link RouteTable}
 * registers every one of them.
 */
record Route(String key, Answer answer, boolean writes) {

    /** Every route but a GET writes. */
    Route(String key, Answer answer) {
        this(key, answer, !key.startsWith("GET "));
    }

    /** A route that reads only, whatever its method (e.g. a POST that checks a text). */
    static Route readOnly(String key, Answer answer) {
        return new Route(key, answer, false);
    }

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
