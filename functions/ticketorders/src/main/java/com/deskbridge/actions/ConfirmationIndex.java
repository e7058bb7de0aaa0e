package com.deskbridge.actions;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The channel-confirmation schedule: channel actions their channel has not settled yet, by the time of their next
 * check. {@link ChannelConfirmations} reads what is due, claims it, and drops it when it gives up; an action enters
 * it by a {@link ActionStore#transition} with {@link #fields}. {@link DynamoDbConfirmationIndex} keeps it as a sparse,
 * write-sharded index of the tickets table.
 */
public interface ConfirmationIndex {

    /** The transition field of the next check's time ({@link #fields}). */
    String DUE_AT = "confirmDueAt";
    /** The transition field of the time the deadlines count from ({@link #fields}). */
    String SUBMITTED_AT = "confirmSubmittedAt";
    /** The states in which an action still waits for its channel. */
    Set<ActionState> AWAITING_CHANNEL = EnumSet.of(ActionState.SUBMITTED, ActionState.ATTENTION_REQUIRED);

    /**
     * A channel action awaiting its channel's confirmation, as the schedule holds it.
     *
     * @param sortKey the schedule entry as read: a claim succeeds only while it is unchanged
     */
    record ConfirmationRef(String sellerId, String ticketId, String actionId, Instant dueAt, Instant submittedAt,
                           String sortKey) {
    }

    /**
     * The fields that put {@code a} on the confirmation schedule: checked from {@code dueAt} on, its deadlines counted
     * from {@code submittedAt}. Passed as {@link ActionStore#transition} fields (the transition then keeps them).
     */
    static Map<String, String> fields(OrderAction a, Instant dueAt, Instant submittedAt) {
        return Map.of(DUE_AT, dueAt.toString(), SUBMITTED_AT, submittedAt.toString());
    }

    /** Channel actions whose next confirmation check is due at {@code now}, earliest first (per shard), at most {@code limit}. */
    List<ConfirmationRef> due(Instant now, int limit);

    /**
     * Takes a due confirmation for one run: moves its next check to {@code nextDue}, only if nobody moved it since it
     * was read and the action still awaits its channel ({@link #AWAITING_CHANNEL}). Two overlapping runs: one claims,
     * the other skips it.
     */
    boolean claim(ConfirmationRef ref, Instant nextDue);

    /** Takes the action off the confirmation schedule (given up: nobody asks its channel again). */
    void drop(ConfirmationRef ref);
}
