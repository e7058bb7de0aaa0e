package com.deskbridge.domain.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A buyer message, normalised from whichever channel it came through. Constructing one validates it: the domain
 * never sees a message without the fields threading and de-duplication depend on.
 *
 * @param threadKey   the channel's own conversation id (eBay/Shopify thread, e-mail References root); optional
 * @param orderId     the marketplace order the message is about; optional
 * <p>All text is normalised on construction ({@link BuyerText}: no control, bidi or invisible characters).
 *
 * @param subject     normalised to one line of at most {@link #MAX_SUBJECT_CHARS} characters ({@link BuyerText})
 * @param body        plain text; longer bodies are cut at {@link #MAX_BODY_CHARS} and flagged
 * @param receivedAt  when the message arrived: the SLA clock starts here (see domain.intake.ReceiveWindow)
 * @param claimedReceivedAt the receive time the channel or the mail claimed, when it was not believed and
 *                    {@code receivedAt} was clamped; null otherwise
 */
public record InboundMessage(
        Channel channel,
        SellerId seller,
        String marketplaceId,
        String externalMessageId,
        String threadKey,
        String orderId,
        Sender sender,
        String subject,
        String body,
        boolean bodyTruncated,
        List<Attachment> attachments,
        Instant receivedAt,
        Instant claimedReceivedAt) {

    /** Keeps a message item well inside DynamoDB's 400 KB item limit, even with multi-byte text. */
    public static final int MAX_BODY_CHARS = 100_000;
    public static final int MAX_ATTACHMENTS = 50;
    /**
     * Longest subject kept: a reply's subject ("Re: " and this) must fit one header line (RFC 5322 section 2.1.1: 78
     * characters recommended, 998 at most) and every outbound channel's limit; longer subjects are cut.
     */
    public static final int MAX_SUBJECT_CHARS = 250;

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(sender, "sender");
        if (receivedAt == null) {
            throw new InvalidInputException("receivedAt", "is required");
        }
        externalMessageId = BuyerText.line(externalMessageId); // ids are shown too: no hidden characters in them
        Require.nonBlank(externalMessageId, "externalMessageId");
        Require.maxLength(externalMessageId, 998, "externalMessageId");
        marketplaceId = Require.optional(BuyerText.line(marketplaceId));
        Require.maxLength(marketplaceId, 32, "marketplaceId");
        threadKey = Require.optional(BuyerText.line(threadKey));
        Require.maxLength(threadKey, 512, "threadKey");
        orderId = Require.optional(BuyerText.line(orderId));
        Require.maxLength(orderId, 64, "orderId");
        subject = BuyerText.line(subject, MAX_SUBJECT_CHARS); // one line: no CR/LF reaches a reply's header
        body = body == null ? "" : BuyerText.text(body);
        if (body.isBlank() && (attachments == null || attachments.isEmpty())) {
            throw new InvalidInputException("body", "is required when the message has no attachments");
        }
        if (body.length() > MAX_BODY_CHARS) {
            body = body.substring(0, MAX_BODY_CHARS);
            bodyTruncated = true;
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new InvalidInputException("attachments", "must list at most " + MAX_ATTACHMENTS + " files");
        }
    }

    /** A message as a channel hands it over: its claimed receive time not (yet) in question. */
    public InboundMessage(Channel channel, SellerId seller, String marketplaceId, String externalMessageId,
                          String threadKey, String orderId, Sender sender, String subject, String body,
                          boolean bodyTruncated, List<Attachment> attachments, Instant receivedAt) {
        this(channel, seller, marketplaceId, externalMessageId, threadKey, orderId, sender, subject, body, bodyTruncated,
                attachments, receivedAt, null);
    }

    /** This message received at {@code at} instead, its own claim kept in {@link #claimedReceivedAt()}. */
    public InboundMessage receivedAtClamped(Instant at) {
        return new InboundMessage(channel, seller, marketplaceId, externalMessageId, threadKey, orderId, sender, subject,
                body, bodyTruncated, attachments, at, claimedReceivedAt != null ? claimedReceivedAt : receivedAt);
    }

    /**
     * The key that decides which ticket a message belongs to: the channel's thread key where it has one,
     * otherwise the buyer (relay alias or address) together with the order.
     */
    public String conversationKey() {
        if (threadKey != null) {
            return "thread:" + threadKey;
        }
        return "buyer:" + sender.address().toLowerCase(Locale.ROOT) + "|order:" + (orderId == null ? "-" : orderId);
    }

    public TicketId ticketId() {
        return TicketId.forConversation(seller, channel, conversationKey());
    }

    /** Stable id of this message inside its ticket, the same for every redelivery of it. */
    public String messageKey() {
        return "m" + TicketId.base32(TicketId.sha256(channel.wireName() + '\u0000' + externalMessageId), 24);
    }
}
