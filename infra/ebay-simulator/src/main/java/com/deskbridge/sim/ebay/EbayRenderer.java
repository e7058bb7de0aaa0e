package com.deskbridge.sim.ebay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Renders the world in eBay's published shapes: Fulfillment API {@code Order} and {@code ShippingFulfillment}
 * (sell_fulfillment_v1_oas3), Message API {@code ConversationDetail} and {@code MessageDetail}
 * (commerce_message_v1_oas3), Post-Order cancellation details. Timestamps in eBay's millisecond ISO-8601 UTC form.
 */
final class EbayRenderer {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private EbayRenderer() {
    }

    static String time(Instant t) {
        return TIME.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    static ObjectNode amount(BigDecimal value, String currency) {
        ObjectNode a = F.objectNode();
        a.put("value", value.toPlainString());
        a.put("currency", currency);
        return a;
    }

    static String fulfillmentStatus(EbayWorld.Order o) {
        int ordered = o.lineItems.stream().mapToInt(l -> l.quantity).sum();
        int shipped = o.lineItems.stream().mapToInt(l -> Math.min(l.quantity, o.shippedQuantity(l.lineItemId))).sum();
        return shipped == 0 ? "NOT_STARTED" : shipped < ordered ? "IN_PROGRESS" : "FULFILLED";
    }

    static String refundStatus(EbayWorld.Refund r, Instant now) {
        return r.failed ? "FAILED" : now.isBefore(r.settlesAt) ? "PENDING" : "REFUNDED";
    }

    static ObjectNode order(EbayWorld.Order o, String sellerUsername, Instant now) {
        ObjectNode n = F.objectNode();
        n.put("orderId", o.orderId);
        n.put("legacyOrderId", o.orderId);
        n.put("creationDate", time(o.creationDate));
        n.put("lastModifiedDate", time(o.lastModifiedDate));
        n.put("orderFulfillmentStatus", fulfillmentStatus(o));
        BigDecimal refunded = o.refunded();
        String payment = o.paidDate == null ? "PENDING" : refunded.signum() == 0 ? "PAID"
                : refunded.compareTo(o.total()) >= 0 ? "FULLY_REFUNDED" : "PARTIALLY_REFUNDED";
        n.put("orderPaymentStatus", payment);
        n.put("sellerId", sellerUsername);
        ObjectNode buyer = n.putObject("buyer");
        buyer.put("username", o.buyerUsername);
        ObjectNode reg = buyer.putObject("buyerRegistrationAddress");
        if (o.buyerName != null) {
            reg.put("fullName", o.buyerName);
        }
        if (o.buyerEmail != null) {
            reg.put("email", o.buyerEmail);
        }
        ObjectNode pricing = n.putObject("pricingSummary");
        BigDecimal subtotal = o.lineItems.stream().map(EbayWorld.LineItem::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal delivery = o.lineItems.stream().map(l -> l.shippingCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = o.lineItems.stream().map(l -> l.tax).reduce(BigDecimal.ZERO, BigDecimal::add);
        pricing.set("priceSubtotal", amount(subtotal, o.currency));
        pricing.set("deliveryCost", amount(delivery, o.currency));
        pricing.set("tax", amount(tax, o.currency));
        pricing.set("total", amount(o.total(), o.currency));
        ObjectNode cancel = n.putObject("cancelStatus");
        cancel.put("cancelState", o.cancelled() ? "CANCELED"
                : o.cancellations.stream().anyMatch(c -> c.state.equals("REQUESTED")) ? "IN_PROGRESS" : "NONE_REQUESTED");
        if (o.cancelledDate != null) {
            cancel.put("cancelledDate", time(o.cancelledDate));
        }
        ArrayNode requests = cancel.putArray("cancelRequests");
        for (EbayWorld.Cancellation c : o.cancellations) {
            ObjectNode r = requests.addObject();
            r.put("cancelRequestId", c.cancelId);
            r.put("cancelInitiator", c.initiator);
            r.put("cancelReason", c.reason);
            r.put("cancelRequestedDate", time(c.requestedAt));
            r.put("cancelRequestState", c.state);
            if (c.closedAt != null) {
                r.put("cancelCompletedDate", time(c.closedAt));
            }
        }
        ObjectNode paymentSummary = n.putObject("paymentSummary");
        ArrayNode payments = paymentSummary.putArray("payments");
        if (o.paidDate != null) {
            ObjectNode p = payments.addObject();
            p.put("paymentMethod", "EBAY");
            p.put("paymentStatus", "PAID");
            p.set("amount", amount(o.total(), o.currency));
            p.put("paymentDate", time(o.paidDate));
        }
        ArrayNode refunds = paymentSummary.putArray("refunds");
        // one entry per refund: a refund of several lines is one refund with their total
        java.util.Map<String, java.util.List<EbayWorld.Refund>> byId = new java.util.LinkedHashMap<>();
        o.allRefunds().forEach(r -> byId.computeIfAbsent(r.refundId, k -> new java.util.ArrayList<>()).add(r));
        for (java.util.List<EbayWorld.Refund> parts : byId.values()) {
            EbayWorld.Refund r = parts.get(0);
            BigDecimal sum = parts.stream().map(p -> p.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            ObjectNode rn = refunds.addObject();
            rn.put("refundId", r.refundId);
            rn.set("amount", amount(sum, o.currency));
            rn.put("refundDate", time(r.issuedAt));
            rn.put("refundStatus", refundStatus(r, now));
            if (!now.isBefore(r.settlesAt) && !r.failed) {
                rn.put("refundReferenceId", "REF" + Math.abs(r.refundId.hashCode()));
            }
        }
        paymentSummary.set("totalDueSeller", amount(o.total().subtract(refunded), o.currency));
        ArrayNode instructions = n.putArray("fulfillmentStartInstructions");
        ObjectNode fi = instructions.addObject();
        fi.put("fulfillmentInstructionsType", "SHIP_TO");
        fi.put("minEstimatedDeliveryDate", time(o.minDelivery));
        fi.put("maxEstimatedDeliveryDate", time(o.maxDelivery));
        ObjectNode step = fi.putObject("shippingStep");
        step.put("shippingCarrierCode", o.shippingService.startsWith("DE_DHL") ? "DHL" : "OTHER");
        step.put("shippingServiceCode", o.shippingService);
        ObjectNode shipTo = step.putObject("shipTo");
        if (o.buyerName != null) {
            shipTo.put("fullName", o.buyerName);
        }
        ObjectNode address = shipTo.putObject("contactAddress");
        if (o.shipToCity != null) {
            address.put("city", o.shipToCity);
        }
        if (o.shipToPostalCode != null) {
            address.put("postalCode", o.shipToPostalCode);
        }
        address.put("countryCode", o.shipToCountry);
        ArrayNode hrefs = n.putArray("fulfillmentHrefs");
        o.fulfillments.forEach(f -> hrefs.add("/sell/fulfillment/v1/order/" + o.orderId + "/shipping_fulfillment/" + f.fulfillmentId));
        ArrayNode lines = n.putArray("lineItems");
        for (EbayWorld.LineItem l : o.lineItems) {
            ObjectNode ln = lines.addObject();
            ln.put("lineItemId", l.lineItemId);
            ln.put("legacyItemId", l.legacyItemId);
            if (l.sku != null) {
                ln.put("sku", l.sku);
            }
            ln.put("title", l.title);
            ln.put("quantity", l.quantity);
            ln.set("lineItemCost", amount(l.cost(), o.currency));
            ObjectNode dc = ln.putObject("deliveryCost");
            dc.set("shippingCost", amount(l.shippingCost, o.currency));
            ArrayNode taxes = ln.putArray("taxes");
            if (l.tax.signum() > 0) {
                ObjectNode t = taxes.addObject();
                t.set("amount", amount(l.tax, o.currency));
                t.put("taxType", "VAT");
            }
            ln.set("total", amount(l.total(), o.currency));
            int shipped = o.shippedQuantity(l.lineItemId);
            ln.put("lineItemFulfillmentStatus", shipped == 0 ? "NOT_STARTED" : shipped < l.quantity ? "IN_PROGRESS" : "FULFILLED");
            ArrayNode lr = ln.putArray("refunds");
            for (EbayWorld.Refund r : l.refunds) {
                ObjectNode rn = lr.addObject();
                rn.put("refundId", r.refundId);
                rn.set("amount", amount(r.amount, o.currency));
                rn.put("refundDate", time(r.issuedAt));
            }
            ObjectNode ins = ln.putObject("lineItemFulfillmentInstructions");
            ins.put("shipByDate", time(o.shipByDate));
            ins.put("minEstimatedDeliveryDate", time(o.minDelivery));
            ins.put("maxEstimatedDeliveryDate", time(o.maxDelivery));
            ins.put("guaranteedDelivery", false);
            ln.put("purchaseMarketplaceId", o.marketplaceId);
            ln.put("listingMarketplaceId", o.marketplaceId);
            ln.put("soldFormat", "FIXED_PRICE");
            ln.putArray("appliedPromotions");
        }
        return n;
    }

    static ObjectNode shippingFulfillments(EbayWorld.Order o) {
        ObjectNode n = F.objectNode();
        ArrayNode list = n.putArray("fulfillments");
        for (EbayWorld.Fulfillment f : o.fulfillments) {
            ObjectNode fn = list.addObject();
            fn.put("fulfillmentId", f.fulfillmentId);
            ArrayNode lines = fn.putArray("lineItems");
            f.lineItems.forEach((id, qty) -> lines.addObject().put("lineItemId", id).put("quantity", qty));
            fn.put("shipmentTrackingNumber", f.trackingNumber);
            fn.put("shippedDate", time(f.shippedDate));
            fn.put("shippingCarrierCode", f.carrierCode);
        }
        n.put("total", o.fulfillments.size());
        return n;
    }

    static ObjectNode message(EbayWorld.Message m, EbayWorld.Conversation c, String sellerUsername) {
        ObjectNode n = F.objectNode();
        n.put("createdDate", time(m.createdDate()));
        n.put("messageBody", m.body());
        n.put("messageId", m.messageId());
        ArrayNode media = n.putArray("messageMedia");
        for (EbayWorld.Media md : m.media()) {
            media.addObject().put("mediaName", md.name()).put("mediaType", md.type()).put("mediaUrl", md.url());
        }
        n.put("readStatus", !m.fromBuyer());
        n.put("recipientUsername", m.fromBuyer() ? sellerUsername : c.buyerUsername);
        n.put("senderUsername", m.fromBuyer() ? c.buyerUsername : sellerUsername);
        n.put("subject", m.subject());
        return n;
    }

    static ObjectNode conversation(EbayWorld.Conversation c, String sellerUsername) {
        ObjectNode n = F.objectNode();
        n.put("conversationId", c.conversationId);
        n.put("conversationStatus", c.status);
        n.put("conversationTitle", c.title);
        n.put("conversationType", "FROM_MEMBERS");
        n.put("createdDate", time(c.createdDate));
        n.set("latestMessage", message(c.latest(), c, sellerUsername));
        if (c.itemId != null) {
            n.put("referenceId", c.itemId);
            n.put("referenceType", "LISTING");
        }
        n.put("unreadCount", c.messages.stream().filter(EbayWorld.Message::fromBuyer).count());
        return n;
    }

    static ObjectNode page(String href, int limit, int offset, int total, String nextHref, String listName, List<ObjectNode> items) {
        ObjectNode n = F.objectNode();
        n.put("href", href);
        n.put("limit", limit);
        n.put("offset", offset);
        n.put("total", total);
        if (nextHref != null) {
            n.put("next", nextHref);
        }
        if (offset > 0) {
            n.put("prev", href.replaceAll("offset=\\d+", "offset=" + Math.max(0, offset - limit)));
        }
        ArrayNode list = n.putArray(listName);
        items.forEach(list::add);
        return n;
    }

    static ObjectNode cancelDetail(EbayWorld.Order o, EbayWorld.Cancellation c, boolean refunded) {
        ObjectNode n = F.objectNode();
        ObjectNode d = n.putObject("cancelDetail");
        d.put("cancelId", c.cancelId);
        d.put("legacyOrderId", o.orderId);
        d.put("cancelReason", c.reason);
        d.put("requestorRole", c.initiator);
        d.put("cancelState", c.state.equals("REQUESTED") ? "CANCEL_REQUESTED" : "CLOSED");
        d.put("cancelStatus", c.state.equals("REQUESTED") ? "CANCEL_REQUESTED"
                : refunded ? "CANCEL_CLOSED_WITH_REFUND" : "CANCEL_CLOSED_NO_REFUND");
        d.putObject("cancelRequestDate").put("value", time(c.requestedAt));
        if (c.closedAt != null) {
            d.putObject("cancelCloseDate").put("value", time(c.closedAt));
        }
        if (o.paidDate != null) {
            d.set("requestRefundAmount", amount(o.total(), o.currency));
        }
        return n;
    }
}
