package com.deskbridge.compliance;

import com.deskbridge.domain.ticket.InvalidInputException;

/**
 * What the checker needs to know about one attachment.
 *
 * @param contentType the declared MIME type, may be null or blank (then the file extension decides)
 */
public record AttachmentInfo(String fileName, String contentType, long sizeBytes) {
    public AttachmentInfo {
        if (fileName == null || fileName.isBlank()) {
            throw new InvalidInputException("attachment.fileName", "is required");
        }
        if (sizeBytes < 0) {
            throw new InvalidInputException("attachment.sizeBytes", "must not be negative");
        }
        contentType = contentType == null ? "" : contentType.trim();
    }
}
