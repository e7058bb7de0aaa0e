package com.deskbridge.ebay;

import com.deskbridge.channels.ActionAttempts;
import com.deskbridge.channels.ActionOutcome;
import com.deskbridge.channels.OrderActionGateway;
import com.deskbridge.http.UpstreamException;
import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.FulfilmentChannel;
import com.deskbridge.orderactions.Money;
import com.deskbridge.orderactions.OrderCancellationCommand;
import com.deskbridge.orderactions.OrderSnapshot;
import com.deskbridge.orderactions.RefundCommand;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.Violation;
import com.deskbridge.orderactions.ViolationReason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@link OrderActionGateway} for eBay orders.
 *
 * <p><b>Live order.</b> {@code getOrder} → {@link OrderSnapshot}: seller-fulfilled (FBM rules), each line's cost,
 * shipping and taxes as paid, and what eBay already refunded (pending refunds included, so refunds in flight count).
 * eBay reports refunds by amount, not by component, so they count as already credited against the line's total
 * (the {@code GOODWILL} slot), which caps every later refund of the line; refunds of the whole order are spread over
 * the lines in order.
 *
 * <p><b>Refunds.</b> Fulfillment API {@code issueRefund} with one {@code refundItems} entry per line (the line's net
 * amount) and eBay's reason (mapping in {@link #refundReason}). eBay has no idempotency key, so every attempt is
 * recorded first ({@link ActionAttempts}, with the order's refund ids at that moment); when an attempt's outcome was
 * lost, the order is read again and a new refund of exactly the amount is taken as that attempt's. A new refund of
 * another amount makes the outcome unclear: the action is refused with that reason instead of refunding again. eBay
 * settles refunds asynchronously: the outcome is {@link ActionOutcome.Pending} until {@link #confirm} sees REFUNDED.
 *
 * <p><b>Cancellations.</b> Post-Order: a buyer's open cancellation request is approved ({@code approve}); otherwise the
 * seller cancels ({@code create}) with one of eBay's three seller reasons. Either cancels at once and eBay refunds a
 * paid order itself. An order eBay already shows as cancelled is reported done without a call.
 */
public final class EbayOrderActions implements OrderActionGateway {

    static final String REFUND = "refund";
    static final String CANCELLATION = "cancellation";

    private final EbayClient ebay;
    private final EbaySellers sellers;
    private final ActionAttempts attempts;
    private final Clock clock;

    public EbayOrderActions(EbayClient ebay, EbaySellers sellers, ActionAttempts attempts, Clock clock) {
        this.ebay = Objects.requireNonNull(ebay);
        this.sellers = Objects.requireNonNull(sellers);
        this.attempts = Objects.requireNonNull(attempts);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Optional<OrderSnapshot> liveOrder(String sellerId, String orderId) {
        EbayAccount account = sellers.account(sellerId);
        try {
            return ebay.fulfillment().order(account, orderId).map(o -> snapshot(sellerId, account, o));
        } catch (UpstreamException e) {
            throw EbayFailures.translate(e, sellerId, "reading order " + orderId);
        }
    }

    static OrderSnapshot snapshot(String sellerId, EbayAccount account, EbayOrder o) {
        String currency = o.currency();
        Set<String> lineRefundIds = new HashSet<>();
        o.lineItems().forEach(l -> l.refunds().forEach(r -> lineRefundIds.add(r.refundId())));
        Money orderLevel = Money.zero(currency);
        for (EbayOrder.Refund r : o.refunds()) {
            if (!lineRefundIds.contains(r.refundId()) && !"FAILED".equals(r.status().orElse(""))) {
                orderLevel = orderLevel.plus(r.amount());
            }
        }
        Set<String> failed = o.refunds().stream().filter(r -> "FAILED".equals(r.status().orElse("")))
                .map(EbayOrder.Refund::refundId).collect(Collectors.toSet());
        List<OrderSnapshot.Item> items = new ArrayList<>();
        for (EbayOrder.LineItem l : o.lineItems()) {
            Money credited = l.refunds().stream().filter(r -> !failed.contains(r.refundId())).map(EbayOrder.Refund::amount)
                    .reduce(Money.zero(currency), Money::plus);
            Money total = l.cost().plus(l.shipping()).plus(l.tax());
            Money share = orderLevel.min(total.minus(credited).max(Money.zero(currency)));
            orderLevel = orderLevel.minus(share);
            credited = credited.plus(share);
            Map<RefundComponent, Money> refunded = new EnumMap<>(RefundComponent.class);
            if (credited.isPositive()) {
                refunded.put(RefundComponent.GOODWILL, credited);
            }
            int shipped = "FULFILLED".equals(l.fulfillmentStatus()) ? l.quantity() : 0;
            items.add(new OrderSnapshot.Item(l.lineItemId(), l.sku().orElse(null), l.quantity(), shipped, l.cost(), l.shipping(),
                    l.tax(), Money.zero(currency), refunded, 0));
        }
        boolean shipped = !"NOT_STARTED".equals(o.fulfillmentStatus());
        return new OrderSnapshot(sellerId, o.orderId(), o.marketplaceId().isBlank() ? account.marketplaceId() : o.marketplaceId(),
                FulfilmentChannel.FBM, EbayOrderSource.status(o).name(), shipped, currency, items);
    }

    @Override
    public List<Violation> cancellationViolations(OrderSnapshot order, CancellationRequest request) {
        if (request.reason() != null && cancelReason(request.reason()).isEmpty()) {
            return List.of(new Violation("reason", ViolationReason.REQUIRED, "eBay lets a seller cancel for three reasons: use "
                    + "NoInventory (out of stock), BuyerCanceled or CustomerExchange (the buyer asked), or "
                    + "ShippingAddressUndeliverable (address issues)."));
        }
        return List.of();
    }

    /** eBay's seller cancel reasons (Post-Order CancelReasonEnum). */
    static Optional<String> cancelReason(CancelReason reason) {
        return switch (reason) {
            case NoInventory -> Optional.of("OUT_OF_STOCK_OR_CANNOT_FULFILL");
            case BuyerCanceled, CustomerExchange -> Optional.of("BUYER_ASKED_CANCEL");
            case ShippingAddressUndeliverable -> Optional.of("ADDRESS_ISSUES");
            default -> Optional.empty();
        };
    }

    /** eBay's ReasonForRefundEnum for an adjustment reason. */
    static String refundReason(AdjustmentReason reason) {
        return switch (reason) {
            case CustomerReturn, Exchange -> "BUYER_RETURN";
            case CustomerCancel -> "BUYER_CANCEL";
            case NoInventory, ProductOutofStock, CouldNotShip -> "SELLER_OUT_OF_STOCK";
            case DifferentItem -> "SELLER_WRONG_ITEM";
            case Undeliverable, CarrierCreditDecision, CarrierCoverageFailure -> "ITEM_NOT_RECEIVED";
            default -> "OTHER";
        };
    }

    @Override
    public ActionOutcome refund(RefundCommand command, String idempotencyKey) {
        EbayAccount account = sellers.account(command.sellerId());
        Map<String, Money> perLine = new LinkedHashMap<>();
        for (RefundCommand.AdjustedItem item : command.items()) {
            perLine.merge(item.orderItemId(), item.net(), Money::plus);
        }
        String reason = refundReason(command.reason());
        String fingerprint = command.orderId() + "|" + reason + "|" + new TreeMap<>(perLine);
        try {
            Optional<ActionAttempts.Attempt> prior = attempts.find(command.sellerId(), idempotencyKey);
            Optional<ActionOutcome> settled = prior.isPresent()
                    ? earlierRefund(account, command, idempotencyKey, fingerprint, prior.get())
                    : beginRefund(account, command, idempotencyKey, fingerprint);
            if (settled.isPresent()) {
                return settled.get();
            }
            EbayFulfillmentClient.RefundReceipt receipt;
            try {
                receipt = ebay.fulfillment().issueRefund(account, command.orderId(), reason, perLine, "Refund from the seller's help desk");
            } catch (EbayApiException e) {
                return refused(e, "eBay refused the refund");
            }
            attempts.complete(command.sellerId(), idempotencyKey, receipt.refundId());
            return refundOutcome(receipt.refundId(), receipt.refundStatus(), false);
        } catch (UpstreamException e) {
            throw EbayFailures.translate(e, command.sellerId(), "refunding order " + command.orderId());
        }
    }

    /**
     * A retried refund: its recorded attempt's outcome, or the new refund of exactly its amount eBay shows since the
     * attempt began; empty when eBay shows none (the refund was never made: send it).
     */
    private Optional<ActionOutcome> earlierRefund(EbayAccount account, RefundCommand command, String idempotencyKey,
                                                  String fingerprint, ActionAttempts.Attempt a) {
        if (!a.fingerprint().equals(fingerprint)) {
            return Optional.of(new ActionOutcome.Rejected(a.externalId(), "idempotency-key-reused",
                    "This key was used for another refund; nothing was sent."));
        }
        if (a.externalId() != null) {
            return Optional.of(refundStatus(account, command.orderId(), a.externalId(), true));
        }
        Optional<EbayOrder> order = ebay.fulfillment().order(account, command.orderId());
        if (order.isEmpty()) {
            return Optional.of(orderNotFound(command.orderId()));
        }
        Money total = command.total();
        List<EbayOrder.Refund> fresh = order.get().refunds().stream().filter(r -> !a.knownBefore().contains(r.refundId())).toList();
        Optional<EbayOrder.Refund> ours = fresh.stream().filter(r -> r.amount().equals(total)).findFirst();
        if (ours.isPresent()) {
            attempts.complete(command.sellerId(), idempotencyKey, ours.get().refundId());
            return Optional.of(refundOutcome(ours.get().refundId(), ours.get().status().orElse("PENDING"), true));
        }
        if (!fresh.isEmpty()) {
            return Optional.of(new ActionOutcome.Rejected(null, "refund-state-unclear", "eBay shows a refund of "
                    + fresh.get(0).amount() + " made since this refund was first sent, not of " + total
                    + "; check the order in Seller Hub before refunding again."));
        }
        return Optional.empty();
    }

    /** Records a first attempt with the order's refunds so far; empty when it may be sent. */
    private Optional<ActionOutcome> beginRefund(EbayAccount account, RefundCommand command, String idempotencyKey,
                                                String fingerprint) {
        Optional<EbayOrder> order = ebay.fulfillment().order(account, command.orderId());
        if (order.isEmpty()) {
            return Optional.of(orderNotFound(command.orderId()));
        }
        Set<String> known = order.get().refunds().stream().map(EbayOrder.Refund::refundId).collect(Collectors.toSet());
        ActionAttempts.Attempt attempt = new ActionAttempts.Attempt(command.sellerId(), idempotencyKey, command.orderId(), REFUND,
                fingerprint, known, null, clock.instant(), null);
        if (!attempts.begin(attempt)) {
            // another request with the same key began at the same moment: answer as the retry it is
            return Optional.of(refund(command, idempotencyKey));
        }
        return Optional.empty();
    }

    private static ActionOutcome orderNotFound(String orderId) {
        return new ActionOutcome.Rejected(null, "order-not-found", "eBay does not know order " + orderId + ".");
    }

    /** eBay's refusal as the action's outcome; a transient or authorisation failure is thrown on (the action stays queued). */
    private static ActionOutcome refused(EbayApiException e, String fallback) {
        if (e.transientFailure() || e.status() == 401 || e.status() == 403) {
            throw e;
        }
        return new ActionOutcome.Rejected(null, e.errorId().map(id -> "ebay-" + id).orElse("ebay-http-" + e.status()),
                e.errorMessage().orElse(fallback) + ".");
    }

    private ActionOutcome refundStatus(EbayAccount account, String orderId, String refundId, boolean repeated) {
        Optional<EbayOrder> order = ebay.fulfillment().order(account, orderId);
        String status = order.flatMap(o -> o.refunds().stream().filter(r -> r.refundId().equals(refundId)).findFirst())
                .flatMap(EbayOrder.Refund::status).orElse("PENDING");
        return refundOutcome(refundId, status, repeated);
    }

    private static ActionOutcome refundOutcome(String refundId, String status, boolean repeated) {
        return switch (status) {
            case "REFUNDED" -> new ActionOutcome.Done(refundId, "eBay refunded the buyer", repeated);
            case "FAILED" -> new ActionOutcome.Rejected(refundId, "refund-failed", "eBay could not complete the refund.");
            default -> new ActionOutcome.Pending(refundId, REFUND, repeated
                    ? "eBay accepted this refund earlier; it is still being processed"
                    : "eBay accepted the refund; it is processed asynchronously");
        };
    }

    @Override
    public ActionOutcome cancel(OrderCancellationCommand command, String idempotencyKey) {
        EbayAccount account = sellers.account(command.sellerId());
        Optional<String> reason = cancelReason(command.reason());
        if (reason.isEmpty()) {
            return new ActionOutcome.Rejected(null, "reason-not-supported", "eBay does not take " + command.reason()
                    + " as a seller's cancel reason.");
        }
        String fingerprint = command.orderId() + "|" + reason.get();
        try {
            Optional<ActionAttempts.Attempt> prior = attempts.find(command.sellerId(), idempotencyKey);
            if (prior.isPresent() && !prior.get().fingerprint().equals(fingerprint)) {
                return new ActionOutcome.Rejected(prior.get().externalId(), "idempotency-key-reused",
                        "This key was used for another cancellation; nothing was sent.");
            }
            Optional<EbayOrder> order = ebay.fulfillment().order(account, command.orderId());
            if (order.isEmpty()) {
                return orderNotFound(command.orderId());
            }
            EbayOrder o = order.get();
            if (o.cancelled()) {
                String id = prior.map(ActionAttempts.Attempt::externalId)
                        .or(() -> o.cancelRequests().stream().filter(r -> "SELLER".equalsIgnoreCase(r.initiator()))
                                .map(EbayOrder.CancelRequest::cancelRequestId).findFirst())
                        .orElse(null);
                return new ActionOutcome.Done(id, "eBay shows the order as cancelled", true);
            }
            if (prior.isEmpty()) {
                Set<String> known = o.cancelRequests().stream().map(EbayOrder.CancelRequest::cancelRequestId).collect(Collectors.toSet());
                if (!attempts.begin(new ActionAttempts.Attempt(command.sellerId(), idempotencyKey, command.orderId(), CANCELLATION,
                        fingerprint, known, null, clock.instant(), null))) {
                    return cancel(command, idempotencyKey);
                }
            }
            try {
                return sendCancellation(account, command, idempotencyKey, o, reason.get());
            } catch (EbayApiException e) {
                return refused(e, "eBay refused the cancellation");
            }
        } catch (UpstreamException e) {
            throw EbayFailures.translate(e, command.sellerId(), "cancelling order " + command.orderId());
        }
    }

    /** Approves the buyer's open cancellation request, or cancels as the seller with {@code reason}. */
    private ActionOutcome sendCancellation(EbayAccount account, OrderCancellationCommand command, String idempotencyKey,
                                           EbayOrder o, String reason) {
        Optional<EbayOrder.CancelRequest> buyerRequest = o.openBuyerRequest();
        if (buyerRequest.isPresent()) {
            ebay.postOrder().approve(account, buyerRequest.get().cancelRequestId());
            attempts.complete(command.sellerId(), idempotencyKey, buyerRequest.get().cancelRequestId());
            return new ActionOutcome.Done(buyerRequest.get().cancelRequestId(), "approved the buyer's cancellation request; "
                    + "eBay cancels the order and refunds the buyer", false);
        }
        EbayPostOrderClient.CancelResult result = ebay.postOrder().create(account, command.orderId(), reason, o.paid(),
                o.paidDate().orElse(null));
        if (result.cancelId().isEmpty()) {
            return new ActionOutcome.Rejected(null, "not-cancellable", "eBay will not cancel this order"
                    + (result.failureReasons().isEmpty() ? "." : ": " + String.join(", ", result.failureReasons()) + "."));
        }
        attempts.complete(command.sellerId(), idempotencyKey, result.cancelId().get());
        return new ActionOutcome.Done(result.cancelId().get(), "eBay cancelled the order" + (o.paid()
                ? "; eBay refunds the buyer" : ""), false);
    }

    @Override
    public ActionOutcome confirm(String sellerId, String orderId, ActionOutcome.Pending pending) {
        EbayAccount account = sellers.account(sellerId);
        try {
            if (REFUND.equals(pending.kind())) {
                return refundStatus(account, orderId, pending.externalId(), false);
            }
            Optional<EbayPostOrderClient.CancellationState> state = ebay.postOrder().cancellation(account, pending.externalId());
            if (state.isPresent() && "CLOSED".equals(state.get().state())) {
                return new ActionOutcome.Done(pending.externalId(), "eBay closed the cancellation (" + state.get().status() + ")", false);
            }
            return pending;
        } catch (UpstreamException e) {
            throw EbayFailures.translate(e, sellerId, "confirming an action on order " + orderId);
        }
    }
}
