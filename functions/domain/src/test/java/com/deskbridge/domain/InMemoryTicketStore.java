package com.deskbridge.domain;

import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Records what the domain asks of its store; the DynamoDB store has its own tests against DynamoDB Local. */
final class InMemoryTicketStore implements TicketStore {
    final Map<String, Instant> expiries = new LinkedHashMap<>();
    final List<Object[]> listCalls = new ArrayList<>();
    final List<OutgoingReply> replies = new ArrayList<>();

    @Override
    public AppendOutcome append(InboundMessage message, Instant personalDataExpiresAt,
                                com.deskbridge.domain.intake.Triage triage) {
        return expiries.putIfAbsent(message.messageKey(), personalDataExpiresAt) == null
                ? AppendOutcome.APPENDED : AppendOutcome.DUPLICATE;
    }

    @Override
    public boolean markNoResponseNeeded(SellerId seller, TicketId id, String agentId, Instant at) {
        return false;
    }

    @Override
    public Optional<TicketDetail> find(SellerId seller, TicketId id, Instant now) {
        return Optional.empty();
    }

    @Override
    public Page<TicketSummary> list(SellerId seller, TicketFilter filter, int limit, String cursor, Instant now) {
        listCalls.add(new Object[] {seller, filter, limit, cursor});
        return new Page<>(List.of(), null);
    }

    @Override
    public ReplyOutcome recordReply(SellerId seller, TicketId id, OutgoingReply reply, Instant expiresAt) {
        replies.add(reply);
        return ReplyOutcome.RECORDED;
    }

    @Override
    public boolean updateSendStatus(SellerId seller, TicketId id, String messageKey, Set<SendStatus> from,
                                    SendStatus to, String detail, Instant at) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public boolean assign(SellerId seller, TicketId id, String assignee, Instant at) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public boolean retag(SellerId seller, TicketId id, Set<String> add, Set<String> remove, Instant at) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public boolean close(SellerId seller, TicketId id, String agentId, Instant at) {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
