package com.deskbridge.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * Amazon's Solicitations API v1 (model solicitations.json,
 * https://developer-docs.amazon.com/sp-api/docs/solicitations-api-v1-reference): the only way a seller may ask a buyer
 * for a product review and seller feedback. {@code getSolicitationActionsForOrder} lists the actions an order is
 * eligible for right now; {@code createProductReviewAndSellerFeedbackSolicitation} sends Amazon's own request, once per
 * order, 5 to 30 days after delivery. Outside that window, or for an order already asked, Amazon answers 403
 * {@code Unauthorized} with a message ("The requested solicitation is not available for this amazonOrderId.",
 * https://github.com/amzn/selling-partner-api-models/issues/19; "...outside the 5-30 day range after the order delivery
 * date.", https://github.com/amzn/selling-partner-api-docs/issues/121).
 */
public final class SolicitationsClient {
    /** The action name Amazon lists for the review request. */
    public static final String REVIEW_ACTION = "productReviewAndSellerFeedback";
    private static final String BASE = "/solicitations/v1/orders/";

    private final SpApiTransport transport;

    SolicitationsClient(SpApiTransport transport) {
        this.transport = transport;
    }

    /** What Amazon said about the review request for an order. */
    public enum Eligibility {
        /** Amazon lists productReviewAndSellerFeedback for the order now. */
        ELIGIBLE,
        /** Amazon lists no review action (outside 5-30 days after delivery, or asked already). */
        NOT_ELIGIBLE,
        /** Amazon does not know the order. */
        UNKNOWN_ORDER
    }

    /** The result of asking Amazon to send its review request. */
    public record Created(boolean created, String refusal) {
    }

    public Eligibility reviewEligibility(SellerAccount seller, String amazonOrderId, String marketplaceId) {
        HttpResponse<String> r = transport.get(seller, SpApiOperation.SOLICITATIONS_GET_ACTIONS,
                BASE + OrdersClient.encode(amazonOrderId) + "?marketplaceIds=" + OrdersClient.encode(marketplaceId));
        Optional<JsonNode> body = OrdersClient.read(r, SpApiOperation.SOLICITATIONS_GET_ACTIONS);
        if (body.isEmpty()) {
            return Eligibility.UNKNOWN_ORDER;
        }
        for (JsonNode action : body.get().path("_links").path("actions")) {
            if (REVIEW_ACTION.equals(action.path("name").asText())) {
                return Eligibility.ELIGIBLE;
            }
        }
        return Eligibility.NOT_ELIGIBLE;
    }

    /**
     * Asks Amazon to send its review and feedback request for the order.
     *
     * @return created, or not created with Amazon's reason (403 Unauthorized: not available for this order now)
     * @throws SpApiException for any other failure
     */
    public Created requestReview(SellerAccount seller, String amazonOrderId, String marketplaceId) {
        HttpResponse<String> r = transport.call(seller, SpApiOperation.SOLICITATIONS_CREATE_REVIEW, "POST",
                BASE + OrdersClient.encode(amazonOrderId) + "/solicitations/" + REVIEW_ACTION + "?marketplaceIds="
                        + OrdersClient.encode(marketplaceId), null);
        if (r.statusCode() == 201) {
            return new Created(true, null);
        }
        if (r.statusCode() == 403 || r.statusCode() == 404) {
            SpApiException e = SpApiException.from(SpApiOperation.SOLICITATIONS_CREATE_REVIEW, r);
            if (r.statusCode() == 404 || e.errorCode().map("Unauthorized"::equals).orElse(false)) {
                return new Created(false, e.getMessage());
            }
            throw e;
        }
        throw SpApiException.from(SpApiOperation.SOLICITATIONS_CREATE_REVIEW, r);
    }
}
