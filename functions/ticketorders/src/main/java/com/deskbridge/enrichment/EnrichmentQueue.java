package com.deskbridge.enrichment;

import java.time.Duration;
import java.util.Objects;
import com.deskbridge.adapters.logging.Correlation;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Port: puts an {@link EnrichmentRequest} on the enrichment queue, optionally delayed (at most 15 minutes, SQS's limit). */
@FunctionalInterface
public interface EnrichmentQueue {

    void send(EnrichmentRequest request, Duration delay);

    /** The SQS queue (ENRICHMENT_QUEUE_URL). */
    static EnrichmentQueue sqs(SqsClient sqs, String queueUrl) {
        Objects.requireNonNull(sqs);
        Objects.requireNonNull(queueUrl);
        return (request, delay) -> sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(request.toJson())
                .delaySeconds((int) Math.min(900, Math.max(0, delay == null ? 0 : delay.toSeconds())))
                .messageAttributes(Correlation.attributes()));
    }
}
