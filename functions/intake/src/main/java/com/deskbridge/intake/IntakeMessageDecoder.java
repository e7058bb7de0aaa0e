package com.deskbridge.intake;

import com.deskbridge.adapters.sqs.PoisonMessageException;
import com.deskbridge.domain.intake.ReceiveWindow;
import com.deskbridge.domain.seller.SellerRegistration;
import com.deskbridge.domain.seller.SellerRegistry;
import com.deskbridge.domain.ticket.Attachment;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.adapters.json.StrictJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes one intake-queue message body into normalised buyer messages. Three shapes arrive on the queue:
 * <ul>
 *   <li>the channel envelope ({@code "type": "channel-message"}), written by channel integrations (eBay, Shopify,
 *       e-mail connectors); documented in README.md, section "Intake envelope";</li>
 *   <li>the raw-MIME envelope ({@code "type": "raw-mime"}), an e-mail carried inline (local runs, re-ingestion);</li>
 *   <li>an S3 event notification for a relay e-mail that SES stored under {@code relay/<sellerId>/...} in the
 *       raw-mail bucket ({@link #pinnedTo}; any other bucket is poison): the seller comes from the object key, which
 *       our own SES receipt rule writes, never from the mail's headers;</li>
 *   <li>SES's "Received" notification (template.yaml InboundMailRule: S3 action with an SNS topic, delivered raw to
 *       the intake queue) for a mail stored under {@code inbound/}: the seller comes from the recipient
 *       {@code <alias>@<MAIL_DOMAIN>} through the seller registry ({@link #receivingMailFor}), never from the mail's
 *       headers; mail SES judged spam, infected or failing SPF, DKIM or DMARC is refused before it is read
 *       ({@link SesReceipt}), and so is Amazon-channel mail that does not prove to come from Amazon's relay.</li>
 * </ul>
 * Anything else is a {@link PoisonMessageException} naming what is wrong.
 */
public final class IntakeMessageDecoder {
    /** SES writes objects under relay/{sellerId}/; see template.yaml (RawMailBucket). */
    static final Pattern RELAY_KEY = Pattern.compile("relay/([A-Za-z0-9][A-Za-z0-9._-]{0,63})/.+");

    private final ObjectMapper json;
    private final RawMail rawMail;
    private final String rawMailBucket;
    private final SellerRegistry registry;
    private final String mailDomain;

    /** A decoder that trusts no S3 notification: see {@link #pinnedTo}. */
    public IntakeMessageDecoder(ObjectMapper json, RawMail rawMail) {
        this(json, rawMail, null);
    }

    /** A decoder that trusts no S3 notification and resolves SES's recipients in {@code registry}. */
    public IntakeMessageDecoder(ObjectMapper json, RawMail rawMail, SellerRegistry registry) {
        this(StrictJson.strict(json), rawMail, null, registry, null);
    }

    private IntakeMessageDecoder(ObjectMapper strictJson, RawMail rawMail, String rawMailBucket, SellerRegistry registry,
                                 String mailDomain) {
        this.json = strictJson; // no duplicate keys, nothing after the envelope
        this.rawMail = Objects.requireNonNull(rawMail);
        this.rawMailBucket = rawMailBucket;
        this.registry = registry;
        this.mailDomain = mailDomain;
    }

    /**
     * This decoder, accepting SES notifications for mail to {@code <alias>@domain} (template.yaml MailDomain, passed as
     * MAIL_DOMAIN): the alias names the seller through the registry.
     */
    public IntakeMessageDecoder receivingMailFor(String domain) {
        if (registry == null) {
            throw new IllegalStateException("no seller registry to resolve recipients with");
        }
        return new IntakeMessageDecoder(json, rawMail, rawMailBucket, registry, domain.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * This decoder, reading relay mail only from {@code bucket} (the raw-mail bucket template.yaml creates and passes
     * as RAW_MAIL_BUCKET): a notification naming any other bucket is poison and nothing is read from it.
     */
    public IntakeMessageDecoder pinnedTo(String bucket) {
        return new IntakeMessageDecoder(json, rawMail, Objects.requireNonNull(bucket, "bucket"), registry, mailDomain);
    }

    /**
     * @param queueTimestamp when the queue received the message: the receive time of last resort, and what a message's
     *                       own receive time is checked against ({@link ReceiveWindow})
     * @return the buyer messages in the body; empty for notifications that carry none (S3 test events)
     */
    public List<InboundMessage> decode(String body, Instant queueTimestamp) {
        JsonNode root = parse(body);
        try {
            ReceiveWindow window = new ReceiveWindow(queueTimestamp);
            return messages(root, queueTimestamp).stream().map(window::apply).toList();
        } catch (InvalidInputException e) {
            throw new PoisonMessageException("invalid message: " + e.getMessage(), e);
        }
    }

    private List<InboundMessage> messages(JsonNode root, Instant queueTimestamp) {
        if (root.has("Records")) {
            return fromS3Event(root.get("Records"), queueTimestamp);
        }
        if (root.has("notificationType")) {
            return fromSes(root, queueTimestamp);
        }
        if ("s3:TestEvent".equals(root.path("Event").asText(null))) {
            return List.of();
        }
        int version = root.path("version").asInt(-1);
        if (version != 1) {
            throw new PoisonMessageException("envelope version must be 1 (was " + root.path("version") + ")");
        }
        String type = root.path("type").asText("");
        return switch (type) {
            case "channel-message" -> List.of(channelMessage(root));
            case "raw-mime" -> List.of(rawMime(root, queueTimestamp));
            default -> throw new PoisonMessageException(
                    "envelope type must be channel-message or raw-mime (was '" + type + "')");
        };
    }

    /**
     * The seller a body is for, as cheaply as it can be told (the envelope's sellerId, the relay key of an S3
     * notification), or null when it cannot: for counting a seller's share, never for filing anything.
     */
    public String tenantOf(String body) {
        try {
            JsonNode root = StrictJson.object(json, body == null ? "" : body);
            if (root.has("Records")) {
                String key = root.path("Records").path(0).path("s3").path("object").path("key").asText("");
                Matcher relay = RELAY_KEY.matcher(URLDecoder.decode(key, StandardCharsets.UTF_8));
                return relay.matches() ? relay.group(1) : null;
            }
            JsonNode seller = root.get("sellerId");
            return seller != null && seller.isTextual() ? new SellerId(seller.asText()).value() : null;
        } catch (RuntimeException unknown) {
            return null; // decode() says what is wrong with it
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new PoisonMessageException("message body is empty");
        }
        try {
            return StrictJson.object(json, body);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("message body " + e.getMessage());
        }
    }

    private InboundMessage channelMessage(JsonNode m) {
        // Checked in the envelope's documented order, so the first problem named is the first in the document.
        Channel channel = Channel.parse(text(m, "channel"), "channel");
        SellerId seller = new SellerId(text(m, "sellerId"));
        JsonNode sender = m.path("sender");
        if (!sender.isObject()) {
            throw new InvalidInputException("sender", "is required (an object with address and displayName)");
        }
        return new InboundMessage(
                channel,
                seller,
                text(m, "marketplaceId"),
                text(m, "externalMessageId"),
                text(m, "threadKey"),
                text(m, "orderId"),
                new Sender(text(sender, "address"), text(sender, "displayName")),
                text(m, "subject"),
                text(m, "body"),
                false,
                attachments(m.path("attachments")),
                instant(m, "receivedAt", null));
    }

    private InboundMessage rawMime(JsonNode m, Instant queueTimestamp) {
        SellerId seller = new SellerId(text(m, "sellerId"));
        String encoded = text(m, "mimeBase64");
        if (encoded == null) {
            throw new InvalidInputException("mimeBase64", "is required");
        }
        byte[] mime;
        try {
            mime = Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("mimeBase64", "is not base64: " + e.getMessage());
        }
        if (mime.length == 0) {
            // The MIME decoder skips characters outside the alphabet, so garbage decodes to nothing.
            throw new InvalidInputException("mimeBase64", "holds no bytes (empty, or not base64)");
        }
        return rawMail.parse(mime, seller, instant(m, "receivedAt", queueTimestamp));
    }

    private List<InboundMessage> fromS3Event(JsonNode records, Instant queueTimestamp) {
        if (!records.isArray()) {
            throw new PoisonMessageException("Records is not an array");
        }
        List<InboundMessage> messages = new ArrayList<>();
        for (JsonNode record : records) {
            if (!"aws:s3".equals(record.path("eventSource").asText())) {
                throw new PoisonMessageException("unsupported event source '" + record.path("eventSource").asText() + "'");
            }
            if (!record.path("eventName").asText().startsWith("ObjectCreated:")) {
                continue; // deletions (lifecycle expiry) carry no message
            }
            String bucket = record.path("s3").path("bucket").path("name").asText(null);
            String rawKey = record.path("s3").path("object").path("key").asText(null);
            if (bucket == null || rawKey == null) {
                throw new PoisonMessageException("S3 record without bucket name or object key");
            }
            if (rawMailBucket == null) {
                throw new PoisonMessageException("S3 notification, but no raw-mail bucket is configured (RAW_MAIL_BUCKET)");
            }
            if (!rawMailBucket.equals(bucket)) {
                throw new PoisonMessageException("S3 notification for bucket '" + (bucket.length() > 63 ? bucket.substring(0, 63)
                        + "…" : bucket) + "', not the raw-mail bucket");
            }
            // S3 notifications URL-encode object keys (spaces as '+').
            String key = URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
            Matcher relay = RELAY_KEY.matcher(key);
            if (!relay.matches()) {
                throw new PoisonMessageException("object key '" + key + "' is not under relay/<sellerId>/");
            }
            Instant eventTime = instant(record, "eventTime", queueTimestamp);
            messages.add(rawMail.parse(rawMail.fetch(bucket, key), new SellerId(relay.group(1)), eventTime));
        }
        return messages;
    }

    /**
     * SES's "Received" notification for a mail its S3 action stored
     * (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html): one message for each
     * seller a recipient names; refused whole when SES's verdicts or the Amazon sender check fail.
     */
    private List<InboundMessage> fromSes(JsonNode root, Instant queueTimestamp) {
        SesReceipt receipt = SesReceipt.of(root);
        if (mailDomain == null) {
            throw new PoisonMessageException("SES notification, but no mail domain is configured (MAIL_DOMAIN)");
        }
        if (rawMailBucket == null || !rawMailBucket.equals(receipt.bucket())) {
            throw new PoisonMessageException("SES notification for bucket '" + SesReceipt.shortened(receipt.bucket())
                    + "', not the raw-mail bucket");
        }
        List<SellerId> sellers = new ArrayList<>();
        for (String recipient : receipt.recipients()) {
            sellerFor(recipient).filter(s -> !sellers.contains(s)).ifPresent(sellers::add);
        }
        if (sellers.isEmpty()) {
            throw new PoisonMessageException("no registered seller's mail alias among the recipients "
                    + receipt.recipients().stream().map(SesReceipt::shortened).toList());
        }
        receipt.refusal().ifPresent(refusal -> {
            throw new RelayMailRefused(sellers.get(0), refusal.limit(), "e-mail refused: " + refusal.reason(), null);
        });
        byte[] mime = rawMail.fetch(receipt.bucket(), receipt.objectKey());
        List<InboundMessage> messages = new ArrayList<>();
        for (SellerId seller : sellers) {
            messages.add(rawMail.parse(mime, seller, receipt.timestamp(queueTimestamp)));
        }
        rawMail.amazonSenderRefusal(mime).ifPresent(reason -> {
            throw new RelayMailRefused(sellers.get(0), "AMAZON_SENDER", "e-mail refused: " + reason, null);
        });
        return messages;
    }

    /** The seller of {@code <alias>@<mail domain>}, from the registry; empty for any other address. */
    private java.util.Optional<SellerId> sellerFor(String recipient) {
        String address = recipient.toLowerCase(java.util.Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at < 1 || !address.substring(at + 1).equals(mailDomain)) {
            return java.util.Optional.empty();
        }
        String alias = address.substring(0, at);
        if (!SellerRegistration.ALIAS.matcher(alias).matches()) {
            return java.util.Optional.empty();
        }
        return registry.sellerForAlias(alias);
    }

    private static List<Attachment> attachments(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidInputException("attachments", "must be an array");
        }
        List<Attachment> out = new ArrayList<>();
        for (JsonNode a : node) {
            JsonNode size = a.path("sizeBytes");
            if (!size.canConvertToLong()) {
                throw new InvalidInputException("attachments[].sizeBytes", "must be a whole number of bytes");
            }
            out.add(new Attachment(text(a, "fileName"), text(a, "contentType"), size.asLong()));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode node, String field, Instant fallback) {
        String raw = text(node, field);
        if (raw == null) {
            if (fallback == null) {
                throw new InvalidInputException(field, "is required (ISO-8601 instant, e.g. 2026-11-21T10:15:00Z)");
            }
            return fallback;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 instant such as 2026-11-21T10:15:00Z (was '" + raw + "')");
        }
    }
}
