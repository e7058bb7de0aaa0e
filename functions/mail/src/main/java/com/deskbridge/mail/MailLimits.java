package com.deskbridge.mail;

import java.time.Duration;

/**
 * Limits every raw e-mail is held to before and while it is parsed. They are far above what mail clients and
 * Amazon's relay produce and far below what hurts the parser: a mail beyond one is refused with the limit named
 * ({@link MailRefusedException}), whatever else it holds.
 */
public final class MailLimits {
    /**
     * Largest raw e-mail accepted: 40 MiB, the maximum message size SES receiving accepts (headers, body and
     * base64-encoded attachments included). Anything larger cannot have come through SES.
     * https://docs.aws.amazon.com/ses/latest/dg/quotas.html
     */
    public static final int MAX_RAW_BYTES = 40 * 1024 * 1024;
    /**
     * Deepest nesting of MIME entities (a multipart inside a multipart, an attached message): real mail stays
     * below ten. mime4j reads each level through one more boundary stream, so the depth is also its stack depth.
     */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Most MIME entities (the message and all its parts, at any depth). */
    public static final int MAX_PARTS = 500;
    /** Most header fields of one entity (a relayed mail carries a few dozen). */
    public static final int MAX_HEADER_FIELDS = 500;
    /** Longest header field, folded lines included (long References chains stay far below). */
    public static final int MAX_HEADER_FIELD_BYTES = 64 * 1024;
    /** Largest header block of one entity. */
    public static final int MAX_HEADER_BYTES = 256 * 1024;
    /**
     * Most text (text/plain and text/html parts, transfer-decoded) one mail may carry: the ticket keeps at most
     * 100,000 characters of body, and rendering HTML costs time in proportion to its size.
     */
    public static final long MAX_DECODED_TEXT_BYTES = 10L * 1024 * 1024;
    /** The longest one mail may take to parse; beyond it the mail is refused and its batch goes on. */
    public static final Duration PARSE_DEADLINE = Duration.ofSeconds(5);
    /** Stack of the thread a mail is parsed on: ample for {@link #MAX_NESTING_DEPTH}, and the same everywhere. */
    public static final long PARSE_STACK_BYTES = 4L * 1024 * 1024;

    private MailLimits() {
    }
}
