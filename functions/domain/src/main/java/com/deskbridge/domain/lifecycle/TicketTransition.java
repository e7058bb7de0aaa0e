package com.deskbridge.domain.lifecycle;

/**
 * One step of a ticket's lifecycle, computed by {@link TicketLifecycle}: the state before and after. A store writes
 * {@link #after()} conditionally on {@link #before()} (or on the parts of it the step depends on).
 */
public record TicketTransition(Event event, TicketState before, TicketState after) {

    /** What happened to the ticket. */
    public enum Event { MESSAGE, REPLY, CLOSE, NO_RESPONSE_NEEDED }

    /** The step answered the waiting buyer (or the agent decided nothing needs an answer): the clock stops. */
    public boolean stopsClock() {
        return before.waiting() && !after.waiting() || event != Event.MESSAGE && event != Event.REPLY
                && before.exists();
    }

    /** The step starts a new waiting period (and its SLA timeline). */
    public boolean startsClock() {
        return !before.waiting() && after.waiting();
    }

    /**
     * The pending-escalation rule: a clock stop while the sweep holds unpublished escalation events keeps the ticket
     * in the due index, due at once, so the sweep publishes them and then, finding no timeline, removes it.
     */
    public boolean keepsDueEntry() {
        return stopsClock() && before.escalationPending();
    }

    /** An agent's reply that answered a waiting buyer: the SLA metrics record the first response. */
    public boolean recordsResponse() {
        return event == Event.REPLY && stopsClock();
    }
}
