package com.deskbridge.adapters.sqs;

import com.deskbridge.adapters.logging.Correlation;
import com.deskbridge.domain.port.EnrichmentTrigger;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link EnrichmentTrigger} on the enrichment queue. The body is the enrichment function's request, version 1
 * (functions/enrichment EnrichmentRequest parses it; a test there reads what this writes); the asking work's
 * correlation id travels as the {@link Correlation#ATTRIBUTE} message attribute.
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
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body(seller, ticket, orderId, marketplaceId, reason))
                .messageAttributes(Correlation.attributes()));
    }

    /** In batches of ten (SendMessageBatch); any entry SQS refuses fails the call, so the caller asks again. */
    @Override
    public void enrichAll(java.util.List<Request> requests) {
        for (int from = 0; from < requests.size(); from += 10) {
            java.util.List<Request> chunk = requests.subList(from, Math.min(requests.size(), from + 10));
            java.util.List<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry> entries = new java.util.ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                Request r = chunk.get(i);
                entries.add(software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder().id("e" + i)
                        .messageBody(body(r.seller(), r.ticket(), r.orderId(), r.marketplaceId(), r.reason()))
                        .messageAttributes(r.correlationId() != null ? Correlation.attributes(r.correlationId())
                                : Correlation.attributes()).build());
            }
            var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " enrichment request(s) refused by SQS: "
                        + response.failed().get(0).code());
            }
        }
    }

    public static String body(SellerId seller, TicketId ticket, String orderId, String marketplaceId, Reason reason) {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", 1);
        n.put("sellerId", seller.value());
        n.put("ticketId", ticket.value());
        if (orderId != null) { // none for LINK_ORDER
            n.put("orderId", orderId);
        }
        if (marketplaceId != null) {
            n.put("marketplaceId", marketplaceId);
        }
        n.put("reason", reason.name());
        return n.toString();
    }
}
