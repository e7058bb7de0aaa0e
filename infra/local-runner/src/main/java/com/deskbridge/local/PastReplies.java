package com.deskbridge.local;

import com.deskbridge.adapters.dynamodb.DynamoDbAuditStore;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.domain.command.TicketCommands;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.ReplyOrigin;
import com.deskbridge.domain.ticket.ReplySource;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.outbound.OutboundChannel;
import com.deskbridge.outbound.SmtpOutboundChannel;
import com.deskbridge.outbound.SmtpSettings;
import com.deskbridge.sender.ReplySender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Replies a seller sent in the past, for trying the compliance audit on the local system (a quarter that has ended
 * has no replies on a system started today). Each reply goes the way a real one goes: the buyer's message stored as
 * intake stores it ({@link TicketStore#append}), the reply recorded by the domain's {@link TicketCommands} as the API
 * records it (agent, source, macro), then handed to the real {@link ReplySender}, which sends it over SMTP to the
 * local mail server and keeps its redacted audit copy in DynamoDB. Only the sender runs on the clock of the reply's
 * day, so the copy the audit samples was sent then; the ticket carrying it is today's (a reply recorded months ago and
 * still unsent would be taken over by the running system's re-drive schedule, and the buyer's message and the
 * response time stay out of the seller's past SLA figures). Nothing here is in a deployed function: the local system
 * only (README "Run the system locally").
 *
 * <p>What the API records beside a reply (suggestion and per-agent counters) is not written: the audit reads only the
 * audit copies. Thread-safe: a caller may send several replies at once.
 */
public final class PastReplies {
    /** The Amazon.de marketplace the buyers write from. */
    private static final String MARKETPLACE = "A1PA6795UKMFR9";
    /** The buyer wrote this long before the reply was recorded. */
    private static final Duration ANSWERED_AFTER = Duration.ofMinutes(30);

    private final TicketStore tickets;
    private final DynamoDbAuditStore audit;
    private final OutboundChannel mail;
    private final String fromAddress;
    private final Duration retention;

    PastReplies(TicketStore tickets, DynamoDbAuditStore audit, OutboundChannel mail, String fromAddress, Duration retention) {
        this.tickets = Objects.requireNonNull(tickets);
        this.audit = Objects.requireNonNull(audit);
        this.mail = Objects.requireNonNull(mail);
        this.fromAddress = Objects.requireNonNull(fromAddress);
        this.retention = Objects.requireNonNull(retention);
    }

    /** On the running system: its tickets table, its SMTP server, the template's sender address and retention. */
    public static PastReplies of(LocalRunner runner) {
        var stack = runner.stack();
        String table = stack.tableName("TicketsTable");
        var parameters = stack.model().parameters();
        SmtpSettings smtp = new SmtpSettings("127.0.0.1", runner.mail().smtpPort(), SmtpSettings.Security.NONE, null,
                Duration.ofSeconds(10), null);
        return new PastReplies(new DynamoDbTicketStore(stack.dynamoDbClient(), table),
                new DynamoDbAuditStore(stack.dynamoDbClient(), table),
                new SmtpOutboundChannel(smtp, null, Clock.systemUTC()), parameters.get("ReplyFromAddress").value(),
                Duration.ofDays(Long.parseLong(parameters.get("PersonalDataRetentionDays").value())));
    }

    /**
     * One reply sent in the past, on a ticket of its own.
     *
     * @param agentId      null for an automatic reply
     * @param macroId      the macro the text came from (macro and suggestion sources), else null
     * @param buyerAlias   the buyer's relay alias (local part), unique per reply
     * @param language     the buyer's language as intake detects it (ISO 639-1)
     * @param text         the reply as the buyer got it (with the buyer's name and order id, as replies have them)
     */
    public record Reply(String agentId, ReplySource source, String macroId, String buyerAlias, String buyerName,
                        String orderId, String language, String buyerMessage, String text, Instant sentAt) {
        public Reply {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(buyerAlias, "buyerAlias");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(sentAt, "sentAt");
        }
    }

    /** What was sent: the ticket and the reply's message key. */
    public record Sent(String ticketId, String messageKey) {
    }

    /** Sends {@code reply} for {@code seller} as of its {@code sentAt}; the same reply again changes nothing. */
    public Sent send(String seller, Reply reply) {
        SellerId sellerId = new SellerId(seller);
        Instant now = Instant.now();
        Instant received = now.minus(ANSWERED_AFTER);
        InboundMessage message = new InboundMessage(Channel.AMAZON, sellerId, MARKETPLACE, "past-" + reply.buyerAlias(),
                null, reply.orderId(), new Sender(reply.buyerAlias() + "@marketplace.amazon.de", reply.buyerName()),
                "Question about order " + reply.orderId(), reply.buyerMessage(), false, List.of(), received);
        tickets.append(message, received.plus(retention),
                new Triage(null, List.of(), java.util.Map.of(), reply.language(), null, false));
        TicketId ticket = message.ticketId();
        TicketCommands commands = new TicketCommands(tickets, Clock.fixed(now, ZoneOffset.UTC), retention);
        String key = "past-" + reply.buyerAlias();
        String messageKey = reply.source() == ReplySource.AUTOMATIC
                ? commands.automaticReply(sellerId, ticket, reply.text(), key).messageKey()
                : commands.reply(sellerId, ticket, reply.agentId(), reply.text(), key, origin(reply), null).messageKey();
        ReplySender sender = new ReplySender(tickets, channel -> Optional.of(mail), s -> fromAddress, 1,
                Clock.fixed(reply.sentAt(), ZoneOffset.UTC), audit::record);
        sender.send(sellerId, ticket, messageKey, 1);
        SendStatus status = tickets.find(sellerId, ticket, now).flatMap(t -> t.messages().stream()
                .filter(m -> m.messageKey().equals(messageKey)).findFirst()).map(m -> m.sendStatus()).orElse(null);
        if (status != SendStatus.SENT) {
            throw new IllegalStateException("the past reply " + messageKey + " was not sent: " + status);
        }
        return new Sent(ticket.value(), messageKey);
    }

    private static ReplyOrigin origin(Reply reply) {
        return switch (reply.source()) {
            case HAND -> ReplyOrigin.HAND;
            case MACRO -> ReplyOrigin.macro(reply.macroId());
            case SUGGESTION, SUGGESTION_EDITED -> new ReplyOrigin(reply.source(), reply.macroId(), "sg-past-" + reply.buyerAlias());
            case AUTOMATIC -> ReplyOrigin.AUTOMATIC;
        };
    }
}
