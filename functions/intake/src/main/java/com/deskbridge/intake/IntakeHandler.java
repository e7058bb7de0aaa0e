package com.deskbridge.intake;

import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.adapters.sqs.SqsBatch;
import com.deskbridge.adapters.logging.Correlation;
import com.deskbridge.domain.port.EnrichmentTrigger;
import com.deskbridge.domain.ticket.Channel;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;

    /** Used by the Lambda runtime: builds the real adapters from the environment template.yaml sets. */
    public IntakeHandler() {
        this(IntakeWiring.Clients.fromEnvironment());
        priming = SnapStartPriming.register(IntakeHandler.class, this::prime);
    }

    /**
     * SnapStart priming: decodes a channel envelope and an inline raw e-mail (JSON, MIME, the relay mail parser) of the
     * reserved seller. Nothing is stored: storing would start an SLA clock nobody answers.
     */
    void prime() {
        String seller = SnapStartPriming.RESERVED_SELLER;
        decoder.decode("{\"version\":1,\"type\":\"channel-message\",\"channel\":\"ebay\",\"sellerId\":\"" + seller
                + "\",\"externalMessageId\":\"priming-1\",\"threadKey\":\"priming\",\"orderId\":\"12-34567-89012\","
                + "\"sender\":{\"address\":\"priming_buyer\",\"displayName\":\"Priming\"},\"subject\":\"Where is my order?\","
                + "\"body\":\"Where is my order?\",\"receivedAt\":\"2026-01-01T00:00:00Z\"}", clock.instant());
        decoder.decode("{\"version\":1,\"type\":\"raw-mime\",\"sellerId\":\"" + seller + "\",\"mimeBase64\":\"RnJvbTogIlNuYXBzdGFydCBQcmltaW5nIC0gQW1hem9uIE1hcmtldHBsYWNlIiA8c25hcHN0YXJ0cHJpbWluZ0BtYXJrZXRwbGFjZS5hbWF6b24uZGU+DQpUbzogc25hcHN0YXJ0LXByaW1pbmdAaW5ib3VuZC5kZXNrYnJpZGdlLmV4YW1wbGUNClN1YmplY3Q6ID0/VVRGLTg/UT9Xb19ibGVpYnRfbWVpbmVfQmVzdGVsbHVuZz0zRj89DQpEYXRlOiBUaHUsIDAxIEphbiAyMDI2IDAwOjAwOjAwICswMDAwDQpNZXNzYWdlLUlEOiA8c25hcHN0YXJ0LXByaW1pbmdAZW1haWwuYW1hem9uc2VzLmNvbT4NCk1JTUUtVmVyc2lvbjogMS4wDQpDb250ZW50LVR5cGU6IHRleHQvcGxhaW47IGNoYXJzZXQ9VVRGLTgNCkNvbnRlbnQtVHJhbnNmZXItRW5jb2Rpbmc6IHF1b3RlZC1wcmludGFibGUNCg0KR3V0ZW4gVGFnLCB3YW5uIGtvbW10IG1laW4gUGFrZXQgYW4/IEdyPUMzPUJDPUMzPTlGZQ0K\"}",
                clock.instant());
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
        // the batch's context requests, by SQS message id: sent together at its end
        Map<String, List<EnrichmentTrigger.Request>> contextRequests = new LinkedHashMap<>();
        SQSBatchResponse response = batch.process(mine, context, record -> process(record, contextRequests));
        return withFailures(withContextRequested(response, contextRequests), notForwarded);
    }

    /**
     * Hands the batch's context requests over together. If that fails, the messages that asked are delivered again:
     * storing them is then a no-op and they ask again, so no ticket goes without its context.
     */
    private SQSBatchResponse withContextRequested(SQSBatchResponse response,
                                                  Map<String, List<EnrichmentTrigger.Request>> contextRequests) {
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

    private SqsBatch.Outcome process(SQSEvent.SQSMessage record, Map<String, List<EnrichmentTrigger.Request>> contextRequests) {
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
        for (InboundMessage message : messages) {
            IntakeService.Result result = intake.accept(message);
            LOG.info("intake messageId={} ticketId={} messageKey={} channel={} duplicate={}", record.getMessageId(),
                    result.ticketId(), result.messageKey(), message.channel().wireName(), result.duplicate());
            if (message.orderId() != null) {
                // The order is known: fetch its context. Also for a redelivered message, whose first delivery may
                // have failed right here (asking twice is harmless: enrichment is idempotent).
                // Only Amazon's marketplace ids mean something to SP-API; another channel's order can still be an
                // MCF order (Amazon fulfils it), looked up by its id in the seller's home region.
                contextRequests.computeIfAbsent(record.getMessageId(), id -> new ArrayList<>()).add(
                        new EnrichmentTrigger.Request(message.seller(), result.ticketId(), message.orderId(),
                                message.channel() == Channel.AMAZON ? message.marketplaceId() : null,
                                EnrichmentTrigger.Reason.ORDER_KNOWN, Correlation.current().orElse(null)));
            }
            if (!result.duplicate()) {
                autoReply(message, result);
            }
        }
        return SqsBatch.DONE;
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

    private Instant sentAt(SQSEvent.SQSMessage record) {
        return QueuedAt.of(record, forwarded, clock.instant());
    }
}
