package com.deskbridge.mail;

/**
 * A raw e-mail is larger than the accepted limit ({@link MailLimits#MAX_RAW_BYTES} unless configured otherwise).
 * Permanent: dead-letter it with {@link #reason()}.
 */
public class MailTooLargeException extends MailRefusedException {
    private static final long serialVersionUID = 1L;
    private final long sizeBytes;
    private final long limitBytes;

    /**
     * @param sizeBytes  the size seen, or a lower bound of it when reading stopped at the limit
     * @param limitBytes the limit that was exceeded
     */
    public MailTooLargeException(long sizeBytes, long limitBytes) {
        super(Limit.SIZE, "raw e-mail is too large: " + sizeBytes + " bytes" + " (limit " + limitBytes + " bytes)");
        this.sizeBytes = sizeBytes;
        this.limitBytes = limitBytes;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
