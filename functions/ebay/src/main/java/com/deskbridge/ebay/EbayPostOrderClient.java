package com.deskbridge.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Post-Order API's cancellation resource (https://developer.ebay.com/Devzone/post-order/index.html): whether an
 * order can still be cancelled, a seller's cancellation (which cancels at once and refunds a paid order
 * automatically), approving a buyer's cancellation request, and a cancellation's state. eBay keeps these calls in
 * Post-Order v2 (2.9.0 lists them; only buyer-side and case calls were decommissioned in 2026), and requires digital
 * signatures on create and approve for EU/UK sellers.
 */
public final class EbayPostOrderClient {

    private final EbayTransport transport;

    EbayPostOrderClient(EbayTransport transport) {
        this.transport = transport;
    }

    /** Whether eBay would cancel the order now, and if not why (eBay's failure reasons). */
    public record Eligibility(boolean eligible, List<String> failureReasons) {}

    /** A created cancellation ({@code cancelId}) or why eBay refused to create one. */
    public record CancelResult(Optional<String> cancelId, List<String> failureReasons) {}

    /** A cancellation's state ({@code CLOSED} once done) and status ({@code CANCEL_CLOSED_WITH_REFUND}, ...). */
    public record CancellationState(String cancelId, String state, String status) {}

    public Eligibility checkEligibility(EbayAccount account, String orderId) {
        ObjectNode req = EbayJson.MAPPER.createObjectNode().put("legacyOrderId", orderId);
        HttpResponse<String> r = transport.call(account, EbayOperation.CHECK_CANCELLATION_ELIGIBILITY, "POST",
                "/post-order/v2/cancellation/check_eligibility", req.toString());
        JsonNode body = EbayMessagesClient.ok(r, EbayOperation.CHECK_CANCELLATION_ELIGIBILITY);
        return new Eligibility(body.path("eligible").asBoolean(false), reasons(body));
    }

    /**
     * Cancels the order as the seller.
     *
     * @param cancelReason one of eBay's seller reasons: OUT_OF_STOCK_OR_CANNOT_FULFILL, BUYER_ASKED_CANCEL, ADDRESS_ISSUES
     */
    public CancelResult create(EbayAccount account, String orderId, String cancelReason, boolean buyerPaid, Instant buyerPaidDate) {
        ObjectNode req = EbayJson.MAPPER.createObjectNode();
        req.put("legacyOrderId", orderId);
        req.put("cancelReason", cancelReason);
        req.put("buyerPaid", buyerPaid);
        if (buyerPaid && buyerPaidDate != null) {
            req.putObject("buyerPaidDate").put("value", buyerPaidDate.toString());
        }
        HttpResponse<String> r = transport.call(account, EbayOperation.CREATE_CANCELLATION, "POST", "/post-order/v2/cancellation",
                req.toString());
        JsonNode body = EbayMessagesClient.ok(r, EbayOperation.CREATE_CANCELLATION);
        return new CancelResult(EbayJson.text(body, "cancelId"), reasons(body.path("orderEligibilityResult")));
    }

    /** Approves the buyer's cancellation request {@code cancelId}: eBay cancels the order and refunds the buyer. */
    public void approve(EbayAccount account, String cancelId) {
        HttpResponse<String> r = transport.call(account, EbayOperation.APPROVE_CANCELLATION, "POST",
                "/post-order/v2/cancellation/" + EbayOAuth.enc(cancelId) + "/approve", "{}");
        if (r.statusCode() / 100 != 2) {
            throw EbayApiException.from(EbayOperation.APPROVE_CANCELLATION, r);
        }
    }

    public Optional<CancellationState> cancellation(EbayAccount account, String cancelId) {
        HttpResponse<String> r = transport.get(account, EbayOperation.GET_CANCELLATION, "/post-order/v2/cancellation/"
                + EbayOAuth.enc(cancelId));
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode d = EbayMessagesClient.ok(r, EbayOperation.GET_CANCELLATION).path("cancelDetail");
        return Optional.of(new CancellationState(d.path("cancelId").asText(cancelId), d.path("cancelState").asText(""),
                d.path("cancelStatus").asText("")));
    }

    private static List<String> reasons(JsonNode eligibility) {
        List<String> out = new ArrayList<>();
        eligibility.path("failureReason").forEach(f -> out.add(f.asText()));
        return out;
    }
}
