package com.deskbridge.api;

import com.deskbridge.actions.ActionResult;
import com.deskbridge.actions.ApprovalResult;
import com.deskbridge.actions.OrderActions;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.enrichment.TicketEnrichment;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.RefundRequest;
import com.deskbridge.orderactions.Violation;
import com.deskbridge.orderactions.ViolationReason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Refunds and cancellations from a ticket: only for the ticket's order or one in its order context (the order the
 * enrichment read for it), never for another order of the seller; then validated against the live order and
 * recorded exactly once by {@link OrderActions}.
 */
final class TicketActions {
    private final Supplier<OrderActions> actions;
    private final TicketContext context;

    TicketActions(Supplier<OrderActions> actions, TicketContext context) {
        this.actions = Objects.requireNonNull(actions);
        this.context = Objects.requireNonNull(context);
    }

    ActionResult refund(TicketDetail ticket, String agent, String key, RefundRequest request) {
        return outsideTicket(ticket, request.orderId()) != null ? outsideTicket(ticket, request.orderId())
                : actions.get().requestRefund(seller(ticket), id(ticket), agent, key, request, buyerRequestAt(ticket));
    }

    ActionResult cancel(TicketDetail ticket, String agent, String key, CancellationRequest request) {
        return outsideTicket(ticket, request.orderId()) != null ? outsideTicket(ticket, request.orderId())
                : actions.get().requestCancellation(seller(ticket), id(ticket), agent, key, request, buyerRequestAt(ticket));
    }

    /** A lead approves a refund of this ticket that awaits approval (never the lead's own). */
    ApprovalResult approve(TicketDetail ticket, String actionId, String lead) {
        return actions.get().approve(seller(ticket), id(ticket), actionId, lead);
    }

    /** A lead rejects a refund of this ticket that awaits approval. */
    ApprovalResult reject(TicketDetail ticket, String actionId, String lead) {
        return actions.get().reject(seller(ticket), id(ticket), actionId, lead);
    }

    /** The orders this ticket may act on: its own and those of its order context. */
    Set<String> ticketOrders(TicketDetail ticket) {
        Set<String> orders = new TreeSet<>();
        if (ticket.ticket().orderId() != null) {
            orders.add(ticket.ticket().orderId());
        }
        context.enrichment(seller(ticket), id(ticket)).ifPresent(e -> {
            if (e.orderId() != null) {
                orders.add(e.orderId());
            }
            TicketEnrichment.OrderView order = e.order();
            if (order != null && order.orderId() != null) {
                orders.add(order.orderId());
            }
        });
        return orders;
    }

    /** A refusal when {@code orderId} is not one of the ticket's orders; null when it is (or is missing: the rules say so). */
    private ActionResult.Rejected outsideTicket(TicketDetail ticket, String orderId) {
        if (orderId == null) {
            return null;
        }
        Set<String> orders = ticketOrders(ticket);
        if (orders.contains(orderId)) {
            return null;
        }
        return new ActionResult.Rejected(List.of(new Violation("orderId", ViolationReason.ORDER_MISMATCH, orders.isEmpty()
                ? "this ticket is about no order, so it cannot refund or cancel order " + orderId
                + ": act from the ticket about that order"
                : "order " + orderId + " is not this ticket's order (" + String.join(", ", orders)
                + "): act from the ticket about that order")));
    }

    private static String seller(TicketDetail ticket) {
        return ticket.ticket().seller().value();
    }

    private static String id(TicketDetail ticket) {
        return ticket.ticket().id().value();
    }

    /** The buyer's request the action answers: the oldest unanswered message, else the ticket's first. */
    private static Instant buyerRequestAt(TicketDetail ticket) {
        return ticket.ticket().awaitingReplySince() != null ? ticket.ticket().awaitingReplySince() : ticket.ticket().createdAt();
    }
}
