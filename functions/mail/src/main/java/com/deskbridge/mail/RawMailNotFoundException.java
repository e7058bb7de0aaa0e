package com.deskbridge.mail;

/**
 * The raw e-mail named by an S3 notification does not exist (S3 {@code NoSuchKey}, HTTP 404). Redelivery cannot
 * make it appear: dead-letter the notification with {@link #reason()}.
 */
public class RawMailNotFoundException extends PermanentMailException {
    private static final long serialVersionUID = 1L;
    private final String bucket;
    private final String key;

    public RawMailNotFoundException(String bucket, String key, Throwable cause) {
        super("raw e-mail not found: s3://" + bucket + "/" + key, cause);
        this.bucket = bucket;
        this.key = key;
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return key;
    }
}
