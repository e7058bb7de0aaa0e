package com.deskbridge.actions;

import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.OrderActionPolicy;
import com.deskbridge.orderactions.OrderSnapshot;
import com.deskbridge.orderactions.RefundCommand;
import com.deskbridge.orderactions.RefundControls;
import com.deskbridge.orderactions.RefundRequest;
import com.deskbridge.orderactions.Validation;
import com.deskbridge.orderactions.Violation;
import com.deskbridge.orderactions.ViolationReason;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application service behind {@code POST /tickets/{id}/refunds}, {@code POST /tickets/{id}/cancellation} and
 * {@code GET /tickets/{id}/actions[/{actionId}]} (GitHub issue 6). A request is checked against the live order
 * (SP-API, plus this seller's earlier refunds that have not failed, in flight included) with
 * {@link OrderActionPolicy}; then one conditional write ({@link ActionStore#create}) decides: the Idempotency-Key,
 * the action and the order's ledger version in one transaction. A duplicate (same key, same request) returns the first
 * action; the same key with another request is {@link ActionResult.KeyReused}. The action is stored QUEUED and the
 * submitter is triggered; MCF cancellations are executed at once.
 *
 * <p>Money controls (issue 12): a refund counts against its agent's daily cap in that same transaction (refused with
 * {@link ActionResult.CapExceeded}, nothing stored, when over it), and a refund above the seller's approval threshold
 * is stored AWAITING_APPROVAL instead of QUEUED: it reaches the submitter only when a lead who is not the requester
 * approves it ({@link #approve}), once, by a conditional transition ({@link ApprovalQueue#decide}).
 *
 * <p>Its parts: the live order to validate against ({@link ActionOrders}), what a recorded action does next
 * ({@link ActionDispatch}: Amazon's feed queue, MCF or the channel at once) and the leads' decisions
 * ({@link LeadDecisions}).
 */
public final class OrderActions {

    private static final Logger LOG = LoggerFactory.getLogger(OrderActions.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:\\-]{8,128}");
    /** Concurrent actions on one order move its ledger; the loser re-reads and re-validates this often. */
    private static final int LEDGER_ATTEMPTS = 8;

    private final ActionStore store;
    private final LiveOrders orders;
    private final OrderActionPolicy policy = new OrderActionPolicy();
    private final AuditTrail audit;
    private final SubmitTrigger trigger;
    private final McfCanceller mcf;
    private final Clock clock;
    private final Function<String, RefundControls> controls;
    private final ShipToWatch shipTo;
    private final MoneyAlerts alerts;
    private final ActionOrders liveOrders;
    private final ActionDispatch dispatch;
    private final LeadDecisions decisions;

    /** Without money controls beyond the defaults, address watch or alerts (the actions function, module tests). */
    public OrderActions(ActionStore store, com.deskbridge.spapi.SpApiClient spApi, SellerAccounts accounts, AuditTrail audit,
                        SubmitTrigger trigger, Clock clock) {
        this(store, spApi, accounts, audit, trigger, clock, seller -> RefundControls.DEFAULT, null, MoneyAlerts.NONE);
    }

    /**
     * @param controls the seller's refund controls (its stored settings, or {@link RefundControls#DEFAULT})
     * @param shipTo   records where each order read goes (null: not watched)
     * @param alerts   unusual refund patterns as security events
     */
    public OrderActions(ActionStore store, com.deskbridge.spapi.SpApiClient spApi, SellerAccounts accounts, AuditTrail audit,
                        SubmitTrigger trigger, Clock clock, Function<String, RefundControls> controls, ShipToWatch shipTo,
                        MoneyAlerts alerts) {
        this(store, new LiveOrders(spApi, accounts), new McfCanceller(spApi, accounts, store, audit, clock), audit, trigger, clock,
                controls, shipTo, alerts, ChannelGateways.NONE);
    }

    private OrderActions(ActionStore store, LiveOrders orders, McfCanceller mcf, AuditTrail audit, SubmitTrigger trigger,
                         Clock clock, Function<String, RefundControls> controls, ShipToWatch shipTo, MoneyAlerts alerts,
                         ChannelGateways channels) {
        this.store = Objects.requireNonNull(store);
        this.orders = Objects.requireNonNull(orders);
        this.audit = Objects.requireNonNull(audit);
        this.trigger = Objects.requireNonNull(trigger);
        this.clock = Objects.requireNonNull(clock);
        this.mcf = Objects.requireNonNull(mcf);
        this.controls = Objects.requireNonNull(controls);
        this.shipTo = shipTo;
        this.alerts = Objects.requireNonNull(alerts);
        this.liveOrders = new ActionOrders(orders, channels, shipTo, clock);
        this.dispatch = new ActionDispatch(mcf, new ChannelExecutor(store, audit, clock), channels, trigger);
        this.decisions = new LeadDecisions(store, audit, dispatch, clock);
    }

    /**
     * This service with refunds and cancellations of eBay and Shopify orders: a ticket from a channel whose gateway
     * knows the order is validated against that channel's live order and executed there at once
     * ({@link ChannelExecutor}); every other order keeps Amazon's path.
     */
    public OrderActions withChannels(ChannelGateways gateways) {
        return new OrderActions(store, orders, mcf, audit, trigger, clock, controls, shipTo, alerts, gateways);
    }

    public ActionResult requestRefund(String sellerId, String ticketId, String agentId, String idempotencyKey,
                                      RefundRequest request, Instant buyerRequestAt) {
        return request(new Ask(sellerId, ticketId, agentId, idempotencyKey, buyerRequestAt, request.orderId(),
                NewActions.refundHash(ticketId, request), order -> policy.validateRefund(order.snapshot(), request, sellerId),
                ActionType.REFUND));
    }

    public ActionResult requestCancellation(String sellerId, String ticketId, String agentId, String idempotencyKey,
                                            CancellationRequest request, Instant buyerRequestAt) {
        return request(new Ask(sellerId, ticketId, agentId, idempotencyKey, buyerRequestAt, request.orderId(),
                NewActions.cancellationHash(ticketId, request), order -> cancellationRules(order, request, sellerId),
                ActionType.CANCELLATION));
    }

    /** The shared rules, then the channel's own (eBay's three seller reasons; Shopify: no fulfilment yet). */
    private Validation<?> cancellationRules(ActionOrders.Found order, CancellationRequest request, String sellerId) {
        Validation<?> shared = policy.validateCancellation(order.snapshot(), request, sellerId);
        if (order.channel() == null || shared instanceof Validation.Invalid<?>) {
            return shared;
        }
        List<Violation> more = order.channel().gateway().cancellationViolations(order.snapshot(), request);
        return more.isEmpty() ? shared : new Validation.Invalid<>(more);
    }

    /** One action of the ticket (GET /tickets/{id}/actions/{actionId}); empty for another seller's or unknown ids. */
    public Optional<OrderAction> action(String sellerId, String ticketId, String actionId) {
        return store.get(sellerId, ticketId, actionId).map(this::settle);
    }

    /** Every action of the ticket, oldest first (the ticket view). */
    public List<OrderAction> actions(String sellerId, String ticketId) {
        return store.byTicket(sellerId, ticketId).stream().map(this::settle).toList();
    }

    /**
     * A channel action the channel has not confirmed yet (SUBMITTED) is confirmed by asking the channel when it is read,
     * so the agent sees its final state; every other action as stored.
     */
    public OrderAction settle(OrderAction action) {
        return dispatch.settle(action);
    }

    /** One request as the agent made it. */
    private record Ask(String sellerId, String ticketId, String agentId, String key, Instant buyerRequestAt, String orderId,
                       String hash, Function<ActionOrders.Found, Validation<?>> validate, ActionType requested) {
    }

    private ActionResult request(Ask ask) {
        if (ask.key() == null || !KEY.matcher(ask.key()).matches()) {
            return new ActionResult.InvalidKey("Idempotency-Key must be 8-128 characters of A-Z a-z 0-9 . _ : -");
        }
        if (!wellFormed(ask.sellerId(), ask.ticketId())) {
            return new ActionResult.TicketNotFound(ask.ticketId());
        }
        Optional<ActionStore.Idempotency> seen = store.idempotency(ask.sellerId(), ask.key());
        if (seen.isPresent()) {
            return replay(ask.sellerId(), seen.get(), ask.hash());
        }
        Optional<String> ticketChannel = store.ticketChannel(ask.sellerId(), ask.ticketId());
        if (ticketChannel.isEmpty()) {
            return new ActionResult.TicketNotFound(ask.ticketId());
        }
        if (ask.orderId() == null || ask.orderId().isBlank()) {
            return new ActionResult.Rejected(List.of(new Violation("orderId", ViolationReason.REQUIRED, "orderId is required")));
        }
        ActionOrders.Lookup order = liveOrders.load(ask.sellerId(), ticketChannel.get(), ask.orderId());
        return order instanceof ActionOrders.Found found ? decide(ask, found) : ((ActionOrders.Refused) order).result();
    }

    /**
     * Validates against {@code base} plus this seller's earlier refunds of the order that the live order cannot show yet,
     * and records the action in one conditional write (re-validating when the order's ledger moved meanwhile).
     */
    private ActionResult decide(Ask ask, ActionOrders.Found base) {
        RefundControls sellerControls = ask.requested() == ActionType.REFUND ? controls.apply(ask.sellerId()) : RefundControls.DEFAULT;
        for (int attempt = 0; attempt < LEDGER_ATTEMPTS; attempt++) {
            ActionStore.Ledger ledger = store.ledger(ask.sellerId(), ask.orderId());
            Validation<?> validation = ask.validate().apply(base.withSnapshot(withEarlierRefunds(ask.sellerId(), ledger, base)));
            if (validation instanceof Validation.Invalid<?> invalid) {
                return new ActionResult.Rejected(invalid.violations());
            }
            Optional<ActionResult> recorded = record(ask, base, ledger, ((Validation.Valid<?>) validation).command(), sellerControls);
            if (recorded.isPresent()) {
                return recorded.get();
            }
            LOG.info("order {} changed while validating (attempt {}); re-validating", ask.orderId(), attempt + 1);
        }
        throw new IllegalStateException("order " + ask.orderId() + " kept changing; request not recorded, retry with the same key");
    }

    /**
     * The live order plus the earlier refunds it cannot show yet. For Amazon every earlier refund that has not failed
     * counts (Amazon shows feed refunds late); a channel shows what it was sent at once, so only those not sent yet
     * (queued, awaiting approval) count.
     */
    private OrderSnapshot withEarlierRefunds(String sellerId, ActionStore.Ledger ledger, ActionOrders.Found base) {
        OrderSnapshot order = base.snapshot();
        for (OrderAction earlier : store.actions(sellerId, ledger)) {
            if (earlier.type() == ActionType.REFUND && earlier.commandJson() != null && (base.channel() == null
                    ? earlier.state().mayRefund()
                    : earlier.state() == ActionState.QUEUED || earlier.state() == ActionState.AWAITING_APPROVAL)) {
                order = order.plusRefund(CommandJson.toRefund(earlier.commandJson()));
            }
        }
        return order;
    }

    /** Records a validated command (with its refund cap and approval rule); empty when the order's ledger moved. */
    private Optional<ActionResult> record(Ask ask, ActionOrders.Found base, ActionStore.Ledger ledger, Object command,
                                          RefundControls sellerControls) {
        Instant now = clock.instant();
        OrderAction action = NewActions.of(ask.sellerId(), ask.ticketId(), ask.agentId(), ask.buyerRequestAt(), command, now);
        if (base.channel() != null) {
            action = action.onChannel(new OrderAction.ChannelRef(base.channel().name(), null, null));
        }
        RefundCaps.DailyCap cap = null;
        if (command instanceof RefundCommand refund) {
            cap = dailyCap(ask.agentId(), refund, sellerControls, now);
            if (sellerControls.needsApproval(refund.total())) {
                action = action.withState(ActionState.AWAITING_APPROVAL);
            }
            if (cap.maxAmount() != null && refund.total().amount().compareTo(cap.maxAmount()) > 0) {
                return Optional.of(capExceeded(action, cap));
            }
        }
        switch (store.create(action, ask.key(), ask.hash(), ledger, now, cap)) {
            case CREATED:
                recordRequest(action, now);
                LOG.info("action {} {} {} for order {} ticket {} seller {}", action.actionId(), action.type(),
                        action.state(), action.orderId(), action.ticketId(), action.sellerId());
                if (action.type() == ActionType.REFUND) {
                    alerts.refundRecorded(action, sellerControls, base.shipToChangedAt());
                }
                return Optional.of(new ActionResult.Accepted(dispatch.recorded(action, base.channel()), false));
            case KEY_TAKEN:
                return Optional.of(replay(ask.sellerId(), store.idempotency(ask.sellerId(), ask.key()).orElseThrow(), ask.hash()));
            case CAP_EXCEEDED:
                return Optional.of(capExceeded(action, cap));
            case LEDGER_MOVED:
            default:
                return Optional.empty();
        }
    }

    /** The agent's day counter for this refund under the seller's caps (the UTC day of {@code now}). */
    private static RefundCaps.DailyCap dailyCap(String agentId, RefundCommand refund, RefundControls c, Instant now) {
        return new RefundCaps.DailyCap(agentId == null ? "unknown" : agentId, LocalDate.ofInstant(now, ZoneOffset.UTC),
                c.dailyCount(), c.dailyAmount(refund.currency()).orElse(null), refund.total().amount(), refund.currency());
    }

    private ActionResult.CapExceeded capExceeded(OrderAction refund, RefundCaps.DailyCap cap) {
        ActionResult.CapExceeded refusal = store.caps().refusal(refund, cap);
        alerts.capExceeded(refund.sellerId(), refund.ticketId(), refund.agentId(), refund.orderId(), refund.amount(), refund.currency());
        return refusal;
    }

    /** The seller's refunds waiting for a lead's approval, oldest first. */
    public List<OrderAction> awaitingApproval(String sellerId, int limit) {
        return store.approvals().awaiting(sellerId, limit);
    }

    /**
     * A lead approves a refund that awaits approval: it moves to QUEUED (and into the submitter's queue) once, only by a
     * lead other than the agent who asked; the evidence log records who asked and who approved.
     */
    public ApprovalResult approve(String sellerId, String ticketId, String actionId, String lead) {
        return decisions.decide(find(sellerId, ticketId, actionId), actionId, lead, true);
    }

    /** A lead rejects a refund that awaits approval: REJECTED, never sent; the agent's daily cap gets it back. */
    public ApprovalResult reject(String sellerId, String ticketId, String actionId, String lead) {
        return decisions.decide(find(sellerId, ticketId, actionId), actionId, lead, false);
    }

    private Optional<OrderAction> find(String sellerId, String ticketId, String actionId) {
        return wellFormed(sellerId, ticketId) ? store.get(sellerId, ticketId, actionId) : Optional.empty();
    }

    /**
     * The first three audit entries. The action already exists, so a failure here must not fail the request (the agent
     * could retry with a new key and refund twice); it is logged as an error instead.
     */
    private void recordRequest(OrderAction action, Instant now) {
        try {
            audit.record(action.withState(ActionState.REQUESTED), AuditTrail.REQUESTED, now);
            audit.record(action.withState(ActionState.REQUESTED), AuditTrail.VALIDATED, now);
            audit.record(action, action.state() == ActionState.AWAITING_APPROVAL ? AuditTrail.AWAITING_APPROVAL : AuditTrail.QUEUED, now);
        } catch (RuntimeException e) {
            LOG.error("action {} recorded but its evidence entries were not: {}", action.actionId(), e.toString());
        }
    }

    private static boolean wellFormed(String sellerId, String ticketId) {
        try {
            new com.deskbridge.domain.ticket.SellerId(sellerId);
            new com.deskbridge.domain.ticket.TicketId(ticketId);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private ActionResult replay(String sellerId, ActionStore.Idempotency seen, String hash) {
        if (!seen.payloadHash().equals(hash)) {
            return new ActionResult.KeyReused(seen.actionId());
        }
        OrderAction action = store.get(sellerId, seen.ticketId(), seen.actionId())
                .orElseThrow(() -> new IllegalStateException("idempotency key points at a missing action " + seen.actionId()));
        return new ActionResult.Accepted(dispatch.resumed(action), true);
    }
}
