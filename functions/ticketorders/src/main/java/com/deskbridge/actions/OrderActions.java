package com.deskbridge.actions;

import com.deskbridge.channels.ChannelAuthorizationException;
import com.deskbridge.http.MissingSecretException;
import com.deskbridge.orderactions.CancellationCommand;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.McfCancellationCommand;
import com.deskbridge.orderactions.OrderActionPolicy;
import com.deskbridge.orderactions.OrderCancellationCommand;
import com.deskbridge.orderactions.OrderSnapshot;
import com.deskbridge.orderactions.RefundCommand;
import com.deskbridge.orderactions.RefundControls;
import com.deskbridge.orderactions.RefundRequest;
import com.deskbridge.orderactions.Validation;
import com.deskbridge.orderactions.Violation;
import com.deskbridge.orderactions.ViolationReason;
import com.deskbridge.spapi.LwaAuthException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
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
 * approves it ({@link #approve}), once, by a conditional transition ({@link ActionStore#decide}).
 */
public final class OrderActions {

    private static final Logger LOG = LoggerFactory.getLogger(OrderActions.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:\\-]{8,128}");
    /** Concurrent actions on one order move its ledger; the loser re-reads and re-validates this often. */
    private static final int LEDGER_ATTEMPTS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

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
    private final ChannelGateways channels;
    private final ChannelExecutor channelActions;

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
        this.channels = Objects.requireNonNull(channels);
        this.channelActions = new ChannelExecutor(store, audit, clock);
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
        return request(sellerId, ticketId, agentId, idempotencyKey, buyerRequestAt, request.orderId(), refundHash(ticketId, request),
                order -> policy.validateRefund(order.snapshot(), request, sellerId), ActionType.REFUND);
    }

    public ActionResult requestCancellation(String sellerId, String ticketId, String agentId, String idempotencyKey,
                                            CancellationRequest request, Instant buyerRequestAt) {
        ObjectNode n = CommandJson.JSON.createObjectNode().put("type", "cancellation").put("ticketId", ticketId)
                .put("orderId", request.orderId()).put("reason", request.reason() == null ? null : request.reason().name());
        return request(sellerId, ticketId, agentId, idempotencyKey, buyerRequestAt, request.orderId(), sha256(n.toString()),
                order -> cancellationRules(order, request, sellerId), ActionType.CANCELLATION);
    }

    /** The shared rules, then the channel's own (eBay's three seller reasons; Shopify: no fulfilment yet). */
    private Validation<?> cancellationRules(LoadedOrder order, CancellationRequest request, String sellerId) {
        Validation<?> shared = policy.validateCancellation(order.snapshot(), request, sellerId);
        if (order.channel() == null || shared instanceof Validation.Invalid<?>) {
            return shared;
        }
        List<Violation> more = order.channel().gateway().cancellationViolations(order.snapshot(), request);
        return more.isEmpty() ? shared : new Validation.Invalid<>(more);
    }

    /** The live order to validate against, and the channel that holds it (null: Amazon). */
    private record LoadedOrder(OrderSnapshot snapshot, ChannelGateways.Gateway channel) {
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
        if (action.channel() == null || action.state() != ActionState.SUBMITTED) {
            return action;
        }
        return gatewayFor(action).map(g -> channelActions.confirm(action, g.gateway())).orElse(action);
    }

    private Optional<ChannelGateways.Gateway> gatewayFor(OrderAction action) {
        try {
            return channels.forTicket(action.sellerId(), action.channel().name())
                    .filter(g -> g.name().equals(action.channel().name()));
        } catch (RuntimeException e) {
            LOG.warn("action {}: {} gateway not available: {}", action.actionId(), action.channel().name(), e.toString());
            return Optional.empty();
        }
    }

    private ActionResult request(String sellerId, String ticketId, String agentId, String key, Instant buyerRequestAt,
                                 String orderId, String hash, Function<LoadedOrder, Validation<?>> validate, ActionType requested) {
        if (key == null || !KEY.matcher(key).matches()) {
            return new ActionResult.InvalidKey("Idempotency-Key must be 8-128 characters of A-Z a-z 0-9 . _ : -");
        }
        if (!wellFormed(sellerId, ticketId)) {
            return new ActionResult.TicketNotFound(ticketId);
        }
        Optional<ActionStore.Idempotency> seen = store.idempotency(sellerId, key);
        if (seen.isPresent()) {
            return replay(sellerId, seen.get(), hash);
        }
        Optional<String> ticketChannel = store.ticketChannel(sellerId, ticketId);
        if (ticketChannel.isEmpty()) {
            return new ActionResult.TicketNotFound(ticketId);
        }
        if (orderId == null || orderId.isBlank()) {
            return new ActionResult.Rejected(List.of(new Violation("orderId", ViolationReason.REQUIRED, "orderId is required")));
        }
        Optional<ChannelGateways.Gateway> channel = channels.forTicket(sellerId, ticketChannel.get());
        Optional<OrderSnapshot> channelOrder = Optional.empty();
        if (channel.isPresent()) {
            try {
                channelOrder = channel.get().gateway().liveOrder(sellerId, orderId);
            } catch (ChannelAuthorizationException e) {
                return new ActionResult.NotConnected("the seller's " + channel.get().name() + " account is no longer connected: "
                        + channel.get().name() + " refused the stored authorisation (revoked or expired); authorise Deskbridge again");
            }
        }
        if (channelOrder.isPresent()) {
            return decide(new Ask(sellerId, ticketId, agentId, key, buyerRequestAt, orderId, hash, validate, requested),
                    new LoadedOrder(channelOrder.get(), channel.get()), Optional.empty());
        }
        Optional<LiveOrders.Loaded> live;
        try {
            live = orders.load(sellerId, orderId);
        } catch (MissingSecretException e) {
            return new ActionResult.NotConnected("the seller's Amazon account is not connected: no SP-API authorisation "
                    + "is stored for this seller; authorise Deskbridge in Seller Central and try again");
        } catch (LwaAuthException e) {
            if (!e.reauthorisationNeeded()) {
                throw e;
            }
            return new ActionResult.NotConnected("the seller's Amazon account is no longer connected: Amazon refused the "
                    + "stored authorisation (revoked or expired); authorise Deskbridge in Seller Central again");
        }
        if (live.isEmpty()) {
            return new ActionResult.Rejected(List.of(new Violation("orderId", ViolationReason.FOREIGN_ORDER,
                    "order " + orderId + " not found for this seller")));
        }
        Optional<Instant> shipToChangedAt = shipTo == null ? Optional.empty()
                : shipTo.observe(sellerId, orderId, live.get().shipTo(), clock.instant());
        return decide(new Ask(sellerId, ticketId, agentId, key, buyerRequestAt, orderId, hash, validate, requested),
                new LoadedOrder(live.get().snapshot(), null), shipToChangedAt);
    }

    /** One request as the agent made it. */
    private record Ask(String sellerId, String ticketId, String agentId, String key, Instant buyerRequestAt, String orderId,
                       String hash, Function<LoadedOrder, Validation<?>> validate, ActionType requested) {
    }

    /**
     * Validates against {@code base} plus this seller's earlier refunds of the order that the live order cannot show yet,
     * and records the action in one conditional write (re-validating when the order's ledger moved meanwhile). For
     * Amazon every earlier refund that has not failed counts (Amazon shows feed refunds late); a channel shows what it
     * was sent at once, so only those not sent yet (queued, awaiting approval) count.
     */
    private ActionResult decide(Ask ask, LoadedOrder base, Optional<Instant> shipToChangedAt) {
        String sellerId = ask.sellerId();
        String ticketId = ask.ticketId();
        String orderId = ask.orderId();
        RefundControls sellerControls = ask.requested() == ActionType.REFUND ? controls.apply(sellerId) : RefundControls.DEFAULT;
        for (int attempt = 0; attempt < LEDGER_ATTEMPTS; attempt++) {
            ActionStore.Ledger ledger = store.ledger(sellerId, orderId);
            OrderSnapshot order = base.snapshot();
            for (OrderAction earlier : store.actions(sellerId, ledger)) {
                if (earlier.type() == ActionType.REFUND && earlier.commandJson() != null && (base.channel() == null
                        ? earlier.state().mayRefund()
                        : earlier.state() == ActionState.QUEUED || earlier.state() == ActionState.AWAITING_APPROVAL)) {
                    order = order.plusRefund(CommandJson.toRefund(earlier.commandJson()));
                }
            }
            Validation<?> validation = ask.validate().apply(new LoadedOrder(order, base.channel()));
            if (validation instanceof Validation.Invalid<?> invalid) {
                return new ActionResult.Rejected(invalid.violations());
            }
            Object command = ((Validation.Valid<?>) validation).command();
            Instant now = clock.instant();
            OrderAction action = newAction(sellerId, ticketId, ask.agentId(), ask.buyerRequestAt(), command, now);
            if (base.channel() != null) {
                action = action.onChannel(new OrderAction.ChannelRef(base.channel().name(), null, null));
            }
            ActionStore.DailyCap cap = null;
            if (command instanceof RefundCommand refund) {
                cap = dailyCap(ask.agentId(), refund, sellerControls, now);
                if (sellerControls.needsApproval(refund.total())) {
                    action = action.withState(ActionState.AWAITING_APPROVAL);
                }
                if (cap.maxAmount() != null && refund.total().amount().compareTo(cap.maxAmount()) > 0) {
                    return capExceeded(sellerId, ticketId, action, cap);
                }
            }
            switch (store.create(action, ask.key(), ask.hash(), ledger, now, cap)) {
                case CREATED:
                    recordRequest(action, now);
                    LOG.info("action {} {} {} for order {} ticket {} seller {}", action.actionId(), action.type(),
                            action.state(), action.orderId(), ticketId, sellerId);
                    if (action.type() == ActionType.REFUND) {
                        alerts.refundRecorded(action, sellerControls, shipToChangedAt);
                    }
                    if (action.type() == ActionType.MCF_CANCELLATION) {
                        return new ActionResult.Accepted(mcf.execute(action), false);
                    }
                    if (base.channel() != null) {
                        return new ActionResult.Accepted(channelActions.execute(action, base.channel().gateway()), false);
                    }
                    if (action.state() == ActionState.QUEUED) {
                        notifySubmitter(sellerId);
                    }
                    return new ActionResult.Accepted(action, false);
                case KEY_TAKEN:
                    return replay(sellerId, store.idempotency(sellerId, ask.key()).orElseThrow(), ask.hash());
                case CAP_EXCEEDED:
                    return capExceeded(sellerId, ticketId, action, cap);
                case LEDGER_MOVED:
                default:
                    LOG.info("order {} changed while validating (attempt {}); re-validating", orderId, attempt + 1);
            }
        }
        throw new IllegalStateException("order " + orderId + " kept changing; request not recorded, retry with the same key");
    }

    /** The agent's day counter for this refund under the seller's caps (the UTC day of {@code now}). */
    private static ActionStore.DailyCap dailyCap(String agentId, RefundCommand refund, RefundControls c, Instant now) {
        return new ActionStore.DailyCap(agentId == null ? "unknown" : agentId, LocalDate.ofInstant(now, ZoneOffset.UTC),
                c.dailyCount(), c.dailyAmount(refund.currency()).orElse(null), refund.total().amount(), refund.currency());
    }

    private ActionResult.CapExceeded capExceeded(String sellerId, String ticketId, OrderAction refund, ActionStore.DailyCap cap) {
        ActionStore.CapUsage used = store.capUsage(sellerId, cap.agentId(), cap.day(), cap.currency());
        alerts.capExceeded(sellerId, ticketId, refund.agentId(), refund.orderId(), refund.amount(), refund.currency());
        Instant resetsAt = cap.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean byCount = cap.maxCount() > 0 && used.count() >= cap.maxCount();
        String detail = byCount
                ? "agent " + cap.agentId() + " already requested " + used.count() + " refunds today, the seller's daily cap per agent"
                + " is " + cap.maxCount() + "; nothing was recorded. A lead can refund, or the cap resets at " + resetsAt
                : "refunding " + refund.amount() + " " + refund.currency() + " would take agent " + cap.agentId() + " to "
                + used.amount().add(cap.amount()).toPlainString() + " " + refund.currency() + " today, over the seller's daily cap"
                + " per agent of " + cap.maxAmount().toPlainString() + " " + refund.currency() + "; nothing was recorded."
                + " The cap resets at " + resetsAt;
        return new ActionResult.CapExceeded(detail, cap.maxCount(), used.count(),
                cap.maxAmount() == null ? null : cap.maxAmount().toPlainString(), used.amount().toPlainString(), cap.currency(), resetsAt);
    }

    /** The seller's refunds waiting for a lead's approval, oldest first. */
    public List<OrderAction> awaitingApproval(String sellerId, int limit) {
        return store.awaitingApproval(sellerId, limit);
    }

    /**
     * A lead approves a refund that awaits approval: it moves to QUEUED (and into the submitter's queue) once, only by a
     * lead other than the agent who asked; the evidence log records who asked and who approved.
     */
    public ApprovalResult approve(String sellerId, String ticketId, String actionId, String lead) {
        return decide(sellerId, ticketId, actionId, lead, true);
    }

    /** A lead rejects a refund that awaits approval: REJECTED, never sent; the agent's daily cap gets it back. */
    public ApprovalResult reject(String sellerId, String ticketId, String actionId, String lead) {
        return decide(sellerId, ticketId, actionId, lead, false);
    }

    private ApprovalResult decide(String sellerId, String ticketId, String actionId, String lead, boolean approve) {
        Optional<OrderAction> found = wellFormed(sellerId, ticketId) ? store.get(sellerId, ticketId, actionId) : Optional.empty();
        if (found.isEmpty()) {
            return new ApprovalResult.NotFound(actionId);
        }
        OrderAction action = found.get();
        if (action.state() != ActionState.AWAITING_APPROVAL) {
            return sameDecision(action, lead, approve) ? new ApprovalResult.Decided(action, true) : new ApprovalResult.NotAwaiting(action);
        }
        if (lead.equals(action.agentId())) {
            return new ApprovalResult.SecondPersonRequired(action);
        }
        Instant now = clock.instant();
        switch (store.decide(action, approve, lead, now)) {
            case SAME_PERSON:
                return new ApprovalResult.SecondPersonRequired(action);
            case NOT_AWAITING: {
                OrderAction current = store.get(sellerId, ticketId, actionId).orElse(action);
                return sameDecision(current, lead, approve) ? new ApprovalResult.Decided(current, true)
                        : new ApprovalResult.NotAwaiting(current);
            }
            case DECIDED:
            default:
        }
        OrderAction decided = store.get(sellerId, ticketId, actionId).orElseThrow();
        try {
            audit.record(decided, approve ? AuditTrail.APPROVED : AuditTrail.REJECTED, now);
            if (approve) {
                audit.record(decided, AuditTrail.QUEUED, now);
            }
        } catch (RuntimeException e) {
            LOG.error("action {} {} but its evidence entry was not written: {}", actionId, approve ? "approved" : "rejected", e.toString());
        }
        LOG.info("action {} {} by lead {} (requested by {}) seller {}", actionId, approve ? "approved" : "rejected", lead,
                decided.agentId(), sellerId);
        if (approve && decided.channel() != null) {
            OrderAction approved = decided;
            return new ApprovalResult.Decided(gatewayFor(decided).map(g -> channelActions.execute(approved, g.gateway()))
                    .orElse(decided), false);
        } else if (approve) {
            notifySubmitter(sellerId);
        } else {
            store.releaseCap(decided);
        }
        return new ApprovalResult.Decided(decided, false);
    }

    private static boolean sameDecision(OrderAction action, String lead, boolean approve) {
        return action.decision() != null && action.decision().by().equals(lead) && action.decision().approved() == approve;
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

    private void notifySubmitter(String sellerId) {
        try {
            trigger.actionQueued(sellerId);
        } catch (RuntimeException e) {
            LOG.warn("could not trigger the feed submitter for seller {} (the schedule will pick it up): {}", sellerId, e.toString());
        }
    }

    private ActionResult replay(String sellerId, ActionStore.Idempotency seen, String hash) {
        if (!seen.payloadHash().equals(hash)) {
            return new ActionResult.KeyReused(seen.actionId());
        }
        OrderAction action = store.get(sellerId, seen.ticketId(), seen.actionId())
                .orElseThrow(() -> new IllegalStateException("idempotency key points at a missing action " + seen.actionId()));
        if (action.type() == ActionType.MCF_CANCELLATION && action.state() == ActionState.QUEUED) {
            action = mcf.execute(action);
        }
        if (action.channel() != null && action.state() == ActionState.QUEUED) {
            OrderAction queued = action;
            action = gatewayFor(action).map(g -> channelActions.execute(queued, g.gateway())).orElse(action);
        }
        return new ActionResult.Accepted(settle(action), true);
    }

    private OrderAction newAction(String sellerId, String ticketId, String agentId, Instant buyerRequestAt, Object command, Instant now) {
        String id = newId(now);
        if (command instanceof RefundCommand r) {
            return new OrderAction(sellerId, ticketId, id, ActionType.REFUND, ActionState.QUEUED, r.orderId(), r.marketplaceId(),
                    agentId, r.total().plain(), r.currency(), r.reason().name(), now, buyerRequestAt, now,
                    CommandJson.refund(r), null, null, null, null);
        }
        CancellationCommand c = (CancellationCommand) command;
        if (c instanceof OrderCancellationCommand o) {
            return new OrderAction(sellerId, ticketId, id, ActionType.CANCELLATION, ActionState.QUEUED, o.orderId(), o.marketplaceId(),
                    agentId, null, null, o.reason().name(), now, buyerRequestAt, now, CommandJson.cancellation(o), null, null, null, null);
        }
        McfCancellationCommand m = (McfCancellationCommand) c;
        return new OrderAction(sellerId, ticketId, id, ActionType.MCF_CANCELLATION, ActionState.QUEUED, m.sellerFulfillmentOrderId(),
                m.marketplaceId(), agentId, null, null, null, now, buyerRequestAt, now, CommandJson.mcf(m), null, null, null, null);
    }

    /** Time-ordered, unguessable: 12 hex digits of epoch millis, then 16 random hex digits. */
    static String newId(Instant now) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return String.format("%012x", now.toEpochMilli()) + HexFormat.of().formatHex(random);
    }

    private static String refundHash(String ticketId, RefundRequest r) {
        ObjectNode n = CommandJson.JSON.createObjectNode().put("type", "refund").put("ticketId", ticketId)
                .put("orderId", r.orderId()).put("full", r.full()).put("reason", r.reason() == null ? null : r.reason().name());
        var lines = n.putArray("lines");
        for (RefundRequest.Line l : r.lines()) {
            ObjectNode line = lines.addObject().put("orderItemId", l.orderItemId());
            if (l.quantity() != null) {
                line.put("quantity", l.quantity());
            }
            var comps = line.putArray("components");
            for (RefundRequest.ComponentAmount c : l.components()) {
                comps.addObject().put("component", c.component() == null ? null : c.component().name())
                        .put("amount", c.amount() == null ? null : c.amount().stripTrailingZeros().toPlainString())
                        .put("currency", c.currency());
            }
        }
        return sha256(n.toString());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
