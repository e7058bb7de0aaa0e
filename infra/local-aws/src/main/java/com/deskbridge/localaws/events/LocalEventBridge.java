package com.deskbridge.localaws.events;

import com.deskbridge.localaws.DaemonThreads;
import com.deskbridge.localaws.template.IntrinsicResolver;
import com.deskbridge.localaws.template.RuleSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The EventBridge semantics of PutEvents: per-entry validation (ErrorCode / ErrorMessage, FailedEntryCount),
 * wrapping each entry in the EventBridge envelope, matching it against its bus's rules and delivering it to the
 * rule targets asynchronously.
 */
public final class LocalEventBridge implements AutoCloseable {
    /** Largest PutEvents request EventBridge accepts, in bytes. */
    public static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EventRouter router;
    private final TargetDispatcher dispatcher;
    private final String region;
    private final PrintStream log;
    private final ExecutorService deliveries = Executors.newFixedThreadPool(2, new DaemonThreads("local-events"));

    /**
     * @param router rule matching
     * @param dispatcher target delivery
     * @param region region for the envelope
     * @param log where delivery problems go
     */
    public LocalEventBridge(EventRouter router, TargetDispatcher dispatcher, String region, PrintStream log) {
        this.router = router;
        this.dispatcher = dispatcher;
        this.region = region;
        this.log = log;
    }

    /**
     * Handles a PutEvents request body.
     *
     * @param request the JSON request ({@code Entries})
     * @return the JSON response ({@code FailedEntryCount}, {@code Entries})
     * @throws IllegalArgumentException for request-level validation errors (message is EventBridge's)
     */
    public ObjectNode putEvents(JsonNode request) {
        JsonNode entries = request.path("Entries");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > 10) {
            throw new IllegalArgumentException("1 validation error detected: Value at 'entries' failed to satisfy"
                    + " constraint: Member must have length between 1 and 10");
        }
        ObjectNode response = MAPPER.createObjectNode();
        ArrayNode results = response.putArray("Entries");
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            String error = validate(entry, result);
            if (error != null) {
                failed++;
                continue;
            }
            String bus = busName(entry);
            ObjectNode envelope = envelope(entry);
            result.put("EventId", envelope.get("id").asText());
            List<RuleSpec> matches = router.match(bus, envelope);
            for (RuleSpec rule : matches) {
                for (RuleSpec.Target target : rule.targets()) {
                    deliveries.submit(() -> dispatcher.deliverQuietly(rule.id(), target, envelope));
                }
            }
        }
        response.put("FailedEntryCount", failed);
        return response;
    }

    private String validate(JsonNode entry, ObjectNode result) {
        for (String field : List.of("Source", "DetailType", "Detail")) {
            if (!entry.hasNonNull(field) || entry.get(field).asText().isBlank()) {
                return fail(result, "InvalidArgument",
                        "Parameter " + field + " is not valid. Reason: " + field + " is a required argument.");
            }
        }
        if (entry.get("Source").asText().startsWith("aws.")) {
            return fail(result, "NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        try {
            JsonNode detail = MAPPER.readTree(entry.get("Detail").asText());
            if (detail == null || !detail.isObject()) {
                return fail(result, "MalformedDetail", "Detail is malformed.");
            }
        } catch (Exception e) {
            return fail(result, "MalformedDetail", "Detail is malformed.");
        }
        String bus = busName(entry);
        if (!router.hasBus(bus)) {
            return fail(result, "ResourceNotFoundException", "Event bus " + bus + " does not exist.");
        }
        return null;
    }

    private static String fail(ObjectNode result, String code, String message) {
        result.put("ErrorCode", code);
        result.put("ErrorMessage", message);
        return code;
    }

    private static String busName(JsonNode entry) {
        String bus = entry.path("EventBusName").asText("");
        if (bus.isEmpty()) {
            return "default";
        }
        int slash = bus.lastIndexOf("event-bus/");
        return bus.startsWith("arn:") && slash >= 0 ? bus.substring(slash + "event-bus/".length()) : bus;
    }

    private ObjectNode envelope(JsonNode entry) {
        Instant time = Instant.now();
        JsonNode t = entry.get("Time");
        if (t != null && t.isNumber()) {
            time = Instant.ofEpochMilli((long) (t.asDouble() * 1000));
        } else if (t != null && t.isTextual()) {
            time = Instant.parse(t.asText());
        }
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("detail-type", entry.get("DetailType").asText());
        envelope.put("source", entry.get("Source").asText());
        envelope.put("account", IntrinsicResolver.ACCOUNT_ID);
        envelope.put("time", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)));
        envelope.put("region", region);
        ArrayNode resources = envelope.putArray("resources");
        entry.path("Resources").forEach(r -> resources.add(r.asText()));
        try {
            envelope.set("detail", MAPPER.readTree(entry.get("Detail").asText()));
        } catch (Exception e) {
            throw new IllegalStateException("detail was validated", e);
        }
        return envelope;
    }

    @Override
    public void close() {
        deliveries.shutdown();
        try {
            if (!deliveries.awaitTermination(5, TimeUnit.SECONDS)) {
                log.println("[local-aws] event deliveries still running at shutdown; abandoning them");
                deliveries.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deliveries.shutdownNow();
        }
    }
}
