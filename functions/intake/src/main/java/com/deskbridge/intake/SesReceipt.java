package com.deskbridge.intake;

import com.deskbridge.adapters.sqs.PoisonMessageException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What intake reads from SES's "Received" notification
 * (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html): the S3 action's bucket and
 * object key, the envelope recipients ({@code receipt.recipients}, the RCPT TO addresses the rule matched, not the
 * mail's To header) and the five verdicts. A verdict's {@code status} is PASS, FAIL, GRAY or PROCESSING_FAILED; FAIL
 * of any of them refuses the mail. GRAY (no SPF record, no DKIM signature, no DMARC policy: most buyers' own mail
 * servers) and PROCESSING_FAILED are not proof of abuse and pass; the Amazon sender check then still applies.
 */
record SesReceipt(String bucket, String objectKey, List<String> recipients, String timestamp, String spam, String virus,
                  String spf, String dkim, String dmarc) {
    /** Where SES's S3 action stores mail (template.yaml InboundMailRule ObjectKeyPrefix). */
    static final String PREFIX = "inbound/";

    /** Why a mail is refused: the rule broken (the security event's limit) and the reason for the DLQ. */
    record Refusal(String limit, String reason) {
    }

    static SesReceipt of(JsonNode root) {
        if (!"Received".equals(root.path("notificationType").asText(null))) {
            throw new PoisonMessageException("SES notification type must be Received (was "
                    + shortened(root.path("notificationType").asText("none")) + ")");
        }
        JsonNode receipt = root.path("receipt");
        JsonNode action = receipt.path("action");
        if (!"S3".equals(action.path("type").asText(null))) {
            throw new PoisonMessageException("SES notification of a " + shortened(action.path("type").asText("missing"))
                    + " action, not of the S3 action that stores mail");
        }
        String bucket = action.path("bucketName").asText(null);
        String key = action.path("objectKey").asText(null);
        if (bucket == null || key == null || !key.startsWith(PREFIX) || key.length() == PREFIX.length() || key.contains("..")) {
            throw new PoisonMessageException("SES notification without a bucketName and an objectKey under " + PREFIX);
        }
        JsonNode recipients = receipt.path("recipients");
        if (!recipients.isArray() || recipients.isEmpty()) {
            throw new PoisonMessageException("SES notification without receipt.recipients");
        }
        List<String> addresses = new ArrayList<>();
        recipients.forEach(r -> addresses.add(r.asText("")));
        return new SesReceipt(bucket, key, List.copyOf(addresses), receipt.path("timestamp").asText(null),
                verdict(receipt, "spamVerdict"), verdict(receipt, "virusVerdict"), verdict(receipt, "spfVerdict"),
                verdict(receipt, "dkimVerdict"), verdict(receipt, "dmarcVerdict"));
    }

    /** The first verdict that refuses the mail, spam and virus first. */
    Optional<Refusal> refusal() {
        if ("FAIL".equals(spam)) {
            return Optional.of(new Refusal("SPAM_VERDICT", "SES marked it as spam (receipt.spamVerdict FAIL)"));
        }
        if ("FAIL".equals(virus)) {
            return Optional.of(new Refusal("VIRUS_VERDICT", "SES found a virus (receipt.virusVerdict FAIL)"));
        }
        if ("FAIL".equals(spf)) {
            return Optional.of(new Refusal("SPF_VERDICT", "SPF failed (receipt.spfVerdict FAIL)"));
        }
        if ("FAIL".equals(dkim)) {
            return Optional.of(new Refusal("DKIM_VERDICT", "DKIM failed (receipt.dkimVerdict FAIL)"));
        }
        if ("FAIL".equals(dmarc)) {
            return Optional.of(new Refusal("DMARC_VERDICT", "DMARC failed (receipt.dmarcVerdict FAIL)"));
        }
        return Optional.empty();
    }

    /** When SES received the mail, else {@code fallback}. */
    Instant timestamp(Instant fallback) {
        if (timestamp == null) {
            return fallback;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new PoisonMessageException("SES notification's receipt.timestamp is not an ISO-8601 instant");
        }
    }

    /** A verdict's status; a notification without one (the rule's scan off) is not judged and is refused. */
    private static String verdict(JsonNode receipt, String name) {
        String status = receipt.path(name).path("status").asText(null);
        if (status == null) {
            throw new PoisonMessageException("SES notification without receipt." + name
                    + " (the receipt rule must scan: ScanEnabled)");
        }
        return status;
    }

    static String shortened(String value) {
        return value == null ? "none" : value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
