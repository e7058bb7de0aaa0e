package com.deskbridge.outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One reply to a buyer, as the Amazon e-mail relay needs it (https://sellercentral.amazon.com/help/hub/reference/external/G200383320): sent from the seller's
 * address approved in Messaging Permissions to the buyer's anonymised relay alias ({@code …@marketplace.amazon.*}),
 * in the thread (Amazon's subject with "Re: ", {@code In-Reply-To} and {@code References} pointing at the buyer's
 * message), as plain text. The {@link #idempotencyKey()} (e.g. the reply's id) determines the Message-ID, so a
 * retried send produces the same Message-ID and a duplicate is recognisable downstream. Any other recipient is
 * rejected here, so a buyer's real address can never be mailed by mistake. {@code toString} omits the body.
 *
 * @param fromAddress    the seller's approved sender address
 * @param toAddress      the buyer's relay alias
 * @param subject        the thread subject, e.g. from {@link #replySubject(String)}
 * @param body           plain text, UTF-8
 * @param inReplyTo      Message-ID of the buyer's message, or null
 * @param references     the thread's Message-IDs, oldest first; may be empty
 * @param attachments    may be empty
 * @param idempotencyKey stable per logical reply; the same on every retry
 */
public record OutboundReply(String fromAddress, String toAddress, String subject, String body, String inReplyTo,
                            List<String> references, List<OutboundAttachment> attachments, String idempotencyKey) {
    /** Longest body accepted (the compliance checker's limit). */
    public static final int MAX_BODY_CHARS = 20_000;
    /** Longest subject accepted. */
    public static final int MAX_SUBJECT_CHARS = 500;
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+=-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");
    private static final Pattern RELAY_ALIAS = Pattern.compile(
            "[A-Za-z0-9._%+=-]{1,64}@marketplace\\.amazon\\.(?:[a-z]{2,3}|com?\\.[a-z]{2})", Pattern.CASE_INSENSITIVE);
    private static final Pattern MESSAGE_ID = Pattern.compile("<?[\\x21-\\x3b\\x3d\\x3f-\\x7e]{1,250}@[\\x21-\\x3b\\x3d"
            + "\\x3f-\\x7e]{1,250}>?");
    private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^(?:re|aw|rif|r|sv|vs|antw|res|rv|réf)\\s*:.*");

    public OutboundReply {
        fromAddress = requireAddress("fromAddress", fromAddress, ADDRESS, "an e-mail address");
        toAddress = requireAddress("toAddress", toAddress, ADDRESS, "an e-mail address");
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_CHARS || hasLineBreak(subject)) {
            throw new IllegalArgumentException("subject must be 1-" + MAX_SUBJECT_CHARS
                    + " characters without line breaks");
        }
        subject = subject.strip();
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("body must not be empty");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("body is " + body.length() + " characters; at most " + MAX_BODY_CHARS);
        }
        inReplyTo = inReplyTo == null || inReplyTo.isBlank() ? null : normalizeId("inReplyTo", inReplyTo);
        List<String> refs = new ArrayList<>();
        for (String r : references == null ? List.<String>of() : references) {
            refs.add(normalizeId("references", r));
        }
        references = List.copyOf(refs);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("idempotencyKey must be 1-200 characters");
        }
    }

    /** A text-only reply in a thread; {@code references} default to {@code inReplyTo} alone. */
    public static OutboundReply inThread(String fromAddress, String toAddress, String threadSubject, String body,
                                         String inReplyTo, String idempotencyKey) {
        requireAddress("toAddress", toAddress, RELAY_ALIAS, "an Amazon relay alias (…@marketplace.amazon.<tld>)");
        return mailInThread(fromAddress, toAddress, threadSubject, body, inReplyTo, idempotencyKey);
    }

    /**
     * A text-only reply in a mail thread to a buyer's own address (a Shopify store's customer, the e-mail channel),
     * from the shop's support address; Amazon buyers are answered only with {@link #inThread} (their relay alias).
     */
    public static OutboundReply mailInThread(String fromAddress, String toAddress, String threadSubject, String body,
                                             String inReplyTo, String idempotencyKey) {
        return new OutboundReply(fromAddress, toAddress, replySubject(threadSubject), body, inReplyTo,
                inReplyTo == null ? List.of() : List.of(inReplyTo), List.of(), idempotencyKey);
    }

    /**
     * The subject for a reply in Amazon's thread: the thread subject unchanged when it already starts with a reply
     * prefix ("Re:", "AW:", "RIF:", "RE:" …), otherwise "Re: " + subject. Amazon matches replies by subject.
     */
    public static String replySubject(String threadSubject) {
        String s = threadSubject == null ? "" : threadSubject.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("thread subject must not be empty");
        }
        return REPLY_PREFIX.matcher(s).matches() ? s : "Re: " + s;
    }

    /**
     * The Message-ID header for this reply: a hash of the idempotency key (the key itself may carry ids that do not
     * belong in a header) at the sender's domain, e.g. {@code <deskbridge.3f9a…@shop.example>}.
     */
    public String messageId() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            String domain = fromAddress.substring(fromAddress.indexOf('@') + 1).toLowerCase(Locale.ROOT);
            return "<deskbridge." + HexFormat.of().formatHex(hash, 0, 20) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "OutboundReply[from=" + fromAddress + ", to=" + toAddress + ", subject=" + subject + ", body="
                + body.length() + " chars, inReplyTo=" + inReplyTo + ", references=" + references.size()
                + ", attachments=" + attachments + ", messageId=" + messageId() + "]";
    }

    private static String requireAddress(String field, String value, Pattern pattern, String what) {
        String v = value == null ? "" : value.strip();
        if (!pattern.matcher(v).matches()) {
            throw new IllegalArgumentException(field + " must be " + what);
        }
        return v;
    }

    private static String normalizeId(String field, String id) {
        String v = Objects.requireNonNull(id, field).strip();
        if (!MESSAGE_ID.matcher(v).matches()) {
            throw new IllegalArgumentException(field + " must be a Message-ID like <id@host>");
        }
        return (v.startsWith("<") ? "" : "<") + v + (v.endsWith(">") ? "" : ">");
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
    }
}
