package com.deskbridge.mail;

/** Size limits shared by the S3 read side and the MIME parser. */
public final class MailLimits {
    /**
     * Largest raw e-mail accepted: 40 MiB, the maximum message size SES receiving accepts (headers, body and
     * base64-encoded attachments included). Anything larger cannot have come through SES.
     */
    public static final int MAX_RAW_BYTES = 40 * 1024 * 1024;

    private MailLimits() {
    }
}
