package com.deskbridge.api;

import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.enrichment.TicketEnrichment;
import com.deskbridge.reviews.ReviewRequests;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code GET} and {@code POST /tickets/{id}/review-request}: Amazon's review and seller-feedback request for the
 * ticket's order (Solicitations API), offered only while Amazon says the order is eligible, once per order.
 */
final class ReviewRoutes {
    static final List<Route> ROUTES = List.of(
            new Route("GET /tickets/{id}/review-request", ReviewRoutes::status),
            new Route("POST /tickets/{id}/review-request", ReviewRoutes::request));

    private ReviewRoutes() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReviewJson(String orderId, String state, boolean offered, String requestedBy, String requestedAt,
                      String ticketId, String detail) {
        static ReviewJson of(ReviewRequests.Status s) {
            return new ReviewJson(s.orderId(), s.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    s.state() == ReviewRequests.State.ELIGIBLE, s.requestedBy(),
                    s.requestedAt() == null ? null : s.requestedAt().toString(), s.ticketId(), s.detail());
        }
    }

    private record Order(String orderId, String marketplaceId) {
    }

    private static ApiResponse status(Route.Call call) {
        Order order = order(call);
        return ApiResponse.ok(ReviewJson.of(call.app().reviews().get().status(call.seller().value(), order.orderId(),
                order.marketplaceId())));
    }

    /** 201 when Amazon took the request; 409 when asked before or when Amazon does not offer it now. */
    private static ApiResponse request(Route.Call call) {
        Order order = order(call);
        ReviewRequests.Status s;
        try {
            s = call.app().reviews().get().request(call.seller().value(), call.ticketId().value(), order.orderId(),
                    order.marketplaceId(), call.request().agent());
        } catch (ReviewRequests.AlreadyRequested asked) {
            ReviewRequests.Status earlier = asked.earlier();
            throw new ApiProblem("review-already-requested", "A review was requested for this order already", 409,
                    "Amazon allows one review request per order: " + (earlier.requestedBy() == null ? "it was asked"
                            : earlier.requestedBy() + " asked at " + earlier.requestedAt()) + "; nothing was sent",
                    null, Map.of("orderId", order.orderId()));
        }
        if (s.state() != ReviewRequests.State.REQUESTED) {
            throw new ApiProblem("review-not-eligible", "Amazon does not offer a review request for this order now", 409,
                    (s.detail() == null ? "not eligible" : s.detail()) + " (5 to 30 days after delivery, once per order); "
                            + "nothing was sent", null, Map.of("orderId", order.orderId()));
        }
        return ApiResponse.json(201, ReviewJson.of(s));
    }

    private static Order order(Route.Call call) {
        TicketDetail ticket = call.ticket();
        String orderId = ticket.ticket().orderId();
        String marketplaceId = ticket.ticket().marketplaceId();
        if (marketplaceId == null || orderId == null) {
            var enrichment = call.app().views().context().enrichment(call.seller().value(), ticket.ticket().id().value());
            orderId = orderId != null ? orderId : enrichment.map(TicketEnrichment::orderId).orElse(null);
            marketplaceId = marketplaceId != null ? marketplaceId : enrichment.map(TicketEnrichment::marketplaceId).orElse(null);
        }
        if (ticket.ticket().channel() != Channel.AMAZON || orderId == null || marketplaceId == null) {
            throw new ApiProblem("review-no-amazon-order", "This ticket has no Amazon order to ask a review for", 409,
                    "a review request goes through Amazon for an Amazon order; this ticket names none", null, Map.of());
        }
        return new Order(orderId, marketplaceId);
    }
}
