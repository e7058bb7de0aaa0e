package com.deskbridge.adapters.logging;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The correlation id that follows one buyer message from the intake queue to its ticket, the enrichment request, the
 * agent's reply and the seller's actions (issue 14, Operations). It is held per thread (and mirrored into the SLF4J MDC under {@value #MDC_KEY})
 * while one record or request is handled, and {@link JsonLogging} writes it into every log line of that work. It
 * travels between functions as the SQS message attribute {@value #ATTRIBUTE}
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html) and is stored
 * on the ticket (attribute {@value #TICKET_ATTRIBUTE}), so API requests on that ticket log under it too.
 *
 * <p>Ids are opaque and short; anything else (too long, characters outside {@code [A-Za-z0-9._:-]}) is not taken,
 * so a message cannot write into the log line through its attribute.
 */
public final class Correlation {
    public static final String MDC_KEY = "correlationId";
    public static final String ATTRIBUTE = "deskbridge-correlation-id";
    public static final String TICKET_ATTRIBUTE = "correlationId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** The id itself: whatever SLF4J binds to (the NOP provider's MDC keeps nothing), JsonLogging reads it here. */
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Correlation() {
    }

    /** Begins work under {@code id} (replacing any id still set); a blank or invalid id clears it. */
    public static void begin(String id) {
        if (valid(id)) {
            CURRENT.set(id);
            MDC.put(MDC_KEY, id); // for an SLF4J back end with its own layout
        } else {
            clear();
        }
    }

    /** Ends the work: the next record or request starts without an id. */
    public static void clear() {
        CURRENT.remove();
        MDC.remove(MDC_KEY);
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static boolean valid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /**
     * The id a queued message carries: its {@value #ATTRIBUTE} attribute (set by the function that sent it), else the
     * message's own id (a message that starts a chain, like a buyer's message on the intake queue).
     */
    public static String of(String messageId, Map<String, String> attributes) {
        String carried = attributes == null ? null : attributes.get(ATTRIBUTE);
        return valid(carried) ? carried : messageId;
    }

    /** The message attributes to send so the receiving function logs under the current id (empty when none is set). */
    public static Map<String, MessageAttributeValue> attributes() {
        return attributes(CURRENT.get());
    }

    public static Map<String, MessageAttributeValue> attributes(String id) {
        return valid(id) ? Map.of(ATTRIBUTE, MessageAttributeValue.builder().dataType("String").stringValue(id).build())
                : Map.of();
    }

    /**
     * Runs a scheduled invocation (no message to carry an id) under its own id: Lambda's request id, or a new one
     * where there is no context (local schedules, tests); cleared afterwards.
     */
    public static <T> T invocation(com.amazonaws.services.lambda.runtime.Context context, java.util.function.Supplier<T> work) {
        begin(context != null && valid(context.getAwsRequestId()) ? context.getAwsRequestId()
                : "invocation-" + java.util.UUID.randomUUID());
        try {
            return work.get();
        } finally {
            clear();
        }
    }

    /** {@code task} for another thread, running under the id current here (threads do not share the MDC). */
    public static <T> Callable<T> carried(Callable<T> task) {
        String id = CURRENT.get();
        return () -> {
            String before = CURRENT.get();
            begin(id);
            try {
                return task.call();
            } finally {
                begin(before);
            }
        };
    }
}
