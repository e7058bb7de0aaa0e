package com.deskbridge.api;

import com.deskbridge.adapters.dynamodb.AgentCounters;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.compliance.ComplianceReport;
import com.deskbridge.compliance.OutgoingMessage;
import com.deskbridge.domain.command.TicketCommands;
import com.deskbridge.domain.port.OutboundChannels;
import com.deskbridge.domain.port.ReplyDispatcher;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.ReplyOrigin;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's reply: refused when its channel cannot be sent, held back when another agent is writing a reply right now
 * (unless the agent insists), checked against Amazon's messaging rules (nothing is recorded when any of these refuses),
 * recorded (the clock stops) and handed to the sender. A failed hand-over leaves the reply QUEUED for the re-drive.
 */
final class ReplyService {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyService.class);

    /** What became of the reply. */
    sealed interface Outcome {
    }

    /** Not recorded: the ticket's channel has no outbound adapter or the seller has not configured it, so the reply could never leave. */
    record ChannelNotSendable(Channel channel) implements Outcome {
    }

    /** Not recorded: another agent is writing a reply to this ticket right now (the caller may insist). */
    record Collision(List<String> agents) implements Outcome {
    }

    /** Not recorded: the text breaks the rules the report names. */
    record Blocked(ComplianceReport report) implements Outcome {
    }

    /** Recorded (or recorded before under the same key: {@code duplicate}). */
    record Recorded(TicketCommands.RecordedReply reply) implements Outcome {
    }

    private final ComplianceChecker compliance;
    private final TicketCommands commands;
    private final ReplyDispatcher dispatcher;
    private final OutboundChannels outbound;
    private final CollaborationService collaboration;
    private final AgentCounters counters;
    private final Clock clock;

    /** @param counters the agents' daily counters; null to count nothing */
    ReplyService(ComplianceChecker compliance, TicketCommands commands, ReplyDispatcher dispatcher,
                 OutboundChannels outbound, CollaborationService collaboration, AgentCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = Objects.requireNonNull(clock);
        this.collaboration = Objects.requireNonNull(collaboration);
        this.compliance = Objects.requireNonNull(compliance);
        this.commands = Objects.requireNonNull(commands);
        this.dispatcher = Objects.requireNonNull(dispatcher);
        this.outbound = Objects.requireNonNull(outbound);
    }

    /**
     * @param overrideCollision send even though another agent is replying right now
     * @param origin            how the text was written (recorded on the reply and counted per agent and macro)
     */
    Outcome reply(TicketDetail ticket, String agent, String text, String idempotencyKey, boolean overrideCollision,
                  ReplyOrigin origin) {
        SellerId seller = ticket.ticket().seller();
        TicketId id = ticket.ticket().id();
        if (!outbound.canSend(seller, ticket.ticket().channel())) {
            return new ChannelNotSendable(ticket.ticket().channel());
        }
        if (!overrideCollision) {
            List<String> replying = collaboration.replyingOthers(ticket, agent);
            if (!replying.isEmpty()) {
                return new Collision(replying);
            }
        }
        ComplianceReport report = compliance.check(OutgoingMessage.of(text));
        if (report.blocked()) {
            if (counters != null) {
                counters.count(seller, agent, AgentCounters.BLOCKED, clock.instant());
            }
            return new Blocked(report);
        }
        TicketCommands.RecordedReply recorded = commands.reply(seller, id, agent, text, idempotencyKey, origin, null);
        try {
            dispatcher.dispatch(seller, id, recorded.messageKey());
        } catch (RuntimeException e) {
            // Recorded as QUEUED: the re-drive hands it over later. The agent sees the state on the message.
            LOG.warn("reply {} on ticket {} recorded but not handed to the sender yet: {}", recorded.messageKey(), id,
                    e.getClass().getSimpleName());
        }
        return new Recorded(recorded);
    }
}
