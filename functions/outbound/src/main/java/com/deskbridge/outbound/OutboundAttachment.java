package com.deskbridge.outbound;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A file sent with a reply. Only the types Amazon's messaging delivers (PDF, JPEG, PNG, plain text) and at most
 * 10 MB each (https://sellercentral.amazon.sg/gp/help/external/help.html?itemID=200389080).
 *
 * @param fileName    shown to the buyer; no path
 * @param contentType e.g. "application/pdf"
 */
public record OutboundAttachment(String fileName, String contentType, byte[] content) {
    /** Amazon's attachment size limit. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** The MIME types accepted. */
    public static final Set<String> ALLOWED_TYPES = Set.of("application/pdf", "image/jpeg", "image/png",
            "text/plain");

    public OutboundAttachment {
        if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")
                || fileName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("attachment file name must be a plain, non-empty name");
        }
        contentType = Objects.requireNonNull(contentType, "contentType").trim().toLowerCase(Locale.ROOT);
        if (!ALLOWED_TYPES.contains(contentType)) {
            throw new IllegalArgumentException("attachment type " + contentType + " is not delivered by Amazon; "
                    + "allowed: " + ALLOWED_TYPES);
        }
        Objects.requireNonNull(content, "content");
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("attachment " + fileName + " is " + content.length
                    + " bytes; Amazon delivers at most " + MAX_BYTES);
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboundAttachment a && a.fileName.equals(fileName) && a.contentType.equals(contentType)
                && java.util.Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, java.util.Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "OutboundAttachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
