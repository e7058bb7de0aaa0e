package com.deskbridge.actions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Order actions, their idempotency keys and the per-order ledger (a port: {@link DynamoDbActionStore} keeps them in the
 * tickets table; the service tests keep them in memory). The decisive write of a request is {@link #create}: the
 * idempotency record and the action (both only if absent), the order's ledger version (only if nobody else moved it
 * since it was read), the agent's daily refund counter (only while {@link RefundCaps.DailyCap#allows} it) and the
 * agent's "requested" counter are one atomic step, so a duplicate key, a concurrent second refund of the same order and
 * a refund over the cap can never get through. Every later change is {@link #transition} ({@link Transition}): from
 * the expected states only; reaching a final state moves the requesting agent's outcome counter in the same step.
 *
 * <p>The parts with their own rules: the agents' daily refund counters ({@link #caps()}), refunds awaiting a lead
 * ({@link #approvals()}), the feed queue ({@link #feedQueue()}) and the channel-confirmation schedule
 * ({@link #confirmations()}).
 */
public interface ActionStore {

    /** How long an idempotency key is remembered (clients retry within minutes; 30 days outlast any outage and the agent's memory of the click). */
    Duration IDEMPOTENCY_TTL = Duration.ofDays(30);

    /** The idempotency record: the action a key produced and the hash of the request that produced it. */
    record Idempotency(String actionId, String ticketId, String payloadHash) {
    }

    /** Actions of one order so far, and the version the next action must find. */
    record Ledger(long version, Map<String, String> ticketByAction) {
        public Ledger {
            ticketByAction = Map.copyOf(ticketByAction);
        }
    }

    /** Outcome of {@link #create}. */
    enum Created { CREATED, KEY_TAKEN, LEDGER_MOVED, CAP_EXCEEDED }

    /** The agents' daily refund counters. */
    RefundCaps caps();

    /** Refunds awaiting a lead's approval and the lead's decision. */
    ApprovalQueue approvals();

    /** Amazon actions waiting for a feed. */
    FeedQueue feedQueue();

    /** Channel actions waiting for their channel's confirmation. */
    ConfirmationIndex confirmations();

    /** The channel a ticket came from ({@code amazon}, {@code ebay}, {@code shopify}, {@code email}); empty when no such ticket. */
    Optional<String> ticketChannel(String sellerId, String ticketId);

    Optional<Idempotency> idempotency(String sellerId, String key);

    /** The order's ledger (version 0 and no actions before its first action). */
    Ledger ledger(String sellerId, String orderId);

    /** The actions the ledger names (any state). */
    default List<OrderAction> actions(String sellerId, Ledger ledger) {
        List<OrderAction> out = new ArrayList<>();
        ledger.ticketByAction().forEach((actionId, ticketId) -> get(sellerId, ticketId, actionId).ifPresent(out::add));
        return out;
    }

    /** The single decisive write of a request (see the interface comment), without a daily cap. */
    default Created create(OrderAction action, String idempotencyKey, String payloadHash, Ledger readLedger, Instant now) {
        return create(action, idempotencyKey, payloadHash, readLedger, now, null);
    }

    /**
     * The single decisive write of a request (see the interface comment): with {@code cap}, the agent's day counter
     * moves in the same step, only while the cap allows it; a refund that waits for approval also gets its entry in the
     * seller's approval list ({@link ApprovalQueue#awaiting}); an Amazon action created QUEUED enters the feed queue.
     * Checked in this order: the key ({@link Created#KEY_TAKEN}), the ledger ({@link Created#LEDGER_MOVED}), the cap.
     */
    Created create(OrderAction action, String idempotencyKey, String payloadHash, Ledger readLedger, Instant now,
                   RefundCaps.DailyCap cap);

    Optional<OrderAction> get(String sellerId, String ticketId, String actionId);

    /** The ticket's actions, oldest first (action ids are time-ordered). */
    List<OrderAction> byTicket(String sellerId, String ticketId);

    /**
     * Moves an action to {@code to} if it is in one of {@code from} (and, when {@code attemptId} is given, still
     * claimed by that feed attempt): {@link Transition}. {@code fields} are set (null values removed; the action's
     * {@code error}, {@code feedId}, {@code messageId}, {@code externalId}, {@code pendingKind}, and the confirmation
     * schedule's {@link ConfirmationIndex#fields}). Leaving for any state but QUEUED takes the action off the feed
     * queue and, unless {@code fields} schedule it again, off the confirmation schedule. The move into a final state
     * and its agent's outcome counter are one step, so only the winning move counts.
     *
     * @return the updated action, or empty when the condition did not hold (someone else already moved it)
     */
    Optional<OrderAction> transition(OrderAction a, Set<ActionState> from, ActionState to, String attemptId,
                                     Map<String, String> fields, Instant now);

    static Set<ActionState> states(ActionState first, ActionState... rest) {
        return EnumSet.of(first, rest);
    }

    /**
     * The rule of {@link #transition}, apart from how a store writes it: which current action may move, and whether
     * the move counts as its agent's outcome.
     */
    record Transition(Set<ActionState> from, ActionState to, String attemptId) {

        /**
         * The fields a transition may set, by their logical names: the action's own fields and the confirmation
         * schedule's ({@link ConfirmationIndex#fields}). How a store keeps them (the DynamoDB adapter turns the schedule
         * into its index keys) is the store's business; no caller names a store's attributes or index keys.
         */
        public static final Set<String> FIELDS = Set.of("error", "feedId", "messageId", "externalId", "pendingKind",
                "feedAttemptId", ConfirmationIndex.DUE_AT, ConfirmationIndex.SUBMITTED_AT);

        /**
         * {@code fields} if every name is one of {@link #FIELDS} and the schedule's two fields come together.
         *
         * @throws IllegalArgumentException naming what is not a transition field (a store's attribute, an index key)
         */
        public static Map<String, String> checked(Map<String, String> fields) {
            List<String> unknown = fields.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("not transition fields: " + unknown + " (the fields are " + FIELDS.stream()
                        .sorted().toList() + ")");
            }
            if (fields.containsKey(ConfirmationIndex.DUE_AT) != fields.containsKey(ConfirmationIndex.SUBMITTED_AT)
                    || fields.containsKey(ConfirmationIndex.DUE_AT) && (fields.get(ConfirmationIndex.DUE_AT) == null
                    || fields.get(ConfirmationIndex.SUBMITTED_AT) == null)) {
                throw new IllegalArgumentException("the confirmation schedule needs both " + ConfirmationIndex.DUE_AT
                        + " and " + ConfirmationIndex.SUBMITTED_AT + " (ConfirmationIndex.fields)");
            }
            return fields;
        }

        /** Whether {@code fields} put the action on the confirmation schedule ({@link ConfirmationIndex#fields}). */
        public static boolean schedules(Map<String, String> fields) {
            return fields.containsKey(ConfirmationIndex.DUE_AT);
        }

        /** Whether {@code current} may make this move (its state is expected and, if asked, its feed attempt is ours). */
        public boolean allows(OrderAction current) {
            return from.contains(current.state()) && (attemptId == null || attemptId.equals(current.feedAttemptId()));
        }

        /** Whether the move ends the action, which counts as its requesting agent's outcome {@code to}. */
        public boolean countsOutcome() {
            return to.isFinal() && !from.contains(to);
        }
    }
}
