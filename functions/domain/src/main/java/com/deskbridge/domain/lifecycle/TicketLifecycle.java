package com.deskbridge.domain.lifecycle;

import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.TicketStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of a ticket's lifecycle, pure: what a ticket becomes on a buyer message, a reply, closing and "no response
 * needed". Stores apply these transitions (DynamoDB as conditional writes; tests in memory).
 *
 * <ul>
 *   <li>A buyer message opens (or re-opens) the ticket. A ticket already waiting keeps its waiting period: the oldest
 *       unanswered message rules its due time, SLA timeline and queue position. The latest message's intent becomes
 *       the ticket's; tags accumulate; escalation language, once seen, stays.</li>
 *   <li>An agent's reply to a waiting buyer stops the clock: the ticket is pending, its timeline is forgotten.
 *       An automatic reply, or one while nothing waits, changes only who last handled it.</li>
 *   <li>Closing and "no response needed" stop the clock and close the ticket.</li>
 * </ul>
 */
public final class TicketLifecycle {
    /** Recorded as the handler when a close names no agent. */
    public static final String UNKNOWN_AGENT = "unknown";

    private TicketLifecycle() {
    }

    public static TicketTransition message(TicketState before, Instant receivedAt, Triage triage,
                                           boolean escalationLanguage) {
        Instant waitingSince = before.waiting() ? before.awaitingReplySince() : receivedAt;
        Instant due = before.dueAt() != null ? before.dueAt() : triage.responseDue().orElse(null);
        // The open queue reads in due order; a message without a deadline queues the ticket by its waiting time.
        Instant queueKey = triage.responseDue().isPresent() ? due : waitingSince;
        boolean timelineKept = !before.milestones().isEmpty();
        Set<String> tags = new TreeSet<>(before.tags());
        tags.addAll(triage.tags());
        TicketState after = new TicketState(TicketStatus.OPEN, waitingSince, due, queueKey,
                timelineKept ? before.milestones() : triage.slaMilestones(), before.fired(),
                triage.intent() != null ? triage.intent() : before.intent(), tags, before.messageCount() + 1,
                before.escalationLanguage() || escalationLanguage, before.lastHandledBy(), before.escalationPending(),
                before.sendFailed());
        return new TicketTransition(TicketTransition.Event.MESSAGE, before, after);
    }

    public static TicketTransition reply(TicketState before, OutgoingReply reply) {
        if (reply.stopsClock() && before.waiting()) {
            return new TicketTransition(TicketTransition.Event.REPLY, before,
                    stopped(before, TicketStatus.PENDING, reply.at(), reply.agentId()));
        }
        String handler = !reply.automatic() && reply.agentId() != null ? reply.agentId() : before.lastHandledBy();
        return new TicketTransition(TicketTransition.Event.REPLY, before, withHandler(before, handler));
    }

    public static TicketTransition close(TicketState before, String agentId, Instant at) {
        return new TicketTransition(TicketTransition.Event.CLOSE, before,
                stopped(before, TicketStatus.CLOSED, at, agent(agentId)));
    }

    public static TicketTransition noResponseNeeded(TicketState before, String agentId, Instant at) {
        return new TicketTransition(TicketTransition.Event.NO_RESPONSE_NEEDED, before,
                stopped(before, TicketStatus.CLOSED, at, agent(agentId)));
    }

    public static String agent(String agentId) {
        return agentId == null ? UNKNOWN_AGENT : agentId;
    }

    /** The clock stops: the waiting period, its deadline, timeline and a failed send's mark are forgotten. */
    private static TicketState stopped(TicketState before, TicketStatus status, Instant at, String agent) {
        return new TicketState(status, null, null, at, Map.of(), Set.of(), before.intent(), before.tags(),
                before.messageCount(), before.escalationLanguage(), agent != null ? agent : before.lastHandledBy(),
                before.escalationPending(), false);
    }

    private static TicketState withHandler(TicketState s, String handler) {
        return new TicketState(s.status(), s.awaitingReplySince(), s.dueAt(), s.queueKey(), s.milestones(), s.fired(),
                s.intent(), s.tags(), s.messageCount(), s.escalationLanguage(), handler, s.escalationPending(),
                s.sendFailed());
    }
}
