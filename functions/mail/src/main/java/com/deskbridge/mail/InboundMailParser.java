package com.deskbridge.mail;

import com.deskbridge.domain.intake.ReceiveWindow;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Turns a raw e-mail (RFC 5322 / MIME, as SES stores it in S3) into an {@link InboundMessage}.
 *
 * <p>Mail from Amazon's buyer-seller relay ({@code alias@marketplace.amazon.<tld>}) becomes channel
 * {@link Channel#AMAZON} with the marketplace taken from the relay domain, no thread key (the domain threads by
 * alias and order id), and only the buyer's text between the relay's "Message:" / "End message" markers. Any other
 * sender becomes {@link Channel#EMAIL}, threaded by the root of References, else In-Reply-To, else its own id.
 *
 * <p>The parser is stateless and thread-safe.
 *
 * <p>Hostile structure is refused before mime4j reads a byte ({@link MimeScan}, {@link MailLimits}: nesting depth,
 * part count, header fields and sizes, decoded text), and the parse itself runs on a thread with a fixed stack and a
 * deadline ({@link BoundedParse}).
 *
 * <p>Failures:
 * <ul>
 *   <li>{@link MailTooLargeException}: the raw bytes exceed the size limit.</li>
 *   <li>{@link MailRefusedException}: the mail breaks another of {@link MailLimits}.</li>
 *   <li>{@link UnparseableMailException}: empty input, not a MIME message (no header fields, malformed
 *       structure), no From address, or neither body text nor attachments.</li>
 *   <li>{@link InvalidInputException} (domain): the remaining domain limits, namely more than
 *       {@link InboundMessage#MAX_ATTACHMENTS} attachments or a sender address over 320 characters.</li>
 * </ul>
 * All are permanent: the intake dead-letters the mail. Body text over {@link InboundMessage#MAX_BODY_CHARS}
 * is not an error: the message is truncated and flagged.
 */
public final class InboundMailParser {
    private static final Pattern ORDER_ID = Pattern.compile("(?<!\\d)\\d{3}-\\d{7}-\\d{7}(?!\\d)");
    /** mime4j's lenient parser turns any text into a "mailbox"; a usable one has a local part and a domain. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final int MAX_THREAD_KEY = 512;
    private static final int MAX_MESSAGE_ID = 998;
    private static final int MAX_DISPLAY_NAME = 200;

    private final int maxRawBytes;
    private final java.time.Duration deadline;

    /** A parser accepting raw mails up to {@link MailLimits#MAX_RAW_BYTES}. */
    public InboundMailParser() {
        this(MailLimits.MAX_RAW_BYTES);
    }

    /** A parser accepting raw mails up to {@code maxRawBytes}. */
    public InboundMailParser(int maxRawBytes) {
        this(maxRawBytes, MailLimits.PARSE_DEADLINE);
    }

    /** A parser accepting raw mails up to {@code maxRawBytes} that refuses a mail whose parse takes over {@code deadline}. */
    public InboundMailParser(int maxRawBytes, java.time.Duration deadline) {
        if (maxRawBytes <= 0) {
            throw new IllegalArgumentException("maxRawBytes must be positive");
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive");
        }
        this.maxRawBytes = maxRawBytes;
        this.deadline = deadline;
    }

    /**
     * Parses one raw e-mail.
     *
     * @param rawMime            the e-mail exactly as received
     * @param seller             the tenant the mail was addressed to (from the S3 key)
     * @param fallbackReceivedAt when the mail arrived, used when its Date header is missing or unparseable
     * @throws MailTooLargeException     when {@code rawMime} is larger than the limit
     * @throws UnparseableMailException  when the bytes are not a usable e-mail
     * @throws InvalidInputException     when the mail breaks a domain limit listed on this class
     */
    public InboundMessage parse(byte[] rawMime, SellerId seller, Instant fallbackReceivedAt) {
        Objects.requireNonNull(rawMime, "rawMime");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(fallbackReceivedAt, "fallbackReceivedAt");
        if (rawMime.length > maxRawBytes) {
            throw new MailTooLargeException(rawMime.length, maxRawBytes);
        }
        if (rawMime.length == 0) {
            throw new UnparseableMailException("empty input: no e-mail bytes");
        }
        MimeScan.check(rawMime);
        return BoundedParse.run(() -> parseChecked(rawMime, seller, fallbackReceivedAt), deadline);
    }

    /** After the structure passed {@link MimeScan}: on the bounded parse thread. */
    private InboundMessage parseChecked(byte[] rawMime, SellerId seller, Instant fallbackReceivedAt) {
        Message message = readMime(rawMime);
        Sender sender = sender(message);
        boolean amazon = AmazonRelay.isRelayAddress(sender.address());
        if (amazon) {
            sender = new Sender(sender.address(), AmazonRelay.stripNameSuffix(sender.displayName()));
        }
        String externalId = MessageIds.first(message.getMessageId())
                .map(id -> MessageIds.bounded(id, MAX_MESSAGE_ID))
                .orElseGet(() -> MessageIds.hash(rawMime));
        MimeContent content = MimeContent.of(message);
        String body = amazon ? AmazonRelay.buyerText(content.text()).strip() : content.text();
        if (body.isEmpty() && content.attachments().isEmpty()) {
            throw new UnparseableMailException("no body text and no attachments");
        }
        String subject = message.getSubject();
        return new InboundMessage(
                amazon ? Channel.AMAZON : Channel.EMAIL,
                seller,
                amazon ? AmazonRelay.marketplaceId(sender.address()).orElse(null) : null,
                externalId,
                amazon ? null : threadKey(message, externalId),
                orderId(subject).or(() -> orderId(content.text())).orElse(null),
                sender,
                subject,
                body,
                false,
                content.attachments(),
                receivedAt(message, fallbackReceivedAt));
    }

    private static Message readMime(byte[] raw) {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.custom()
                .setMaxLineLen(-1)
                .setMaxHeaderLen(MailLimits.MAX_HEADER_FIELD_BYTES)
                .setMaxHeaderCount(MailLimits.MAX_HEADER_FIELDS)
                .setMaxContentLen(-1)
                .build());
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        builder.setBodyFactory(new RawBytesBodyFactory());
        Message message;
        try {
            message = builder.parseMessage(new ByteArrayInputStream(raw));
        } catch (IOException | IllegalArgumentException e) {
            throw new UnparseableMailException("not a MIME message: " + e.getMessage(), e);
        }
        if (message.getHeader().getFields().isEmpty()) {
            throw new UnparseableMailException("not an e-mail: no header fields");
        }
        return message;
    }

    private static Sender sender(Message message) {
        if (message.getHeader().getField("From") == null) {
            throw new UnparseableMailException("no From header");
        }
        MailboxList from = message.getFrom();
        if (from == null || from.isEmpty() || from.get(0).getAddress().isBlank()) {
            throw new UnparseableMailException("From header has no address");
        }
        Mailbox mailbox = from.get(0);
        if (!ADDRESS.matcher(mailbox.getAddress()).matches()) {
            throw new UnparseableMailException("From header has no valid address");
        }
        String name = mailbox.getName() == null ? null : mailbox.getName().strip();
        if (name != null && name.length() > MAX_DISPLAY_NAME) {
            name = name.substring(0, MAX_DISPLAY_NAME);
        }
        return new Sender(mailbox.getAddress().toLowerCase(Locale.ROOT), name);
    }

    /** The References root, else the first In-Reply-To id, else the message's own id. */
    private static String threadKey(Message message, String externalId) {
        return headerId(message, "References")
                .or(() -> headerId(message, "In-Reply-To"))
                .map(id -> MessageIds.bounded(id, MAX_THREAD_KEY))
                .orElse(MessageIds.bounded(externalId, MAX_THREAD_KEY));
    }

    private static Optional<String> headerId(Message message, String name) {
        Field field = message.getHeader().getField(name);
        return field == null ? Optional.empty() : MessageIds.first(field.getBody());
    }

    private static Optional<String> orderId(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ORDER_ID.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** The Date header, unless missing, unparseable or not a plausible time (the sender's clock is not trusted). */
    private static Instant receivedAt(Message message, Instant fallback) {
        Date date = message.getDate();
        return date == null || !ReceiveWindow.plausible(date.toInstant()) ? fallback : date.toInstant();
    }
}
