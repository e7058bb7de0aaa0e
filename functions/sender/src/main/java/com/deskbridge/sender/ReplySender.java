package com.deskbridge.sender;

import com.deskbridge.audit.AuditCopy;
import com.deskbridge.audit.PersonalData;
import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.ticket.ReplySource;
import com.deskbridge.domain.ticket.BuyerText;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.Direction;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.outbound.OutboundChannel;
import com.deskbridge.outbound.OutboundReply;
import com.deskbridge.outbound.SendResult;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one recorded reply to its channel and records what happened on the message, so the agent always sees the
 * state: SENT, RETRYING with the reason (the queue delivers it again), or FAILED with the reason (an agent must act:
 * the ticket is open again, due now, with the failure on it; see {@link TicketStore#updateSendStatus}).
 * A reply is claimed with a conditional write (QUEUED or RETRYING to SENDING) before anything is sent, so a duplicate
 * queue delivery never sends it twice. A sent reply leaves a redacted audit copy for the compliance audit
 * ({@link PersonalData}); the copy is keyed by the reply, so a redelivery keeps one.
 */
public final class ReplySender {
    private static final Logger LOG = LoggerFactory.getLogger(ReplySender.class);

    /** What the handler does with the queue message. */
    public enum Outcome {
        /** Done (sent, failed for good, or nothing to do): delete the queue message. */
        DONE,
        /** Try again later: leave the queue message for redelivery. */
        RETRY
    }

    private final TicketStore store;
    private final Function<Channel, Optional<OutboundChannel>> channels;
    private final BiFunction<SellerId, Channel, Optional<String>> fromAddress;
    private final Function<Channel, Optional<ChannelReplies>> direct;
    private final int maxAttempts;
    private final Clock clock;
    private final Consumer<AuditCopy> auditCopies;

    /** Without audit copies (tests about sending). */
    public ReplySender(TicketStore store, Function<Channel, Optional<OutboundChannel>> channels,
                       Function<SellerId, String> fromAddress, int maxAttempts, Clock clock) {
        this(store, channels, fromAddress, maxAttempts, clock, null);
    }

    /**
     * @param channels    the outbound adapter of each channel (empty: the channel has none yet, the reply fails visibly)
     * @param fromAddress the seller's approved sender address (Amazon accepts relay mail only from it)
     * @param maxAttempts deliveries after which a retryable failure becomes FAILED (the queue's maxReceiveCount)
     * @param auditCopies keeps the redacted copy of each sent reply (idempotent per reply); null to keep none
     */
    public ReplySender(TicketStore store, Function<Channel, Optional<OutboundChannel>> channels,
                       Function<SellerId, String> fromAddress, int maxAttempts, Clock clock,
                       Consumer<AuditCopy> auditCopies) {
        this(store, channels, (seller, channel) -> Optional.of(fromAddress.apply(seller)), channel -> Optional.empty(),
                maxAttempts, clock, auditCopies);
    }

    /** Without audit copies (tests about sending). */
    public ReplySender(TicketStore store, Function<Channel, Optional<OutboundChannel>> mail,
                       BiFunction<SellerId, Channel, Optional<String>> fromAddress,
                       Function<Channel, Optional<ChannelReplies>> direct, int maxAttempts, Clock clock) {
        this(store, mail, fromAddress, direct, maxAttempts, clock, null);
    }

    /**
     * @param mail        the mail adapter of each mail channel (Amazon's relay, a shop's e-mail)
     * @param fromAddress the address a seller's mail on a channel leaves from (Amazon: the approved sender address;
     *                    Shopify and e-mail: the shop's support address); empty: not configured, the reply fails visibly
     * @param direct      channels that carry replies through their own messaging (eBay), asked before {@code mail}
     * @param auditCopies keeps the redacted copy of each sent reply (idempotent per reply); null to keep none
     */
    public ReplySender(TicketStore store, Function<Channel, Optional<OutboundChannel>> mail,
                       BiFunction<SellerId, Channel, Optional<String>> fromAddress,
                       Function<Channel, Optional<ChannelReplies>> direct, int maxAttempts, Clock clock,
                       Consumer<AuditCopy> auditCopies) {
        this.auditCopies = auditCopies;
        this.store = Objects.requireNonNull(store);
        this.channels = Objects.requireNonNull(mail);
        this.fromAddress = Objects.requireNonNull(fromAddress);
        this.direct = Objects.requireNonNull(direct);
        this.maxAttempts = maxAttempts;
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param attempt which delivery of the queue message this is (1 for the first)
     * @throws NoSuchReplyException when the ticket or reply does not exist (expired or a bad message): poison
     */
    public Outcome send(SellerId seller, TicketId ticketId, String messageKey, int attempt) {
        TicketDetail ticket = store.find(seller, ticketId, clock.instant())
                .orElseThrow(() -> new NoSuchReplyException("no ticket " + ticketId + " for seller " + seller));
        TicketMessage reply = ticket.messages().stream()
                .filter(m -> m.direction() == Direction.OUT && m.messageKey().equals(messageKey))
                .findFirst()
                .orElseThrow(() -> new NoSuchReplyException("ticket " + ticketId + " has no reply " + messageKey));
        if (reply.sendStatus() != SendStatus.QUEUED && reply.sendStatus() != SendStatus.RETRYING) {
            return Outcome.DONE; // sent, failed for good, or another delivery is sending it right now
        }
        if (!store.updateSendStatus(seller, ticketId, messageKey, EnumSet.of(SendStatus.QUEUED, SendStatus.RETRYING),
                SendStatus.SENDING, null, clock.instant())) {
            return Outcome.DONE; // another delivery claimed it first
        }
        SendResult result = deliver(ticket, reply);
        if (result instanceof SendResult.Sent) {
            keepAuditCopy(ticket, reply);
            mark(seller, ticketId, messageKey, SendStatus.SENT, null);
            return Outcome.DONE;
        }
        if (result instanceof SendResult.RetryableFailure retry && attempt < maxAttempts) {
            mark(seller, ticketId, messageKey, SendStatus.RETRYING,
                    "attempt " + attempt + " of " + maxAttempts + " failed, retrying: " + retry.reason());
            return Outcome.RETRY;
        }
        String reason = result instanceof SendResult.RetryableFailure retry
                ? "gave up after " + attempt + " attempts: " + retry.reason()
                : ((SendResult.PermanentFailure) result).reason();
        mark(seller, ticketId, messageKey, SendStatus.FAILED, reason);
        return Outcome.DONE;
    }

    /**
     * SnapStart priming of a send after the reply is found, for {@code ticket}, which exists only in memory: the reply's
     * selection and state check, the claim (QUEUED or RETRYING to SENDING), the thread's subject and the buyer message it
     * answers, the redacted audit copy and the final SENT, each write offered to the store. Nothing is delivered. Run it
     * only on a store and audit copies whose writes are refused (the handler's clients while priming runs): then none
     * of them is kept.
     */
    void primeWrites(TicketDetail ticket, String messageKey) {
        SellerId seller = ticket.ticket().seller();
        TicketId ticketId = ticket.ticket().id();
        TicketMessage reply = ticket.messages().stream()
                .filter(m -> m.direction() == Direction.OUT && m.messageKey().equals(messageKey))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no reply " + messageKey + " to prime"));
        if (reply.sendStatus() != SendStatus.QUEUED && reply.sendStatus() != SendStatus.RETRYING) {
            throw new IllegalArgumentException("the priming reply must be waiting to be sent");
        }
        store.updateSendStatus(seller, ticketId, messageKey, EnumSet.of(SendStatus.QUEUED, SendStatus.RETRYING),
                SendStatus.SENDING, null, clock.instant());
        threadSubject(ticket);
        ticket.messages().stream().filter(m -> m.direction() == Direction.IN)
                .max(Comparator.comparing(TicketMessage::receivedAt)).map(TicketMessage::externalMessageId);
        keepAuditCopy(ticket, reply);
        mark(seller, ticketId, messageKey, SendStatus.SENT, null);
    }

    /**
     * The reply's audit copy: the buyer's name, relay address and order id (and what looks like personal data) replaced
     * by placeholders. A copy that cannot be kept is logged, never a reason to send again.
     */
    private void keepAuditCopy(TicketDetail ticket, TicketMessage reply) {
        if (auditCopies == null) {
            return;
        }
        try {
            PersonalData personal = PersonalData.builder().buyerName(ticket.buyerDisplayName().orElse(null))
                    .buyerAddress(ticket.ticket().buyer()).orderId(ticket.ticket().orderId()).build();
            ReplySource source = reply.source() != null ? reply.source()
                    : reply.automatic() ? ReplySource.AUTOMATIC : ReplySource.HAND;
            auditCopies.accept(new AuditCopy(ticket.ticket().seller(), ticket.ticket().id().value(), reply.messageKey(),
                    reply.agentId(), source, reply.macroId(), ticket.ticket().channel().wireName(),
                    ticket.latestBuyerMessage().map(TicketMessage::language).orElse(null), clock.instant(),
                    personal.redact(reply.body())));
        } catch (RuntimeException e) {
            LOG.warn("reply {} sent but its audit copy was not kept: {}", reply.messageKey(), e.getClass().getSimpleName());
        }
    }

    private SendResult deliver(TicketDetail ticket, TicketMessage reply) {
        Channel channel = ticket.ticket().channel();
        Optional<ChannelReplies> own = direct.apply(channel);
        if (own.isPresent()) {
            return own.get().send(ticket, reply);
        }
        Optional<OutboundChannel> adapter = channels.apply(channel);
        if (adapter.isEmpty()) {
            return new SendResult.PermanentFailure("no outbound adapter for channel " + channel.wireName()
                    + " yet: send this reply in the channel's own tool");
        }
        // Threading: answer the buyer's latest message (Amazon matches the relay thread by alias and subject).
        String inReplyTo = ticket.messages().stream().filter(m -> m.direction() == Direction.IN)
                .max(Comparator.comparing(TicketMessage::receivedAt))
                .map(TicketMessage::externalMessageId).filter(id -> id.contains("@")).orElse(null);
        Optional<String> from = fromAddress.apply(ticket.ticket().seller(), channel);
        if (from.isEmpty()) {
            return new SendResult.PermanentFailure("no address to send " + channel.wireName() + " replies from: the seller "
                    + "has not configured the shop's support address");
        }
        OutboundReply outbound;
        try {
            outbound = (channel == Channel.AMAZON ? AMAZON_RELAY : SHOP_MAIL).address(from.get(), ticket.ticket().buyer(),
                    threadSubject(ticket), reply.body(), inReplyTo, reply.messageKey());
        } catch (IllegalArgumentException e) {
            return new SendResult.PermanentFailure("cannot address the reply: " + e.getMessage());
        }
        return adapter.get().send(outbound);
    }

    /** How a mail reply is addressed: Amazon's to the buyer's relay alias only, a shop's to the buyer's own address. */
    @FunctionalInterface
    private interface Addressing {
        OutboundReply address(String from, String to, String subject, String body, String inReplyTo, String key);
    }

    private static final Addressing AMAZON_RELAY = OutboundReply::inThread;
    private static final Addressing SHOP_MAIL = OutboundReply::mailInThread;

    /**
     * The thread's subject as one bounded line whatever was stored (tickets stored before intake normalised
     * subjects may hold line breaks or 998 characters): "Re: " and it always fit the outbound channel.
     */
    static String threadSubject(TicketDetail ticket) {
        String subject = BuyerText.line(ticket.ticket().subject(), InboundMessage.MAX_SUBJECT_CHARS);
        return subject == null ? "Your message" : subject;
    }

    private void mark(SellerId seller, TicketId ticket, String key, SendStatus to, String detail) {
        store.updateSendStatus(seller, ticket, key, EnumSet.of(SendStatus.SENDING), to, detail, clock.instant());
    }

    /** The queue message names a reply that does not exist: retrying cannot help. */
    public static final class NoSuchReplyException extends com.deskbridge.adapters.sqs.PoisonMessageException {
        private static final long serialVersionUID = 1L;

        NoSuchReplyException(String message) {
            super(message);
        }
    }
}
