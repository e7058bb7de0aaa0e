package com.deskbridge.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads the raw e-mails SES stored in S3 ({@code relay/<sellerId>/...}), with a bounded read.
 *
 * <p>Failures:
 * <ul>
 *   <li>{@link RawMailNotFoundException}: the object does not exist ({@code NoSuchKey}, or any other 404 that is
 *       not {@code NoSuchBucket}). Permanent: dead-letter the notification.</li>
 *   <li>{@link MailTooLargeException}: the object is larger than the limit. Permanent.</li>
 *   <li>everything else propagates unchanged and is transient (retry): SDK client errors, throttling, 5xx,
 *       access denied, a missing bucket (a deployment error that must not silently discard mail), and
 *       {@link UncheckedIOException} when the body stream breaks mid-read.</li>
 * </ul>
 */
public final class S3RawMailStore {
    private static final int MAX_CONFIGURABLE_BYTES = 1 << 30;
    private final S3Client s3;
    private final int maxBytes;

    /** A store reading objects up to {@link MailLimits#MAX_RAW_BYTES}. */
    public S3RawMailStore(S3Client s3) {
        this(s3, MailLimits.MAX_RAW_BYTES);
    }

    /** A store reading objects up to {@code maxBytes} (at most 1 GiB). */
    public S3RawMailStore(S3Client s3, int maxBytes) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        if (maxBytes <= 0 || maxBytes > MAX_CONFIGURABLE_BYTES) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + MAX_CONFIGURABLE_BYTES);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * The raw bytes of one stored e-mail.
     *
     * @param bucket the bucket SES writes to
     * @param key    the object key, already URL-decoded (S3 event notifications URL-encode it)
     * @throws RawMailNotFoundException when the object does not exist
     * @throws MailTooLargeException    when the object is larger than the limit
     */
    public byte[] fetch(String bucket, String key) {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(key).build();
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request)) {
            Long declared = in.response().contentLength();
            if (declared != null && declared > maxBytes) {
                in.abort();
                throw new MailTooLargeException(declared, maxBytes);
            }
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                in.abort();
                throw new MailTooLargeException(bytes.length, maxBytes);
            }
            return bytes;
        } catch (NoSuchKeyException e) {
            throw new RawMailNotFoundException(bucket, key, e);
        } catch (NoSuchBucketException e) {
            throw e;
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !isNoSuchBucket(e)) {
                throw new RawMailNotFoundException(bucket, key, e);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading s3://" + bucket + "/" + key + " failed", e);
        }
    }

    private static boolean isNoSuchBucket(S3Exception e) {
        return e.awsErrorDetails() != null && "NoSuchBucket".equals(e.awsErrorDetails().errorCode());
    }
}
