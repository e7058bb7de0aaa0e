package com.deskbridge.adapters.sqs;

import com.deskbridge.domain.port.EnrichmentTrigger;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link EnrichmentTrigger} on the enrichment queue. The body is the enrichment function's request, version 1
 * (functions/enrichment EnrichmentRequest parses it; a test there reads what this writes).
 */
public final class SqsEnrichmentTrigger implements EnrichmentTrigger {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsEnrichmentTrigger(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs);
        this.queueUrl = Objects.requireNonNull(queueUrl);
    }

    @Override
    public void enrich(SellerId seller, TicketId ticket, String orderId, String marketplaceId, Reason reason) {
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body(seller, ticket, orderId, marketplaceId, reason)));
    }

    public static String body(SellerId seller, TicketId ticket, String orderId, String marketplaceId, Reason reason) {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", 1);
        n.put("sellerId", seller.value());
        n.put("ticketId", ticket.value());
        n.put("orderId", orderId);
        if (marketplaceId != null) {
            n.put("marketplaceId", marketplaceId);
        }
        n.put("reason", reason.name());
        return n.toString();
    }
}
