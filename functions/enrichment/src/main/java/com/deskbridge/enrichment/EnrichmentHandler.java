package com.deskbridge.enrichment;

import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.adapters.metrics.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.adapters.sqs.DeadLetterQueue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for the enrichment queue (ReportBatchItemFailures). Each record is one
 * {@link EnrichmentRequest}; malformed records go to the DLQ at once with their reason. A record whose enrichment hit
 * a transient failure (the ticket then shows RETRYING and the reason) is reported as failed, so SQS delivers it again
 * after the visibility timeout; on its last delivery ({@code ApproximateReceiveCount} reaching the queue's
 * maxReceiveCount, ENRICHMENT_MAX_RECEIVES) the ticket is marked FAILED before SQS moves the record to the DLQ.
 */
public final class EnrichmentHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichmentHandler.class);

    static {
        JsonLogging.install();
    }

    private final EnrichmentService service;
    private final DeadLetterQueue deadLetters;
    private final int maxReceives;
    private final Clock clock;

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;

    /** Used by the Lambda runtime. */
    public EnrichmentHandler() {
        this(EnrichmentWiring.fromEnvironment());
        priming = SnapStartPriming.register(EnrichmentHandler.class, null);
    }

    public EnrichmentHandler(EnrichmentWiring wiring) {
        this.service = wiring.service();
        this.deadLetters = wiring.deadLetters();
        this.maxReceives = wiring.maxReceives();
        this.clock = wiring.clock();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try {
            return handle(event, context);
        } finally {
            Metrics.flush(); // this invocation's own CloudWatch figures (template.yaml: OperationsDashboard)
        }
    }

    private SQSBatchResponse handle(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage record : records) {
            if (!process(record)) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(record.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** @return false when the record must be delivered again */
    private boolean process(SQSEvent.SQSMessage record) {
        EnrichmentRequest request;
        try {
            request = EnrichmentRequest.parse(record.getBody());
        } catch (IllegalArgumentException poison) {
            return deadLetter(record, poison.getMessage());
        }
        String reason;
        try {
            EnrichmentService.Result result = service.enrich(request);
            if (!result.retry()) {
                return true;
            }
            reason = result.detail();
        } catch (RuntimeException e) {
            LOG.warn("enrichment messageId={} ticketId={} failed: {}", record.getMessageId(), request.ticketId(), e.toString());
            reason = "internal error (" + e.getClass().getSimpleName() + ")";
        }
        if (receiveCount(record) >= maxReceives) {
            try {
                service.giveUp(request, reason);
            } catch (RuntimeException e) {
                LOG.error("enrichment messageId={} ticketId={} could not be marked FAILED: {}", record.getMessageId(),
                        request.ticketId(), e.toString());
            }
            LOG.error("enrichment messageId={} ticketId={} gave up after {} deliveries: {}", record.getMessageId(),
                    request.ticketId(), maxReceives, reason);
        }
        return false;
    }

    private boolean deadLetter(SQSEvent.SQSMessage record, String reason) {
        if (deadLetters == null) {
            LOG.error("enrichment messageId={} is poison ({}) and no DLQ is configured; dropped", record.getMessageId(), reason);
            return true;
        }
        try {
            deadLetters.send(record, reason, clock.instant());
            LOG.error("enrichment messageId={} dead-lettered: {}", record.getMessageId(), reason);
            return true;
        } catch (RuntimeException e) {
            LOG.error("enrichment messageId={} is poison ({}) but the DLQ send failed, leaving it for retry: {}",
                    record.getMessageId(), reason, e.toString());
            return false;
        }
    }

    static int receiveCount(SQSEvent.SQSMessage record) {
        String v = record.getAttributes() == null ? null : record.getAttributes().get("ApproximateReceiveCount");
        try {
            return v == null ? 1 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
