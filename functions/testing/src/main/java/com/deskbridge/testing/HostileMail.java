package com.deskbridge.testing;

import java.nio.charset.StandardCharsets;

/**
 * Hostile e-mails for the tests that prove one buyer's mail never hurts anyone else (issue 12): a relay mail whose
 * body is a chain of {@code depth} multiparts, each nested in the previous one (20,000 levels are about 1.3 MB and
 * made the MIME parser recurse into StackOverflowError), and relay mails with very many parts or header fields.
 */
public final class HostileMail {
    private HostileMail() {
    }

    /** A relay mail from {@code alias@marketplace.amazon.de} whose text sits {@code depth} multiparts deep. */
    public static byte[] nestedMultiparts(String alias, String messageId, int depth) {
        StringBuilder mail = new StringBuilder(depth * 70 + 512);
        header(mail, alias, messageId);
        mail.append("Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (int i = 0; i < depth; i++) {
            mail.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1)
                    .append("\"\r\n\r\n");
        }
        mail.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b").append(depth)
                .append("--\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            mail.append("--b").append(i).append("--\r\n");
        }
        return mail.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A relay mail with {@code parts} sibling text parts. */
    public static byte[] manyParts(String alias, String messageId, int parts) {
        StringBuilder mail = new StringBuilder();
        header(mail, alias, messageId);
        mail.append("Content-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        for (int i = 0; i < parts; i++) {
            mail.append("--p\r\nContent-Type: text/plain\r\n\r\npart ").append(i).append("\r\n");
        }
        mail.append("--p--\r\n");
        return mail.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A relay mail with {@code fields} extra header fields of {@code fieldLength} characters each. */
    public static byte[] manyHeaderFields(String alias, String messageId, int fields, int fieldLength) {
        StringBuilder mail = new StringBuilder();
        header(mail, alias, messageId);
        String value = "x".repeat(Math.max(1, fieldLength - 10));
        for (int i = 0; i < fields; i++) {
            mail.append("X-Pad-").append(i).append(": ").append(value).append("\r\n");
        }
        mail.append("Content-Type: text/plain\r\n\r\nhello\r\n");
        return mail.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void header(StringBuilder mail, String alias, String messageId) {
        mail.append("From: \"Eve - Amazon Marketplace\" <").append(alias).append("@marketplace.amazon.de>\r\n")
                .append("To: seller@inbound.deskbridge.example\r\n")
                .append("Subject: Frage zur Bestellung 028-1111111-2222222\r\n")
                .append("Date: Sat, 21 Nov 2026 08:42:10 +0000\r\n")
                .append("Message-ID: <").append(messageId).append("@email.amazonses.com>\r\n")
                .append("MIME-Version: 1.0\r\n");
    }
}
