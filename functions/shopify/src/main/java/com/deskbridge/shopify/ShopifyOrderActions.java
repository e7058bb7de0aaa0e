package com.deskbridge.shopify;

import com.deskbridge.channels.ActionAttempts;
import com.deskbridge.channels.ActionOutcome;
import com.deskbridge.channels.OrderActionGateway;
import com.deskbridge.http.UpstreamException;
import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.FulfilmentChannel;
import com.deskbridge.orderactions.Money;
import com.deskbridge.orderactions.OrderCancellationCommand;
import com.deskbridge.orderactions.OrderSnapshot;
import com.deskbridge.orderactions.RefundCommand;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.Violation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link OrderActionGateway} for Shopify orders (the order id is the order name, {@code #1001}).
 *
 * <p><b>Live order.</b> The order's lines (charged amount before tax, tax lines), its shipping and shipping tax (Shopify
 * charges shipping per order; the snapshot puts it on the first line, so a shipping refund names that line) and what was
 * refunded (per line: subtotal as principal, tax, quantity; money refunded beyond the lines counts against the lines'
 * totals).
 *
 * <p><b>Refunds.</b> The lines with a quantity and the shipping amount go to Shopify's {@code suggestedRefund}, whose
 * calculation (taxes, shipping tax, what is still refundable, which payment to refund to) decides the amount; goodwill
 * is added and a restocking fee kept back. The refund never pays more than the validated command approved: when
 * Shopify's calculation comes to more, the refund is refused with both figures ({@link #preview} shows Shopify's
 * calculation before an agent asks). {@code refundCreate} goes out with {@code @idempotent(key:)}; the exact input is
 * recorded ({@link ActionAttempts}) so that a retry sends it again unchanged and Shopify answers with the first refund.
 *
 * <p><b>Cancellations.</b> {@code orderCancel} with a refund to the original payment methods and restocking; Shopify
 * cancels in a background job, so the outcome is {@link ActionOutcome.Pending} with the job id until
 * {@link #confirm} sees the job done and the order cancelled.
 */
public final class ShopifyOrderActions implements OrderActionGateway {

    static final String REFUND = "refund";
    static final String CANCELLATION = "cancellation";

    private final ShopifyClient shopify;
    private final ShopifyShops shops;
    private final ActionAttempts attempts;
    private final Clock clock;

    public ShopifyOrderActions(ShopifyClient shopify, ShopifyShops shops, ActionAttempts attempts, Clock clock) {
        this.shopify = Objects.requireNonNull(shopify);
        this.shops = Objects.requireNonNull(shops);
        this.attempts = Objects.requireNonNull(attempts);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Optional<OrderSnapshot> liveOrder(String sellerId, String orderId) {
        ShopifyShop shop = shops.shop(sellerId);
        try {
            return ShopifyOrderSource.find(shopify, shop, orderId).map(o -> snapshot(sellerId, shop, o));
        } catch (UpstreamException e) {
            throw ShopifyFailures.translate(e, sellerId, "reading order " + orderId);
        }
    }

    static OrderSnapshot snapshot(String sellerId, ShopifyShop shop, ShopifyOrder o) {
        String currency = o.currency();
        Money zero = Money.zero(currency);
        Map<String, Map<RefundComponent, Money>> refunded = new HashMap<>();
        Map<String, Integer> refundedQty = new HashMap<>();
        Money beyondLines = zero;
        for (ShopifyOrder.Refund r : o.refunds()) {
            Money lines = zero;
            for (ShopifyOrder.RefundLine l : r.lines()) {
                Map<RefundComponent, Money> m = refunded.computeIfAbsent(l.lineItemId(), k -> new EnumMap<>(RefundComponent.class));
                m.merge(RefundComponent.PRINCIPAL, l.subtotal(), Money::plus);
                m.merge(RefundComponent.TAX, l.tax(), Money::plus);
                refundedQty.merge(l.lineItemId(), l.quantity(), Integer::sum);
                lines = lines.plus(l.subtotal()).plus(l.tax());
            }
            beyondLines = beyondLines.plus(r.total().minus(lines).max(zero));
        }
        List<OrderSnapshot.Item> items = new ArrayList<>();
        boolean first = true;
        for (ShopifyOrder.LineItem l : o.lineItems()) {
            Money shipping = first ? o.shipping() : zero;
            Money shippingTax = first ? o.shippingTax() : zero;
            first = false;
            Map<RefundComponent, Money> m = refunded.getOrDefault(l.id(), new EnumMap<>(RefundComponent.class));
            Money paid = l.total().plus(l.tax()).plus(shipping).plus(shippingTax);
            Money credited = m.values().stream().reduce(zero, Money::plus);
            Money share = beyondLines.min(paid.minus(credited).max(zero));
            if (share.isPositive()) {
                m.merge(RefundComponent.GOODWILL, share, Money::plus);
                beyondLines = beyondLines.minus(share);
            }
            int shipped = "FULFILLED".equals(o.fulfillmentStatus()) ? l.quantity() : 0;
            items.add(new OrderSnapshot.Item(l.id(), l.sku().orElse(null), l.quantity(), shipped, l.total(), shipping, l.tax(),
                    shippingTax, m, refundedQty.getOrDefault(l.id(), 0)));
        }
        String status = ShopifyOrderSource.status(o).name(); // the shared rules read Amazon's spellings
        boolean anythingShipped = o.fulfillments().stream().anyMatch(f -> !"CANCELLED".equals(f.status()));
        return new OrderSnapshot(sellerId, o.name(), shop.shopDomain(), FulfilmentChannel.FBM, status, anythingShipped, currency, items);
    }

    @Override
    public List<Violation> cancellationViolations(OrderSnapshot order, CancellationRequest request) {
        // Shopify takes every reason (mapped to its six); orders with fulfilments are refused by the shared rules (shipped)
        return List.of();
    }

    /** Shopify's {@code OrderCancelReason} for a cancel reason. */
    static String cancelReason(CancelReason reason) {
        return switch (reason) {
            case NoInventory -> "INVENTORY";
            case BuyerCanceled, CustomerExchange, CustomerReturn, MerchandiseNotReceived -> "CUSTOMER";
            case RiskAssessmentInformationNotValid, CannotVerifyInformation -> "FRAUD";
            case PricingError, GeneralAdjustment, RejectOrder -> "STAFF";
            default -> "OTHER";
        };
    }

    /** Shopify's calculation for lines and shipping (for the agent before a refund is asked for). */
    public ShopifyRefundsClient.Suggestion preview(String sellerId, String orderId, List<ShopifyRefundsClient.Line> lines, Money shipping) {
        ShopifyShop shop = shops.shop(sellerId);
        try {
            ShopifyOrder o = ShopifyOrderSource.find(shopify, shop, orderId)
                    .orElseThrow(() -> new IllegalArgumentException("no order " + orderId + " in " + shop.shopDomain()));
            return shopify.refunds().suggest(shop, o.id(), lines, shipping, false);
        } catch (UpstreamException e) {
            throw ShopifyFailures.translate(e, sellerId, "calculating a refund of " + orderId);
        }
    }

    @Override
    public ActionOutcome refund(RefundCommand command, String idempotencyKey) {
        ShopifyShop shop = shops.shop(command.sellerId());
        String fingerprint = command.toString();
        try {
            Optional<ActionAttempts.Attempt> prior = attempts.find(command.sellerId(), idempotencyKey);
            ObjectNode input;
            if (prior.isPresent()) {
                if (!prior.get().fingerprint().equals(fingerprint)) {
                    return new ActionOutcome.Rejected(prior.get().externalId(), "idempotency-key-reused",
                            "This key was used for another refund; nothing was sent.");
                }
                input = (ObjectNode) ShopifyJson.MAPPER.readTree(prior.get().request());
            } else {
                Optional<ShopifyOrder> order = ShopifyOrderSource.find(shopify, shop, command.orderId());
                if (order.isEmpty()) {
                    return new ActionOutcome.Rejected(null, "order-not-found", "Shopify does not know order " + command.orderId() + ".");
                }
                Object planned = plan(shop, order.get(), command);
                if (planned instanceof ActionOutcome.Rejected rejected) {
                    return rejected;
                }
                input = (ObjectNode) planned;
                if (!attempts.begin(new ActionAttempts.Attempt(command.sellerId(), idempotencyKey, command.orderId(), REFUND, fingerprint,
                        Set.of(), input.toString(), clock.instant(), null))) {
                    return refund(command, idempotencyKey);
                }
            }
            ShopifyRefundsClient.Result result;
            try {
                result = shopify.refunds().create(shop, input, idempotencyKey);
            } catch (ShopifyApiException e) {
                if ("IDEMPOTENCY_KEY_PARAMETER_MISMATCH".equals(e.code().orElse(""))) {
                    return new ActionOutcome.Rejected(null, "idempotency-key-reused", "Shopify refused the key: it was used for "
                            + "another refund.");
                }
                throw e;
            }
            if (result instanceof ShopifyRefundsClient.Refused refused) {
                return new ActionOutcome.Rejected(null, "shopify-user-error", String.join("; ", refused.messages()));
            }
            ShopifyRefundsClient.Created created = (ShopifyRefundsClient.Created) result;
            boolean repeated = prior.isPresent() && prior.get().externalId() != null;
            attempts.complete(command.sellerId(), idempotencyKey, created.refundId());
            return created.settled() ? new ActionOutcome.Done(created.refundId(), "Shopify refunded " + created.total(), repeated)
                    : new ActionOutcome.Pending(created.refundId(), REFUND, "Shopify accepted the refund of " + created.total()
                    + "; the payment provider settles it");
        } catch (IOException e) {
            throw new IllegalStateException("the recorded refund request of key " + idempotencyKey + " is not JSON", e);
        } catch (UpstreamException e) {
            throw ShopifyFailures.translate(e, command.sellerId(), "refunding order " + command.orderId());
        }
    }

    /** The refund input for the command (Shopify's calculation, within what was approved), or why not. */
    private Object plan(ShopifyShop shop, ShopifyOrder order, RefundCommand command) {
        String currency = order.currency();
        Money zero = Money.zero(currency);
        List<ShopifyRefundsClient.Line> lines = new ArrayList<>();
        Money shipping = zero;
        Money extra = zero;
        for (RefundCommand.AdjustedItem item : command.items()) {
            if (item.quantity() != null) {
                lines.add(new ShopifyRefundsClient.Line(item.orderItemId(), item.quantity()));
            }
            for (RefundCommand.ComponentAdjustment c : item.components()) {
                switch (c.component()) {
                    case SHIPPING -> shipping = shipping.plus(c.amount());
                    case GOODWILL -> extra = extra.plus(c.amount());
                    case RESTOCKING_FEE -> extra = extra.minus(c.amount());
                    case PRINCIPAL, TAX -> {
                        if (item.quantity() == null) {
                            extra = extra.plus(c.amount()); // money without units: a plain amount
                        }
                    }
                    default -> {
                        // SHIPPING_TAX: Shopify calculates the shipping tax from the shipping amount
                    }
                }
            }
        }
        ShopifyRefundsClient.Suggestion s = shopify.refunds().suggest(shop, order.id(), lines, shipping, false);
        Money amount = s.amount().plus(extra);
        Money approved = command.total();
        if (amount.isGreaterThan(approved)) {
            return new ActionOutcome.Rejected(null, "amount-above-approved", "Shopify calculates " + s.amount()
                    + " for these items and shipping (taxes included)" + (extra.isZero() ? "" : ", " + amount + " with the other amounts")
                    + "; the approved refund was " + approved + ". Ask again with Shopify's amounts.");
        }
        if (amount.isGreaterThan(s.maximumRefundable())) {
            return new ActionOutcome.Rejected(null, "amount-above-refundable", "Shopify can refund at most " + s.maximumRefundable()
                    + " of this order.");
        }
        if (!amount.isPositive() && lines.isEmpty()) {
            return new ActionOutcome.Rejected(null, "nothing-to-refund", "Nothing to refund.");
        }
        Optional<ObjectNode> input = shopify.refunds().input(order.id(), s.lines().isEmpty() ? lines : s.lines(), shipping, amount,
                payments(order), "Refund from the seller's help desk");
        if (input.isEmpty()) {
            return new ActionOutcome.Rejected(null, "amount-above-refundable", "The order's payments cannot take a refund of " + amount + ".");
        }
        return input.get();
    }

    /**
     * The order's successful payments with what is left to refund on each (the parents a refund transaction names); the
     * suggestion's own transactions cover only its calculated amount, not goodwill.
     */
    static List<ShopifyRefundsClient.SuggestedTransaction> payments(ShopifyOrder order) {
        Money zero = Money.zero(order.currency());
        List<ShopifyRefundsClient.SuggestedTransaction> out = new ArrayList<>();
        for (ShopifyOrder.Transaction t : order.transactions()) {
            if ((t.kind().equals("SALE") || t.kind().equals("CAPTURE")) && t.status().equals("SUCCESS")) {
                Money refunded = order.transactions().stream().filter(r -> r.kind().equals("REFUND") && !r.status().equals("FAILURE")
                        && r.parentId().map(t.id()::equals).orElse(false)).map(ShopifyOrder.Transaction::amount).reduce(zero, Money::plus);
                Money room = t.amount().minus(refunded).max(zero);
                out.add(new ShopifyRefundsClient.SuggestedTransaction(t.gateway(), t.id(), room, room));
            }
        }
        return out;
    }

    @Override
    public ActionOutcome cancel(OrderCancellationCommand command, String idempotencyKey) {
        ShopifyShop shop = shops.shop(command.sellerId());
        String fingerprint = command.orderId() + "|" + cancelReason(command.reason());
        try {
            Optional<ActionAttempts.Attempt> prior = attempts.find(command.sellerId(), idempotencyKey);
            if (prior.isPresent() && !prior.get().fingerprint().equals(fingerprint)) {
                return new ActionOutcome.Rejected(prior.get().externalId(), "idempotency-key-reused",
                        "This key was used for another cancellation; nothing was sent.");
            }
            Optional<ShopifyOrder> order = ShopifyOrderSource.find(shopify, shop, command.orderId());
            if (order.isEmpty()) {
                return new ActionOutcome.Rejected(null, "order-not-found", "Shopify does not know order " + command.orderId() + ".");
            }
            if (order.get().cancelled()) {
                return new ActionOutcome.Done(prior.map(ActionAttempts.Attempt::externalId).orElse(null),
                        "Shopify shows the order as cancelled", true);
            }
            if (prior.isPresent() && prior.get().externalId() != null) {
                return confirm(command.sellerId(), command.orderId(), new ActionOutcome.Pending(prior.get().externalId(), CANCELLATION,
                        "Shopify is cancelling the order"));
            }
            if (prior.isEmpty() && !attempts.begin(new ActionAttempts.Attempt(command.sellerId(), idempotencyKey, command.orderId(),
                    CANCELLATION, fingerprint, Set.of(), null, clock.instant(), null))) {
                return cancel(command, idempotencyKey);
            }
            ShopifyCancelClient.Result result = shopify.cancels().cancel(shop, order.get().id(), cancelReason(command.reason()),
                    "Cancelled from the help desk (" + command.reason() + ")");
            if (result instanceof ShopifyCancelClient.Refused refused) {
                return new ActionOutcome.Rejected(null, "shopify-" + String.valueOf(refused.code()).toLowerCase(java.util.Locale.ROOT),
                        String.join("; ", refused.messages()));
            }
            ShopifyCancelClient.Started started = (ShopifyCancelClient.Started) result;
            attempts.complete(command.sellerId(), idempotencyKey, started.jobId());
            return new ActionOutcome.Pending(started.jobId(), CANCELLATION, "Shopify is cancelling the order and refunding "
                    + "the payment");
        } catch (UpstreamException e) {
            throw ShopifyFailures.translate(e, command.sellerId(), "cancelling order " + command.orderId());
        }
    }

    @Override
    public ActionOutcome confirm(String sellerId, String orderId, ActionOutcome.Pending pending) {
        ShopifyShop shop = shops.shop(sellerId);
        try {
            if (REFUND.equals(pending.kind())) {
                Optional<ShopifyOrder> order = ShopifyOrderSource.find(shopify, shop, orderId);
                boolean there = order.map(o -> o.refunds().stream().anyMatch(r -> r.id().equals(pending.externalId()))).orElse(false);
                return there ? new ActionOutcome.Done(pending.externalId(), "Shopify shows the refund on the order", false) : pending;
            }
            if (!shopify.cancels().jobDone(shop, pending.externalId())) {
                return pending;
            }
            boolean cancelled = ShopifyOrderSource.find(shopify, shop, orderId).map(ShopifyOrder::cancelled).orElse(false);
            return cancelled ? new ActionOutcome.Done(pending.externalId(), "Shopify cancelled the order", false)
                    : new ActionOutcome.Rejected(pending.externalId(), "cancel-failed", "Shopify's cancellation job ended but the "
                    + "order is not cancelled; check it in the Shopify admin.");
        } catch (UpstreamException e) {
            throw ShopifyFailures.translate(e, sellerId, "confirming an action on order " + orderId);
        }
    }

}
