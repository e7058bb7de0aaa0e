package com.deskbridge.actions;

import com.deskbridge.http.MissingSecretException;
import com.deskbridge.orderactions.CancellationCommand;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.McfCancellationCommand;
import com.deskbridge.orderactions.OrderActionPolicy;
import com.deskbridge.orderactions.OrderCancellationCommand;
import com.deskbridge.orderactions.OrderSnapshot;
import com.deskbridge.orderactions.RefundCommand;
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

    public OrderActions(ActionStore store, com.deskbridge.spapi.SpApiClient spApi, SellerAccounts accounts, AuditTrail audit,
                        SubmitTrigger trigger, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.orders = new LiveOrders(spApi, accounts);
        this.audit = Objects.requireNonNull(audit);
        this.trigger = Objects.requireNonNull(trigger);
        this.clock = Objects.requireNonNull(clock);
        this.mcf = new McfCanceller(spApi, accounts, store, audit, clock);
    }

    public ActionResult requestRefund(String sellerId, String ticketId, String agentId, String idempotencyKey,
                                      RefundRequest request, Instant buyerRequestAt) {
        return request(sellerId, ticketId, agentId, idempotencyKey, buyerRequestAt, request.orderId(), refundHash(ticketId, request),
                order -> policy.validateRefund(order, request, sellerId), ActionType.REFUND);
    }

    public ActionResult requestCancellation(String sellerId, String ticketId, String agentId, String idempotencyKey,
                                            CancellationRequest request, Instant buyerRequestAt) {
        ObjectNode n = CommandJson.JSON.createObjectNode().put("type", "cancellation").put("ticketId", ticketId)
                .put("orderId", request.orderId()).put("reason", request.reason() == null ? null : request.reason().name());
        return request(sellerId, ticketId, agentId, idempotencyKey, buyerRequestAt, request.orderId(), sha256(n.toString()),
                order -> policy.validateCancellation(order, request, sellerId), ActionType.CANCELLATION);
    }

    /** One action of the ticket (GET /tickets/{id}/actions/{actionId}); empty for another seller's or unknown ids. */
    public Optional<OrderAction> action(String sellerId, String ticketId, String actionId) {
        return store.get(sellerId, ticketId, actionId);
    }

    /** Every action of the ticket, oldest first (the ticket view). */
    public List<OrderAction> actions(String sellerId, String ticketId) {
        return store.byTicket(sellerId, ticketId);
    }

    private ActionResult request(String sellerId, String ticketId, String agentId, String key, Instant buyerRequestAt,
                                 String orderId, String hash, Function<OrderSnapshot, Validation<?>> validate, ActionType requested) {
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
        if (!store.ticketExists(sellerId, ticketId)) {
            return new ActionResult.TicketNotFound(ticketId);
        }
        if (orderId == null || orderId.isBlank()) {
            return new ActionResult.Rejected(List.of(new Violation("orderId", ViolationReason.REQUIRED, "orderId is required")));
        }
        Optional<OrderSnapshot> live;
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
        for (int attempt = 0; attempt < LEDGER_ATTEMPTS; attempt++) {
            ActionStore.Ledger ledger = store.ledger(sellerId, orderId);
            OrderSnapshot order = live.get();
            for (OrderAction earlier : store.actions(sellerId, ledger)) {
                if (earlier.type() == ActionType.REFUND && earlier.state().mayRefund() && earlier.commandJson() != null) {
                    order = order.plusRefund(CommandJson.toRefund(earlier.commandJson()));
                }
            }
            Validation<?> validation = validate.apply(order);
            if (validation instanceof Validation.Invalid<?> invalid) {
                return new ActionResult.Rejected(invalid.violations());
            }
            Object command = ((Validation.Valid<?>) validation).command();
            Instant now = clock.instant();
            OrderAction action = newAction(sellerId, ticketId, agentId, buyerRequestAt, command, now);
            switch (store.create(action, key, hash, ledger, now)) {
                case CREATED:
                    recordRequest(action, now);
                    LOG.info("action {} {} queued for order {} ticket {} seller {}", action.actionId(), action.type(),
                            action.orderId(), ticketId, sellerId);
                    if (action.type() == ActionType.MCF_CANCELLATION) {
                        return new ActionResult.Accepted(mcf.execute(action), false);
                    }
                    notifySubmitter(sellerId);
                    return new ActionResult.Accepted(action, false);
                case KEY_TAKEN:
                    return replay(sellerId, store.idempotency(sellerId, key).orElseThrow(), hash);
                case LEDGER_MOVED:
                default:
                    LOG.info("order {} changed while validating (attempt {}); re-validating", orderId, attempt + 1);
            }
        }
        throw new IllegalStateException("order " + orderId + " kept changing; request not recorded, retry with the same key");
    }

    /**
     * The first three audit entries. The action already exists, so a failure here must not fail the request (the agent
     * could retry with a new key and refund twice); it is logged as an error instead.
     */
    private void recordRequest(OrderAction action, Instant now) {
        try {
            audit.record(withState(action, ActionState.REQUESTED), AuditTrail.REQUESTED, now);
            audit.record(withState(action, ActionState.REQUESTED), AuditTrail.VALIDATED, now);
            audit.record(action, AuditTrail.QUEUED, now);
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
        return new ActionResult.Accepted(action, true);
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

    private static OrderAction withState(OrderAction a, ActionState state) {
        return new OrderAction(a.sellerId(), a.ticketId(), a.actionId(), a.type(), state, a.orderId(), a.marketplaceId(), a.agentId(),
                a.amount(), a.currency(), a.reason(), a.requestedAt(), a.buyerRequestAt(), a.updatedAt(), a.commandJson(),
                a.feedAttemptId(), a.feedId(), a.messageId(), a.error());
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
