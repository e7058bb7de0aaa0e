package com.deskbridge.journeys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Buyer messages as channel integrations and SES deliver them: one JSON envelope per SQS message on the intake
 * queue (README "Intake envelope"), sent with the AWS SDK to the runner's ElasticMQ endpoint.
 */
final class Intake {
    private static SqsClient sqs;
    private static software.amazon.awssdk.services.s3.S3Client s3;
    private final JourneySystem.Endpoints system;

    Intake(JourneySystem.Endpoints system) {
        this.system = system;
        synchronized (Intake.class) {
            if (sqs == null) {
                sqs = SqsClient.builder().endpointOverride(system.sqs()).region(Region.of(system.region()))
                        .httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
            }
        }
    }

    static SqsClient sqs() {
        return sqs;
    }

    /** A channel message (amazon, ebay, shopify, email); returns its external message id. */
    String channelMessage(String token, String channel, String seller, String marketplaceId, String threadKey, String orderId,
                          String senderAddress, String subject, String body) {
        String externalId = channel + "-" + System.nanoTime();
        ObjectNode envelope = Api.JSON.createObjectNode().put("version", 1).put("type", "channel-message").put("channel", channel)
                .put("sellerId", seller).put("externalMessageId", externalId)
                .put("subject", subject).put("body", body).put("receivedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        if (marketplaceId != null) {
            envelope.put("marketplaceId", marketplaceId);
        }
        if (threadKey != null) {
            envelope.put("threadKey", threadKey);
        }
        if (orderId != null) {
            envelope.put("orderId", orderId);
        }
        envelope.putObject("sender").put("address", senderAddress).put("displayName", "Journey Buyer");
        send(envelope.toString());
        Ledger.intakeAccepted(token, externalId);
        return externalId;
    }

    /**
     * A relay e-mail as Amazon sends it (buyer alias, order id in the subject), carried inline as raw MIME; returns
     * its Message-ID without angle brackets.
     */
    String relayMail(String token, String seller, String alias, String orderId, String subject, String text) {
        return relayMail(token, seller, alias, orderId, subject, text, "Buyer");
    }

    /** As above, from a buyer who signs with {@code buyerName} (the relay shows "name - Amazon Marketplace"). */
    String relayMail(String token, String seller, String alias, String orderId, String subject, String text, String buyerName) {
        String messageId = "journey-" + System.nanoTime() + "@email.amazonses.com";
        String mime = String.join("\r\n",
                "From: \"" + buyerName + " - Amazon Marketplace\" <" + alias + ">",
                "To: " + seller + "@inbound.deskbridge.example",
                "Subject: " + subject + " " + orderId,
                "Date: " + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)),
                "Message-ID: <" + messageId + ">",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                text,
                "");
        send("{\"version\":1,\"type\":\"raw-mime\",\"sellerId\":\"" + seller + "\",\"mimeBase64\":\""
                + Base64.getEncoder().encodeToString(mime.getBytes(StandardCharsets.UTF_8)) + "\"}");
        Ledger.intakeAccepted(token, messageId);
        return messageId;
    }

    /**
     * A mail as SES receives it for the template's MailDomain: the raw mail, SES's own headers on top
     * ({@code X-SES-Spam-Verdict}, {@code Authentication-Results: amazonses.com; ...}), stored under {@code inbound/} in the
     * raw-mail bucket as SES's S3 action does, and SES's "Received" notification
     * (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html) on the intake queue as
     * the template's SNS subscription delivers it (raw). Returns the SES message id: the object is
     * {@code inbound/<id>}, the mail's Message-ID {@code <id>@email.amazonses.com}.
     *
     * @param recipient the envelope recipient, {@code <alias>@<mail domain>}
     * @param spam      SES's spam verdict (PASS or FAIL)
     */
    String sesMail(String recipient, String fromHeader, String dkimResult, String spam, String subject, String text) {
        String id = "journey-ses-" + System.nanoTime();
        String mime = String.join("\r\n",
                "Return-Path: <" + id + "@bounce.example>",
                "Received: from a1-2.smtp-out.eu-west-1.amazonses.com by inbound-smtp.eu-west-1.amazonaws.com with SMTP id " + id,
                "X-SES-Spam-Verdict: " + spam,
                "X-SES-Virus-Verdict: PASS",
                "Authentication-Results: amazonses.com;",
                " spf=pass (spfCheck: domain of bounce.example designates 54.240.1.2 as permitted sender) client-ip=54.240.1.2;",
                " " + dkimResult + ";",
                " dmarc=pass header.from=example;",
                "From: " + fromHeader,
                "To: " + recipient,
                "Subject: " + subject,
                "Date: " + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)),
                "Message-ID: <" + id + "@email.amazonses.com>",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                text,
                "");
        String key = "inbound/" + id;
        s3().putObject(p -> p.bucket(system.rawMailBucket()).key(key),
                software.amazon.awssdk.core.sync.RequestBody.fromString(mime, StandardCharsets.UTF_8));
        ObjectNode notification = Api.JSON.createObjectNode().put("notificationType", "Received");
        String now = Instant.now().toString();
        ObjectNode mail = notification.putObject("mail").put("timestamp", now).put("source", id + "@bounce.example")
                .put("messageId", id).put("headersTruncated", false);
        mail.putArray("destination").add(recipient);
        mail.putArray("headers");
        ObjectNode receipt = notification.putObject("receipt").put("timestamp", now).put("processingTimeMillis", 380);
        receipt.putArray("recipients").add(recipient);
        receipt.putObject("spamVerdict").put("status", spam);
        receipt.putObject("virusVerdict").put("status", "PASS");
        receipt.putObject("spfVerdict").put("status", "PASS");
        receipt.putObject("dkimVerdict").put("status", dkimResult.startsWith("dkim=pass") ? "PASS" : "GRAY");
        receipt.putObject("dmarcVerdict").put("status", "PASS");
        receipt.putObject("action").put("type", "S3").put("topicArn", "arn:aws:sns:eu-west-1:000000000000:inbound")
                .put("bucketName", system.rawMailBucket()).put("objectKeyPrefix", "inbound/").put("objectKey", key);
        send(notification.toString());
        return id;
    }

    private software.amazon.awssdk.services.s3.S3Client s3() {
        synchronized (Intake.class) {
            if (s3 == null) {
                s3 = software.amazon.awssdk.services.s3.S3Client.builder().endpointOverride(system.s3())
                        .region(Region.of(system.region())).forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
            }
            return s3;
        }
    }

    /** Raw MIME bytes as a relay e-mail of {@code seller}, carried inline (e.g. a hostile mail the intake must refuse). */
    void rawMime(String seller, byte[] mime) {
        send("{\"version\":1,\"type\":\"raw-mime\",\"sellerId\":\"" + seller + "\",\"mimeBase64\":\""
                + Base64.getEncoder().encodeToString(mime) + "\"}");
    }

    private void send(String body) {
        sqs.sendMessage(m -> m.queueUrl(system.intakeQueueUrl()).messageBody(body));
    }
}
