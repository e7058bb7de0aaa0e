package com.deskbridge.mail;

/**
 * The bytes are not a usable buyer e-mail: empty input, not a MIME message, no sender address, or neither body
 * text nor attachments. Permanent: dead-letter it with {@link #reason()}.
 */
public class UnparseableMailException extends PermanentMailException {
    private static final long serialVersionUID = 1L;

    public UnparseableMailException(String reason) {
        super(reason, null);
    }

    public UnparseableMailException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
