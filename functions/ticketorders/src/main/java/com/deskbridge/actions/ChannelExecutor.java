package com.deskbridge.actions;

import com.deskbridge.channels.ActionOutcome;
import com.deskbridge.channels.ChannelAuthorizationException;
import com.deskbridge.channels.ChannelRejectedException;
import com.deskbridge.channels.ChannelUnavailableException;
import com.deskbridge.channels.OrderActionGateway;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a validated refund or cancellation of an eBay or Shopify order at its channel, at once (these channels
 * answer synchronously; nothing goes through Amazon's feeds), and fetches the channel's confirmation back:
 * QUEUED → COMPLETED when the channel completed it, SUBMITTED while the channel still settles it (the schedule,
 * {@link ChannelConfirmations}, or a later read {@link #confirm}s it), FAILED when the channel refused it, with the channel's code and words. A channel that cannot
 * be reached leaves the action QUEUED: the same Idempotency-Key, or the next read of the action, tries again, and the
 * gateway's own idempotency (Shopify's {@code @idempotent} key; eBay's recorded attempt) keeps money from moving twice.
 */
final class ChannelExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelExecutor.class);

    private final ActionStore store;
    private final AuditTrail audit;
    private final Clock clock;

    ChannelExecutor(ActionStore store, AuditTrail audit, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Sends a QUEUED channel action; other states are returned as they are. The channel's idempotency key is the action's
     * id: one per Idempotency-Key of the agent's request (the action store's conditional write), so a retried request, a
     * lead's approval and a re-read all send the same key.
     */
    OrderAction execute(OrderAction action, OrderActionGateway gateway) {
        String idempotencyKey = action.actionId();
        if (action.channel() == null || action.state() != ActionState.QUEUED) {
            return action;
        }
        ActionOutcome outcome;
        try {
            outcome = switch (action.type()) {
                case REFUND -> gateway.refund(CommandJson.toRefund(action.commandJson()), idempotencyKey);
                case CANCELLATION -> gateway.cancel(CommandJson.toCancellation(action.commandJson()), idempotencyKey);
                case MCF_CANCELLATION -> throw new IllegalArgumentException("MCF cancellations are Amazon's");
            };
            if (outcome instanceof ActionOutcome.Pending pending) {
                outcome = gateway.confirm(action.sellerId(), action.orderId(), pending);
            }
        } catch (ChannelUnavailableException e) {
            LOG.warn("action {} on {} order {}: channel unavailable, stays QUEUED: {}", action.actionId(), action.channel().name(),
                    action.orderId(), e.getMessage());
            return action;
        } catch (ChannelRejectedException e) {
            outcome = new ActionOutcome.Rejected(null, e.code(), e.getMessage());
        } catch (ChannelAuthorizationException e) {
            outcome = new ActionOutcome.Rejected(null, "not-authorised", "the seller's " + action.channel().name()
                    + " authorisation was refused (revoked or expired); nothing was sent. Authorise Deskbridge again.");
        } catch (RuntimeException e) {
            // not known whether the channel acted: the action stays QUEUED; the same key sends it again, and the
            // channel's idempotency (Shopify's key, eBay's recorded attempt) keeps money from moving twice
            LOG.error("action {} on {} order {}: outcome unknown, stays QUEUED: {}", action.actionId(), action.channel().name(),
                    action.orderId(), e.toString());
            return action;
        }
        return record(action, ActionState.QUEUED, outcome);
    }

    /** Asks the channel how a SUBMITTED channel action ended; other actions are returned as they are. */
    OrderAction confirm(OrderAction action, OrderActionGateway gateway) {
        OrderAction.ChannelRef ref = action.channel();
        if (ref == null || action.state() != ActionState.SUBMITTED || ref.pendingKind() == null || ref.externalId() == null) {
            return action;
        }
        ActionOutcome.Pending pending = new ActionOutcome.Pending(ref.externalId(), ref.pendingKind(), "awaiting confirmation");
        try {
            ActionOutcome outcome = gateway.confirm(action.sellerId(), action.orderId(), pending);
            return outcome instanceof ActionOutcome.Pending ? action : record(action, ActionState.SUBMITTED, outcome);
        } catch (RuntimeException e) {
            LOG.warn("action {}: confirmation from {} not read now: {}", action.actionId(), ref.name(), e.toString());
            return action;
        }
    }

    /** Records the channel's outcome of {@code action}, expected in state {@code from}, by one conditional transition. */
    OrderAction record(OrderAction action, ActionState from, ActionOutcome outcome) {
        ActionState to;
        Map<String, String> fields = new HashMap<>();
        fields.put("externalId", outcome.externalId());
        if (outcome instanceof ActionOutcome.Pending pending) {
            to = ActionState.SUBMITTED;
            fields.put("pendingKind", pending.kind());
            // on the confirmation schedule at once ({@link ChannelConfirmations}): its next run asks the channel
            fields.putAll(ConfirmationIndex.fields(action, clock.instant(), clock.instant()));
        } else if (outcome instanceof ActionOutcome.Rejected rejected) {
            to = ActionState.FAILED;
            fields.put("pendingKind", null);
            fields.put("error", action.channel().name() + " refused it (" + rejected.code() + "): " + rejected.reason());
        } else {
            to = ActionState.COMPLETED;
            fields.put("pendingKind", null);
            fields.put("error", null);
        }
        if (from == to) {
            return action;
        }
        ActionState target = to;
        Optional<OrderAction> moved = store.transition(action, ActionStore.states(from), target, null, fields, clock.instant());
        moved.ifPresent(a -> {
            try {
                audit.record(a, AuditTrail.kindFor(target), clock.instant());
            } catch (RuntimeException e) {
                LOG.error("action {} {} but its evidence entry was not written: {}", a.actionId(), target, e.toString());
            }
        });
        return moved.or(() -> store.get(action.sellerId(), action.ticketId(), action.actionId())).orElse(action);
    }
}
