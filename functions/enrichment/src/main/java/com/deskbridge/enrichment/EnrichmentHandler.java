package com.deskbridge.enrichment;

import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.adapters.metrics.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.adapters.sqs.DeadLetterSink;
import com.deskbridge.adapters.sqs.PoisonMessageException;
import com.deskbridge.adapters.sqs.SqsBatch;
import com.deskbridge.http.HttpPriming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for the enrichment queue (ReportBatchItemFailures). Each record is one
 * {@link EnrichmentRequest}, handled through the one SQS batch policy ({@link SqsBatch}): malformed records go to the
 * DLQ at once with their reason. A record whose enrichment hit a transient failure (the ticket then shows RETRYING and
 * the reason) is delivered again after the visibility timeout; on its last delivery ({@code ApproximateReceiveCount}
 * reaching the queue's maxReceiveCount, ENRICHMENT_MAX_RECEIVES) the ticket is marked FAILED and the record goes to
 * the DLQ with the reason.
 */
public final class EnrichmentHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichmentHandler.class);

    static {
        JsonLogging.install();
    }

    private final EnrichmentService service;
    private final SqsBatch batch;
    private final int maxReceives;

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;
    /**
     * The HTTP client priming sends through (built on the first priming round): built as the wiring's, with which it
     * shares the JDK's classes, linked call sites and JIT-compiled code.
     */
    private HttpClient primingHttp;
    /** The whole enrichment path on loopback answers (read once, on the first priming round) and a table in memory. */
    private EnrichmentPriming wholePath;
    /**
     * Priming rounds that run the whole path: the first loads and links it (most of its worth; its tracking from the
     * carriers), the second runs it linked (its tracking from the cache). In 4 rounds priming took 3.9 s instead of
     * 2.7 s (cold-start benchmark, median of 3) and the first request's ratio stayed within the runs' noise (2.6x
     * against 2.1x); in all 8 rounds (before the whole path used the table's adapters) 4.1 s instead of 3.2 s, 2.5x
     * against 2.7x.
     */
    private static final int WHOLE_PATH_RUNS = 2;
    private int wholePathRuns;

    /** Used by the Lambda runtime. */
    public EnrichmentHandler() {
        this(EnrichmentWiring.fromEnvironment());
        priming = SnapStartPriming.register(EnrichmentHandler.class, this::prime);
    }

    /**
     * SnapStart priming: the look-up pool; the JDK HTTP client's request path ({@link HttpPriming}: a GET and a form
     * POST to a loopback server started for the purpose, which refuses both; nothing leaves the container, no
     * credential is read or sent, no upstream is called); then one enrichment request of the reserved seller through
     * the handler's own path (the SQS batch, the request's JSON, the ticket read). That seller has no ticket, so the
     * request ends "ticket not found": nothing is written, nothing is asked of Amazon or a carrier, nothing goes to the
     * DLQ. Last, a whole enrichment in memory ({@link EnrichmentPriming}: an order with a parcel at each carrier, from
     * loopback answers in the upstreams' formats, its secrets read and its ticket read and written through the real
     * Secrets Manager and DynamoDB adapters and SDK clients pointed at that loopback server), so that the first request
     * after a restore finds the order's and the carriers' parsing, the status mapping, flags, evidence, the secret
     * read, the ticket write with its inbox index and the item codec loaded, linked and compiled.
     */
    void prime() {
        ParallelLookups.prime();
        try {
            // a client built as the wiring builds the SP-API's and carriers' one (EnrichmentWiring.fromEnvironment)
            if (primingHttp == null) {
                primingHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            }
            HttpPriming.prime(primingHttp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("SnapStart HTTP priming interrupted", e);
        }
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId("snapstart-priming");
        record.setAttributes(java.util.Map.of("ApproximateReceiveCount", "1"));
        record.setBody(EnrichmentRequest.body(SnapStartPriming.RESERVED_SELLER, "taaaaaaaaaaaaaaaaaaaaaaaa",
                "302-0000000-0000000", "A1PA6795UKMFR9", EnrichmentRequest.Reason.TICKET_CREATED));
        SQSEvent event = new SQSEvent();
        event.setRecords(java.util.List.of(record));
        SQSBatchResponse response = handleRequest(event, null);
        if (response.getBatchItemFailures() != null && !response.getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("the priming enrichment request failed");
        }
        if (wholePathRuns >= WHOLE_PATH_RUNS) {
            return;
        }
        wholePathRuns++;
        try {
            if (wholePath == null) {
                wholePath = new EnrichmentPriming();
            }
            wholePath.run(primingHttp, Env.get("TRACKING_LINK_LOCALE").map(Locale::forLanguageTag).orElse(Locale.US));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("SnapStart enrichment priming interrupted", e);
        }
    }

    /**
     * What the whole-path priming's loopback server answered so far: the upstreams' requests ("METHOD /path" prefixes)
     * and the AWS operations ("POST / " and the operation's target); empty before priming. For the priming tests.
     */
    public Set<String> primingAnswered() {
        return wholePath == null ? Set.of() : wholePath.answered();
    }

    public EnrichmentHandler(EnrichmentWiring wiring) {
        this.service = wiring.service();
        this.maxReceives = wiring.maxReceives();
        DeadLetterSink deadLetters = wiring.deadLetters() != null ? wiring.deadLetters() : (record, reason, at) -> {
            throw new IllegalStateException("no enrichment DLQ is configured"); // left to the queue's redrive policy
        };
        this.batch = new SqsBatch("enrichment", deadLetters, wiring.clock(), maxReceives);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try {
            return batch.process(event, context, this::process);
        } finally {
            Metrics.flush(); // this invocation's own CloudWatch figures (template.yaml: OperationsDashboard)
        }
    }

    private SqsBatch.Outcome process(SQSEvent.SQSMessage record) {
        EnrichmentRequest request;
        try {
            request = EnrichmentRequest.parse(record.getBody());
        } catch (IllegalArgumentException malformed) {
            throw new PoisonMessageException(malformed.getMessage());
        }
        String reason;
        try {
            EnrichmentService.Result result = service.enrich(request);
            if (!result.retry()) {
                return SqsBatch.DONE;
            }
            reason = result.detail();
        } catch (RuntimeException e) {
            LOG.warn("enrichment messageId={} ticketId={} failed: {}", record.getMessageId(), request.ticketId(), e.toString());
            reason = "internal error (" + e.getClass().getSimpleName() + ")";
        }
        if (SqsBatch.receiveCount(record) >= maxReceives) {
            try {
                service.giveUp(request, reason);
            } catch (RuntimeException e) {
                LOG.error("enrichment messageId={} ticketId={} could not be marked FAILED: {}", record.getMessageId(),
                        request.ticketId(), e.toString());
            }
        }
        return new SqsBatch.Retry(reason);
    }
}
