package com.deskbridge.enrichment;

import com.deskbridge.domain.sla.Priority;
import com.deskbridge.logistics.ProactiveFlag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * What writing a new context onto a ticket does, as pure rules every {@link TicketEnrichmentStore} applies: a result
 * older than the ticket's is stale; each (shipment, flag) that is new raises one event into the outbox; flags raise
 * the priority (LOST to URGENT, the others to HIGH) and never lower it.
 */
public final class EnrichmentWrite {

    private EnrichmentWrite() {
    }

    /**
     * The write's effect. {@code raised}: the events new in this write; {@code outbox}: the outbox after it (events
     * already waiting first); {@code priority}: the ticket's priority after it (null: the ticket has none and gets none).
     */
    public record Plan(boolean stale, List<LogisticsEvent> raised, Priority priority, List<LogisticsEvent> outbox) {
        public Plan {
            raised = List.copyOf(raised);
            outbox = List.copyOf(outbox);
        }
    }

    /** The effect of writing {@code next} onto a ticket holding {@code current}, {@code priority} and {@code outbox}. */
    public static Plan plan(String sellerId, String ticketId, TicketEnrichment current, Priority priority,
                            List<LogisticsEvent> outbox, TicketEnrichment next) {
        if (current != null && next.updatedAt().isBefore(current.updatedAt())) {
            return new Plan(true, List.of(), priority, outbox);
        }
        List<LogisticsEvent> raised = newlyRaised(sellerId, ticketId, current, next);
        Priority wanted = wantedPriority(next.flags());
        Priority base = priority == null ? Priority.NORMAL : priority;
        List<LogisticsEvent> after = new ArrayList<>(outbox);
        Set<String> ids = new HashSet<>();
        outbox.forEach(e -> ids.add(e.eventId()));
        raised.stream().filter(e -> ids.add(e.eventId())).forEach(after::add);
        return new Plan(false, raised, wanted == null ? priority : base.max(wanted), after);
    }

    /** The priority a set of flags calls for; null when there is no flag. */
    static Priority wantedPriority(Set<ProactiveFlag> flags) {
        if (flags.contains(ProactiveFlag.LOST)) {
            return Priority.URGENT;
        }
        return flags.isEmpty() ? null : Priority.HIGH;
    }

    /** One event per (shipment, flag) present in {@code next} but not in {@code previous}. */
    static List<LogisticsEvent> newlyRaised(String sellerId, String ticketId, TicketEnrichment previous,
                                            TicketEnrichment next) {
        Set<String> before = new HashSet<>();
        if (previous != null) {
            previous.shipments().forEach(s -> s.flags().forEach(f -> before.add(s.carrier() + "|" + s.trackingNumber() + "|" + f)));
        }
        List<LogisticsEvent> events = new ArrayList<>();
        for (TicketEnrichment.ShipmentView s : next.shipments()) {
            for (ProactiveFlag f : s.flags().stream().sorted().toList()) {
                String k = s.carrier() + "|" + s.trackingNumber() + "|" + f;
                if (!before.contains(k)) {
                    events.add(new LogisticsEvent(eventId(sellerId, ticketId, k, next), f, sellerId, ticketId,
                            next.orderId(), s.carrier(), s.trackingNumber(), s.status(), next.updatedAt()));
                }
            }
        }
        return events;
    }

    private static String eventId(String sellerId, String ticketId, String shipmentFlag, TicketEnrichment next) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((sellerId + "|" + ticketId + "|" + shipmentFlag + "|"
                    + next.updatedAt()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
