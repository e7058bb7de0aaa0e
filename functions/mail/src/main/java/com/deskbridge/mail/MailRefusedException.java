package com.deskbridge.mail;

/**
 * A raw e-mail was refused because it breaks one of {@link MailLimits} (size, nesting, parts, header fields, text,
 * parse time): checked before the MIME parser reads it, or while a parse with a bounded stack and deadline runs.
 * Such mail is hostile or broken; the intake dead-letters it with {@link #reason()} and records a security event
 * naming {@link #limit()}.
 */
public class MailRefusedException extends PermanentMailException {
    private static final long serialVersionUID = 1L;

    /** Which limit was broken: a stable name for logs and metrics. */
    public enum Limit { SIZE, NESTING_DEPTH, PARTS, HEADER_FIELDS, HEADER_FIELD_SIZE, HEADER_SIZE, DECODED_TEXT, PARSE_TIME, PARSER_STACK }

    private final Limit limit;

    public MailRefusedException(Limit limit, String reason) {
        this(limit, reason, null);
    }

    public MailRefusedException(Limit limit, String reason, Throwable cause) {
        super("e-mail refused (" + limit.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): " + reason, cause);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
