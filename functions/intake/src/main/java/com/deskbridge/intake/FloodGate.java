package com.deskbridge.intake;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import com.deskbridge.adapters.logging.SecurityEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one seller's flood off the intake path every seller shares (issue 12, per-tenant fairness). Each seller may
 * put {@code sharePerMinute} messages a minute through the intake queue (counted across all containers,
 * {@link TenantShares}); what a seller sends beyond that in a batch is forwarded, unchanged, to the overflow queue,
 * which its own function drains at a low, fixed concurrency. Forwarding costs one SendMessageBatch per ten messages
 * where handling costs a transaction, triage and more, so a flood moves through the shared queue many times faster
 * and the other sellers' messages behind it wait correspondingly less; the flooding seller's messages all still
 * become tickets, later. Records whose seller cannot be told (not JSON, no seller) are not counted: they go their
 * usual way and are refused there.
 *
 * <p>In AWS, SQS fair queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-fair-queues.html)
 * add the same protection inside the queue when channel integrations send with {@code MessageGroupId} = seller id;
 * S3 notifications cannot set it, so this gate is what covers relay mail.
 */
public final class FloodGate {
    private static final Logger LOG = LoggerFactory.getLogger(FloodGate.class);
    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** What stays, and which records could be neither kept nor forwarded (to be delivered again). */
    record Split(List<SQSEvent.SQSMessage> kept, Set<String> notForwarded) {
    }

    private final TenantShares shares;
    private final OverflowQueue overflow;
    private final int sharePerMinute;
    private final SecurityEvents events;
    private final Clock clock;
    /** Sellers this container saw over their share, and the window: the count only grows within it. */
    private final Map<String, Instant> overIn = new java.util.concurrent.ConcurrentHashMap<>();

    FloodGate(TenantShares shares, OverflowQueue overflow, int sharePerMinute, SecurityEvents events, Clock clock) {
        if (sharePerMinute < 1) {
            throw new IllegalArgumentException("a seller's share must be at least one message a minute");
        }
        this.shares = Objects.requireNonNull(shares);
        this.overflow = Objects.requireNonNull(overflow);
        this.sharePerMinute = sharePerMinute;
        this.events = Objects.requireNonNull(events);
        this.clock = Objects.requireNonNull(clock);
    }

    /** @param tenantOf the seller a record is for, or null when its body does not say */
    Split split(List<SQSEvent.SQSMessage> records, Function<String, String> tenantOf) {
        Map<String, List<SQSEvent.SQSMessage>> bySeller = new LinkedHashMap<>();
        for (SQSEvent.SQSMessage record : records) {
            String seller = tenantOf.apply(record.getBody());
            if (seller != null) {
                bySeller.computeIfAbsent(seller, s -> new ArrayList<>()).add(record);
            }
        }
        Instant now = clock.instant();
        Instant window = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), WINDOW.toMillis()) * WINDOW.toMillis());
        overIn.values().removeIf(w -> !w.equals(window)); // a new window: everybody counts again
        Set<SQSEvent.SQSMessage> over = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Map.Entry<String, List<SQSEvent.SQSMessage>> e : bySeller.entrySet()) {
            List<SQSEvent.SQSMessage> mine = e.getValue();
            int admitted;
            if (window.equals(overIn.get(e.getKey()))) {
                admitted = 0; // over its share in this window already: no need to count
            } else {
                try {
                    admitted = shares.admit(e.getKey(), mine.size(), sharePerMinute, window);
                } catch (RuntimeException unavailable) {
                    LOG.warn("intake share of seller {} unknown, its messages go their usual way: {}", e.getKey(),
                            unavailable.toString());
                    admitted = mine.size(); // the gate failing must not stop intake
                }
            }
            if (admitted < mine.size()) {
                if (overIn.put(e.getKey(), window) == null) { // once per seller and window in this container
                    events.record(SecurityEvents.INTAKE_FLOOD, Map.of("sellerId", e.getKey(),
                            "sharePerMinute", Integer.toString(sharePerMinute)));
                }
                over.addAll(mine.subList(admitted, mine.size()));
                LOG.info("intake sellerId={} over its share of {} a minute: {} message(s) to the overflow queue",
                        e.getKey(), sharePerMinute, mine.size() - admitted);
            }
        }
        if (over.isEmpty()) {
            return new Split(records, Set.of());
        }
        List<SQSEvent.SQSMessage> forwarding = records.stream().filter(over::contains).toList();
        Set<String> failed = overflow.forward(forwarding);
        List<SQSEvent.SQSMessage> kept = records.stream().filter(r -> !over.contains(r)).toList();
        return new Split(kept, failed);
    }
}
