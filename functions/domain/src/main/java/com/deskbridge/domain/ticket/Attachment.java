package com.deskbridge.domain.ticket;

/**
 * Metadata of a file that came with a message. The bytes stay where they arrived (the raw e-mail in S3, or the
 * channel); the ticket keeps what an agent needs to see and what the compliance rules check.
 */
public record Attachment(String fileName, String contentType, long sizeBytes) {
    public Attachment {
        fileName = BuyerText.line(fileName); // "invoice\u202Efdp.exe" must not show as "invoiceexe.pdf"
        contentType = BuyerText.line(contentType);
        Require.nonBlank(fileName, "attachments[].fileName");
        Require.maxLength(fileName, 255, "attachments[].fileName");
        Require.nonBlank(contentType, "attachments[].contentType");
        if (sizeBytes < 0) {
            throw new InvalidInputException("attachments[].sizeBytes", "must not be negative");
        }
    }
}
