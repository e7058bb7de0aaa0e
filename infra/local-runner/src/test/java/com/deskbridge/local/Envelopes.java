package com.deskbridge.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.api.TicketApiHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Intake-queue bodies and Lambda events for the integration tests. */
public final class Envelopes {
    private Envelopes() {
    }

    public static String channelMessage(String seller, String externalId, String threadKey, String body) {
        return """
                {"version":1,"type":"channel-message","channel":"ebay","sellerId":"%s","marketplaceId":"EBAY_DE",
                 "externalMessageId":"%s","threadKey":"%s","orderId":"12-34567-89012",
                 "sender":{"address":"buyer_%s","displayName":"Buyer"},"subject":"Parcel","body":"%s",
                 "receivedAt":"2026-11-21T09:15:00Z"}""".formatted(seller, externalId, threadKey, threadKey, body);
    }

    public static String rawMime(String seller, String mime) {
        return "{\"version\":1,\"type\":\"raw-mime\",\"sellerId\":\"" + seller + "\",\"mimeBase64\":\""
                + Base64.getEncoder().encodeToString(mime.getBytes(StandardCharsets.UTF_8)) + "\"}";
    }

    public static String s3Created(String bucket, String key) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1",
                 "eventTime":"2026-11-21T08:42:12.345Z","eventName":"ObjectCreated:Put",
                 "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"%s"},"object":{"key":"%s","size":100}}}]}"""
                .formatted(bucket, key);
    }

    /** A relay e-mail as Amazon sends it: anonymised buyer alias, order id in the subject. */
    public static String relayMail(String messageId, String orderId) {
        return String.join("\r\n",
                "From: \"Jane Doe - Amazon Marketplace\" <7xk2m4q9pz3lwd1@marketplace.amazon.de>",
                "To: demo-seller@inbound.deskbridge.example",
                "Subject: Frage zur Bestellung " + orderId,
                "Date: Sat, 21 Nov 2026 08:42:10 +0000",
                "Message-ID: <" + messageId + "@email.amazonses.com>",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "Guten Tag, wann kommt mein Paket an?",
                "");
    }

    public static SQSEvent sqsEvent(String... bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (String body : bodies) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId(UUID.randomUUID().toString());
            m.setBody(body);
            m.setAttributes(Map.of("SentTimestamp", "1795252500000", "ApproximateReceiveCount", "1"));
            m.setEventSource("aws:sqs");
            records.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    public static APIGatewayV2HTTPEvent get(String routeKey, String path, String seller, Map<String, String> pathParams,
                                            Map<String, String> query) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withPathParameters(pathParams)
                .withQueryStringParameters(query)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of(TicketApiHandler.SELLER_CLAIM, seller, "sub", "agent-1"))
                                        .build())
                                .build())
                        .build())
                .build();
    }
}
