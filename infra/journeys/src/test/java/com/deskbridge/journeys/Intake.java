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
        String messageId = "journey-" + System.nanoTime() + "@email.amazonses.com";
        String mime = String.join("\r\n",
                "From: \"Buyer - Amazon Marketplace\" <" + alias + ">",
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

    /** Raw MIME bytes as a relay e-mail of {@code seller}, carried inline (e.g. a hostile mail the intake must refuse). */
    void rawMime(String seller, byte[] mime) {
        send("{\"version\":1,\"type\":\"raw-mime\",\"sellerId\":\"" + seller + "\",\"mimeBase64\":\""
                + Base64.getEncoder().encodeToString(mime) + "\"}");
    }

    private void send(String body) {
        sqs.sendMessage(m -> m.queueUrl(system.intakeQueueUrl()).messageBody(body));
    }
}
