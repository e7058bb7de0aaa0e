package com.deskbridge.testing;

import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.inbox.EscalationLanguage;
import com.deskbridge.domain.lifecycle.TicketLifecycle;
import com.deskbridge.domain.lifecycle.TicketState;
import com.deskbridge.domain.lifecycle.TicketTransition;
import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.ticket.Direction;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SearchText;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.SendFailure;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A behavioural {@link TicketStore} in memory: the domain's {@link TicketLifecycle} applied to tickets held in maps.
 * It passes the same contract suite as the DynamoDB store (in {@code functions/adapters}' tests), so services can be
 * tested against it without DynamoDB Local. Thread-safe by one lock; no TTL, no SLA metrics, no inbox views.
 */
public final class InMemoryTicketStore implements TicketStore {
    private final Map<String, Ticket> tickets = new HashMap<>();

    private static final class Ticket {
        TicketState state = TicketState.NONE;
        InboundMessage first;
        Instant lastMessageAt;
        String lastPreview;
        String assignee;
        SendFailure sendFailure;
        final Map<String, TicketMessage> messages = new LinkedHashMap<>();
        /** For a reply that stopped the clock: the state it found, to restart it if the send fails. */
        final Map<String, TicketState> stoppedClocks = new HashMap<>();
    }

    private static String key(SellerId seller, TicketId id) {
        return seller.value() + "#" + id.value();
    }

    @Override
    public synchronized AppendOutcome append(InboundMessage message, Instant personalDataExpiresAt, Triage triage) {
        Ticket t = tickets.computeIfAbsent(key(message.seller(), message.ticketId()), k -> new Ticket());
        if (t.messages.containsKey(message.messageKey())) {
            return AppendOutcome.DUPLICATE;
        }
        boolean escalation = EscalationLanguage.in(message.subject()) || EscalationLanguage.in(message.body());
        t.state = TicketLifecycle.message(t.state, message.receivedAt(), triage, escalation).after();
        t.first = t.first == null ? message : t.first;
        t.lastMessageAt = message.receivedAt();
        String preview = SearchText.preview(message.body());
        t.lastPreview = preview != null ? preview : SearchText.preview(message.subject());
        t.messages.put(message.messageKey(), new TicketMessage(message.messageKey(), message.externalMessageId(),
                message.sender(), message.subject(), message.body(), false, message.attachments(), message.receivedAt(),
                Direction.IN, null, null, null, false, triage.language(), triage.confidence(), null, null));
        return AppendOutcome.APPENDED;
    }

    @Override
    public synchronized Optional<TicketDetail> find(SellerId seller, TicketId id, Instant now) {
        Ticket t = tickets.get(key(seller, id));
        return t == null ? Optional.empty() : Optional.of(new TicketDetail(summary(t), List.copyOf(t.messages.values())));
    }

    @Override
    public synchronized boolean markNoResponseNeeded(SellerId seller, TicketId id, String agentId, Instant at) {
        return apply(seller, id, state -> TicketLifecycle.noResponseNeeded(state, agentId, at));
    }

    @Override
    public synchronized boolean close(SellerId seller, TicketId id, String agentId, Instant at) {
        return apply(seller, id, state -> TicketLifecycle.close(state, agentId, at));
    }

    private boolean apply(SellerId seller, TicketId id, java.util.function.Function<TicketState, TicketTransition> step) {
        Ticket t = tickets.get(key(seller, id));
        if (t == null) {
            return false;
        }
        t.state = step.apply(t.state).after();
        t.sendFailure = t.state.sendFailed() ? t.sendFailure : null;
        return true;
    }

    @Override
    public synchronized ReplyOutcome recordReply(SellerId seller, TicketId id, OutgoingReply reply, Instant expiresAt) {
        Ticket t = tickets.get(key(seller, id));
        if (t == null) {
            return ReplyOutcome.NO_SUCH_TICKET;
        }
        if (t.messages.containsKey(reply.messageKey())) {
            return ReplyOutcome.DUPLICATE;
        }
        TicketTransition transition = TicketLifecycle.reply(t.state, reply);
        if (transition.stopsClock()) {
            t.stoppedClocks.put(reply.messageKey(), t.state);
            t.sendFailure = null;
        }
        t.state = transition.after();
        t.lastPreview = SearchText.preview(reply.body());
        t.messages.put(reply.messageKey(), new TicketMessage(reply.messageKey(), null, new Sender("seller", null),
                null, reply.body(), false, List.of(), reply.at(), Direction.OUT, reply.agentId(), SendStatus.QUEUED, null,
                reply.automatic(), null, null, reply.origin().source(), reply.origin().macroId()));
        return ReplyOutcome.RECORDED;
    }

    @Override
    public synchronized boolean updateSendStatus(SellerId seller, TicketId id, String messageKey, Set<SendStatus> from,
                                                 SendStatus to, String detail, Instant at) {
        Ticket t = tickets.get(key(seller, id));
        TicketMessage m = t == null ? null : t.messages.get(messageKey);
        if (m == null || m.sendStatus() == null || !from.contains(m.sendStatus())) {
            return false;
        }
        t.messages.put(messageKey, new TicketMessage(m.messageKey(), m.externalMessageId(), m.sender(), m.subject(),
                m.body(), m.bodyTruncated(), m.attachments(), m.receivedAt(), m.direction(), m.agentId(), to,
                detail, m.automatic(), m.language(), m.intentConfidence(), m.source(), m.macroId()));
        if (to == SendStatus.FAILED) {
            reopen(t, messageKey, detail == null ? "the channel refused the reply" : detail, at);
        }
        return true;
    }

    /** The buyer never got the reply: open again, waiting since the message it answered, due now. */
    private static void reopen(Ticket t, String messageKey, String reason, Instant at) {
        TicketState s = t.state;
        TicketState clock = s.waiting() ? s : t.stoppedClocks.getOrDefault(messageKey, s);
        Instant waitingSince = clock.waiting() ? clock.awaitingReplySince() : t.messages.get(messageKey).receivedAt();
        Instant due = s.dueAt() != null && s.dueAt().isBefore(at) ? s.dueAt() : at;
        Map<com.deskbridge.domain.sla.MilestoneKind, Instant> milestones = new HashMap<>(clock.milestones());
        milestones.put(com.deskbridge.domain.sla.MilestoneKind.REPLY_FAILED, at);
        t.state = new TicketState(TicketStatus.OPEN, waitingSince, due, due, milestones, clock.fired(), s.intent(),
                s.tags(), s.messageCount(), s.escalationLanguage(), s.lastHandledBy(), s.escalationPending(), true);
        t.sendFailure = new SendFailure(messageKey, reason.length() > 500 ? reason.substring(0, 500) : reason, at);
    }

    @Override
    public synchronized boolean assign(SellerId seller, TicketId id, String assignee, Instant at) {
        Ticket t = tickets.get(key(seller, id));
        if (t == null) {
            return false;
        }
        t.assignee = assignee;
        return true;
    }

    @Override
    public synchronized boolean retag(SellerId seller, TicketId id, Set<String> add, Set<String> remove, Instant at) {
        Ticket t = tickets.get(key(seller, id));
        if (t == null) {
            return false;
        }
        Set<String> tags = new TreeSet<>(t.state.tags());
        tags.addAll(add);
        tags.removeAll(remove);
        TicketState s = t.state;
        t.state = new TicketState(s.status(), s.awaitingReplySince(), s.dueAt(), s.queueKey(), s.milestones(), s.fired(),
                s.intent(), tags, s.messageCount(), s.escalationLanguage(), s.lastHandledBy(), s.escalationPending(),
                s.sendFailed());
        return true;
    }

    @Override
    public synchronized Page<TicketSummary> list(SellerId seller, TicketFilter filter, int limit, String cursor,
                                                 Instant now) {
        List<Ticket> matching = tickets.values().stream()
                .filter(t -> t.first.seller().equals(seller) && t.state.status() == filter.status())
                .filter(t -> filter.priority() == null || filter.priority() == com.deskbridge.domain.sla.Priority.NORMAL)
                .filter(t -> filter.intent() == null || filter.intent().equals(t.state.intent()))
                .filter(t -> filter.tag() == null || t.state.tags().contains(filter.tag()))
                .filter(t -> filter.channel() == null || filter.channel() == t.first.channel())
                .filter(t -> filter.assignee() == null || filter.assignee().equals(t.assignee))
                .filter(t -> filter.dueBefore() == null || t.state.dueAt() != null && t.state.dueAt().isBefore(filter.dueBefore()))
                .sorted(Comparator.comparing((Ticket t) -> t.state.queueKey()).thenComparing(t -> t.first.ticketId().value()))
                .toList();
        int from = 0;
        if (cursor != null) {
            try {
                from = Integer.parseInt(cursor.substring("mem:".length()));
            } catch (RuntimeException notOurs) {
                throw new InvalidInputException("cursor", "is not a cursor this store returned");
            }
        }
        List<TicketSummary> page = new ArrayList<>();
        for (int i = from; i < matching.size() && page.size() < limit; i++) {
            page.add(summary(matching.get(i)));
        }
        int next = from + page.size();
        return new Page<>(page, next < matching.size() ? "mem:" + next : null);
    }

    private static TicketSummary summary(Ticket t) {
        InboundMessage first = t.first;
        TicketState s = t.state;
        return new TicketSummary(first.ticketId(), first.seller(), first.channel(), first.marketplaceId(), first.orderId(),
                first.sender().address(), first.subject(), s.status(), first.receivedAt(), t.lastMessageAt,
                s.awaitingReplySince(), s.messageCount(), s.intent(), s.tags(), null, t.assignee, s.dueAt(),
                t.lastPreview, t.sendFailure, first.threadKey());
    }
}
