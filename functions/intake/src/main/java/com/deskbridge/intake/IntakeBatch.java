package com.deskbridge.intake;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.deskbridge.domain.intake.IntakeService;
import com.deskbridge.domain.port.EnrichmentTrigger;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One intake batch: stores each decoded message ({@link IntakeService}), replies automatically where a rule says so,
 * and at the batch's end asks for the order context of every message that named an order, and for the order of
 * every e-mail or Shopify message that named none to be looked for at the seller's store (LINK_ORDER), together.
 */
final class IntakeBatch {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeBatch.class);

    private final IntakeService intake;
    private final AutoReplies autoReplies;
    private final EnrichmentTrigger enrichment;
    /** The batch's context requests, by SQS message id: sent together at its end. */
    private final Map<String, List<EnrichmentTrigger.Request>> contextRequests = new LinkedHashMap<>();

    IntakeBatch(IntakeService intake, AutoReplies autoReplies, EnrichmentTrigger enrichment) {
        this.intake = intake;
        this.autoReplies = autoReplies;
        this.enrichment = enrichment;
    }

    /** Stores the messages one queued record carried. */
    void accept(String sqsMessageId, List<InboundMessage> messages) {
        for (InboundMessage message : messages) {
            IntakeService.Result result = intake.accept(message);
            LOG.info("intake messageId={} ticketId={} messageKey={} channel={} duplicate={}", sqsMessageId,
                    result.ticketId(), result.messageKey(), message.channel().wireName(), result.duplicate());
            if (message.orderId() != null) {
                // The order is known: fetch its context. Also for a redelivered message, whose first delivery may
                // have failed right here (asking twice is harmless: enrichment is idempotent).
                // Only Amazon's marketplace ids mean something to SP-API; another channel's order can still be an
                // MCF order (Amazon fulfils it), looked up by its id in the seller's home region.
                contextRequests.computeIfAbsent(sqsMessageId, id -> new ArrayList<>()).add(
                        new EnrichmentTrigger.Request(message.seller(), result.ticketId(), message.orderId(),
                                message.channel() == Channel.AMAZON ? message.marketplaceId() : null,
                                EnrichmentTrigger.Reason.ORDER_KNOWN,
                                com.deskbridge.adapters.logging.Correlation.current().orElse(null)));
            } else if (message.channel() == Channel.EMAIL || message.channel() == Channel.SHOPIFY) {
                // No order named: the seller's Shopify store may know it from the buyer's mail (issue 15); enrichment
                // asks once per ticket and ignores sellers without a store.
                contextRequests.computeIfAbsent(sqsMessageId, id -> new ArrayList<>()).add(
                        new EnrichmentTrigger.Request(message.seller(), result.ticketId(), null, null,
                                EnrichmentTrigger.Reason.LINK_ORDER,
                                com.deskbridge.adapters.logging.Correlation.current().orElse(null)));
            }
            if (!result.duplicate()) {
                autoReply(message, result);
            }
        }
    }

    /**
     * The message is stored: an automatic reply is a courtesy on top, so its failure is logged, never a reason to
     * redeliver the message (a redelivery is a duplicate and would not try again anyway).
     */
    private void autoReply(InboundMessage message, IntakeService.Result result) {
        try {
            autoReplies.afterIntake(message, result.triage());
        } catch (RuntimeException e) {
            LOG.warn("intake ticketId={} automatic reply failed: {}", result.ticketId(), e.toString());
        }
    }

    /** The batch's response once its context requests are handed over, with {@code notForwarded} delivered again. */
    SQSBatchResponse finish(SQSBatchResponse response, Set<String> notForwarded) {
        return withFailures(withContextRequested(response), notForwarded);
    }

    /**
     * Hands the batch's context requests over together. If that fails, the messages that asked are delivered again:
     * storing them is then a no-op and they ask again, so no ticket goes without its context.
     */
    private SQSBatchResponse withContextRequested(SQSBatchResponse response) {
        if (contextRequests.isEmpty()) {
            return response;
        }
        try {
            enrichment.enrichAll(contextRequests.values().stream().flatMap(List::stream).toList());
            return response;
        } catch (RuntimeException e) {
            LOG.warn("intake could not ask for the context of {} message(s), they will be delivered again: {}",
                    contextRequests.size(), e.toString());
            return withFailures(response, contextRequests.keySet());
        }
    }

    /** The response with these messages delivered again too. */
    private static SQSBatchResponse withFailures(SQSBatchResponse response, Set<String> messageIds) {
        if (messageIds.isEmpty()) {
            return response;
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>(response.getBatchItemFailures());
        Set<String> failing = new HashSet<>();
        failures.forEach(f -> failing.add(f.getItemIdentifier()));
        for (String messageId : messageIds) {
            if (failing.add(messageId)) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(messageId).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
