package com.deskbridge.intake;

import com.deskbridge.adapters.aws.PrimingWrites;
import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.adapters.sqs.SqsBatch;
import com.deskbridge.domain.port.EnrichmentTrigger;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.adapters.logging.SecurityEvents;
import com.deskbridge.domain.intake.IntakeService;
import com.deskbridge.domain.ticket.InboundMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for the intake queue (template.yaml: IntakeFunction). Each record is decoded and handed to
 * {@link IntakeService} under the one SQS batch policy ({@link SqsBatch}): poison records (a
 * {@link com.deskbridge.adapters.sqs.PoisonMessageException} from the decoder or the mail adapter) go to the DLQ with
 * their reason; records that fail for a transient reason are reported back as batch item failures
 * (ReportBatchItemFailures) so that only they are retried; nothing one record does reaches the others. In front of
 * that, a seller's messages beyond its share of the shared queue go to the overflow queue ({@link FloodGate}), which
 * {@link IntakeOverflowHandler} drains.
 */
public final class IntakeHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeHandler.class);

    static {
        JsonLogging.install();
    }

    private final IntakeMessageDecoder decoder;
    private final IntakeService intake;
    private final AutoReplies autoReplies;
    private final EnrichmentTrigger enrichment;
    private final SqsBatch batch;
    private final FloodGate flood;
    private final boolean forwarded;
    private final SecurityEvents events;
    private final Clock clock;

    /** A channel envelope and an inline relay e-mail of the reserved seller: the messages priming takes in. */
    private static final List<String> PRIMING_BODIES = List.of("{\"version\":1,\"type\":\"channel-message\","
            + "\"channel\":\"ebay\",\"sellerId\":\"" + SnapStartPriming.RESERVED_SELLER + "\",\"externalMessageId\":"
            + "\"priming-1\",\"threadKey\":\"priming\",\"orderId\":\"12-34567-89012\",\"sender\":{\"address\":"
            + "\"priming_buyer\",\"displayName\":\"Priming\"},\"subject\":\"Where is my order?\","
            + "\"body\":\"Where is my order?\",\"receivedAt\":\"2026-01-01T00:00:00Z\"}",
            "{\"version\":1,\"type\":\"raw-mime\",\"sellerId\":\"" + SnapStartPriming.RESERVED_SELLER
            + "\",\"mimeBase64\":\"RnJvbTogIlNuYXBzdGFydCBQcmltaW5nIC0gQW1hem9uIE1hcmtldHBsYWNlIiA8c25hcHN0YXJ0cHJpbWluZ0BtYXJrZXRwbGFjZS5hbWF6b24uZGU+DQpUbzogc25hcHN0YXJ0LXByaW1pbmdAaW5ib3VuZC5kZXNrYnJpZGdlLmV4YW1wbGUNClN1YmplY3Q6ID0/VVRGLTg/UT9Xb19ibGVpYnRfbWVpbmVfQmVzdGVsbHVuZz0zRj89DQpEYXRlOiBUaHUsIDAxIEphbiAyMDI2IDAwOjAwOjAwICswMDAwDQpNZXNzYWdlLUlEOiA8c25hcHN0YXJ0LXByaW1pbmdAZW1haWwuYW1hem9uc2VzLmNvbT4NCk1JTUUtVmVyc2lvbjogMS4wDQpDb250ZW50LVR5cGU6IHRleHQvcGxhaW47IGNoYXJzZXQ9VVRGLTgNCkNvbnRlbnQtVHJhbnNmZXItRW5jb2Rpbmc6IHF1b3RlZC1wcmludGFibGUNCg0KR3V0ZW4gVGFnLCB3YW5uIGtvbW10IG1laW4gUGFrZXQgYW4/IEdyPUMzPUJDPUMzPTlGZQ0K\"}");

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;
    /** Refuses the clients' writes while priming runs the real request path; null when built by tests (triage only). */
    private PrimingWrites writes;

    /** Used by the Lambda runtime: builds the real adapters from the environment template.yaml sets. */
    public IntakeHandler() {
        this(new PrimingWrites());
    }

    private IntakeHandler(PrimingWrites writes) {
        this(IntakeWiring.Clients.fromEnvironment().refusingWritesDuring(writes));
        this.writes = writes;
        priming = SnapStartPriming.register(IntakeHandler.class, this::prime, SnapStartPriming.WRITE_PATH_ROUNDS);
    }

    /** The overflow function's handler: {@code wiring}'s clients refuse writes while {@code writes} runs priming. */
    IntakeHandler(IntakeWiring wiring, IntakeGuards guards, PrimingWrites writes) {
        this(wiring, guards);
        this.writes = writes;
    }

    /**
     * SnapStart priming: decodes a channel envelope and an inline raw e-mail (JSON, MIME, the relay mail parser) of the
     * reserved seller and triages both as intake would before storing them (language detection, the intent model, the
     * seller's tag rules and SLA policy, read and found absent). Then, with every write of the handler's clients
     * refused ({@link PrimingWrites}), the same two messages as one queued batch through the whole request: the flood
     * gate's count, the store's consistent read of the ticket and its inbox state, the one transaction of message,
     * ticket, inbox views and activity marker (DynamoDB cancels it, so the store takes the message for one stored
     * before) and the hand-over of the order's context (to no queue). Nothing is stored: storing would start an SLA
     * clock nobody answers.
     */
    void prime() {
        List<InboundMessage> decoded = new java.util.ArrayList<>();
        for (String body : PRIMING_BODIES) {
            decoded.addAll(decoder.decode(body, clock.instant()));
        }
        decoded.forEach(intake::triage);
        if (writes != null) {
            writes.during(() -> handleRequest(primingBatch(), null));
        }
    }

    /** The priming messages as the intake queue delivers them. */
    private static SQSEvent primingBatch() {
        List<SQSEvent.SQSMessage> records = new java.util.ArrayList<>();
        for (String body : PRIMING_BODIES) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId("snapstart-priming-" + records.size());
            record.setBody(body);
            record.setAttributes(Map.of("ApproximateReceiveCount", "1", "SentTimestamp", "1767225600000"));
            record.setEventSource("aws:sqs");
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private IntakeHandler(IntakeWiring.Clients clients) {
        this(IntakeWiring.fromEnvironment(clients), IntakeGuards.fromEnvironment(clients));
    }

    /** With the given collaborators and no S3 notification trusted (tests of channel envelopes). */
    public IntakeHandler(IntakeWiring wiring) {
        this(wiring, IntakeGuards.NONE);
    }

    /** With the given collaborators and guards (tests, benchmarks). */
    public IntakeHandler(IntakeWiring wiring, IntakeGuards guards) {
        this.decoder = guards.rawMailBucket() == null ? wiring.decoder() : wiring.decoder().pinnedTo(guards.rawMailBucket());
        this.intake = wiring.intake();
        this.autoReplies = wiring.autoReplies();
        this.enrichment = wiring.enrichment();
        this.batch = new SqsBatch(guards.forwarded() ? "intake-overflow" : "intake", wiring.deadLetters(), wiring.clock(),
                guards.maxReceives());
        this.flood = guards.flood();
        this.forwarded = guards.forwarded();
        this.events = guards.events();
        this.clock = wiring.clock();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        SQSEvent mine = event;
        Set<String> notForwarded = Set.of();
        if (flood != null && event != null && event.getRecords() != null && !event.getRecords().isEmpty()) {
            // a seller over its share goes to the overflow queue before anything else is done for it
            FloodGate.Split split = flood.split(event.getRecords(), decoder::tenantOf);
            mine = new SQSEvent();
            mine.setRecords(split.kept());
            notForwarded = split.notForwarded();
        }
        IntakeBatch accepted = new IntakeBatch(intake, autoReplies, enrichment);
        SQSBatchResponse response = batch.process(mine, context, record -> process(record, accepted));
        return accepted.finish(response, notForwarded);
    }

    private SqsBatch.Outcome process(SQSEvent.SQSMessage record, IntakeBatch accepted) {
        List<InboundMessage> messages;
        try {
            messages = decoder.decode(record.getBody(), sentAt(record));
        } catch (RelayMailRefused refused) {
            events.record(SecurityEvents.RELAY_MAIL_REFUSED, Map.of("sellerId", refused.seller().value(),
                    "messageId", String.valueOf(record.getMessageId()), "limit", refused.limit(),
                    "reason", refused.getMessage()));
            throw refused;
        }
        if (messages.isEmpty()) {
            LOG.info("intake messageId={} carries no buyer message (S3 test event or deletion notice)",
                    record.getMessageId());
        }
        accepted.accept(record.getMessageId(), messages);
        return SqsBatch.DONE;
    }

    private Instant sentAt(SQSEvent.SQSMessage record) {
        return QueuedAt.of(record, forwarded, clock.instant());
    }
}
