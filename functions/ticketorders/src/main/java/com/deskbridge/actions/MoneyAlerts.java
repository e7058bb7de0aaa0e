package com.deskbridge.actions;

import com.deskbridge.adapters.logging.SecurityEvents;
import com.deskbridge.http.Quota;
import com.deskbridge.quota.QuotaCounters;
import com.deskbridge.quota.WindowQuota;
import com.deskbridge.orderactions.RefundControls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unusual refund patterns as security events ({@link SecurityEvents}: a searchable JSON log line that is also a
 * CloudWatch metric; template.yaml alarms on each): one agent refunding more than the seller's {@code alertPerHour}
 * within a clock hour ({@value #REFUND_BURST}, counted for every container with a {@link WindowQuota}),
 * a refund within {@link #ADDRESS_CHANGE_WINDOW} of a change of the order's ship-to ({@value #ADDRESS_CHANGE}, see
 * {@link ShipToWatch}), and refunds refused by the daily cap ({@value #CAP_EXCEEDED}). The events name seller, agent,
 * ticket, order and action ids and amounts, never buyer text or addresses. They never block a refund: the cap and the
 * approval step do that.
 */
public final class MoneyAlerts {
    public static final String REFUND_BURST = "RefundBurst";
    public static final String ADDRESS_CHANGE = "RefundAfterAddressChange";
    public static final String CAP_EXCEEDED = "RefundCapExceeded";
    /** How soon after an address change a refund is worth a look. */
    public static final Duration ADDRESS_CHANGE_WINDOW = Duration.ofHours(48);

    /** Alerts that count nothing and say nothing (tests of other parts, the actions function). */
    public static final MoneyAlerts NONE = new MoneyAlerts(null, null, null);

    private final SecurityEvents events;
    private final QuotaCounters counters;
    private final Clock clock;

    public MoneyAlerts(SecurityEvents events, QuotaCounters counters, Clock clock) {
        this.events = events;
        this.counters = counters;
        this.clock = clock;
    }

    /** After a refund was recorded: the burst count of its agent, and how recently its order's ship-to changed. */
    void refundRecorded(OrderAction refund, RefundControls controls, Optional<Instant> shipToChangedAt) {
        if (events == null) {
            return;
        }
        Quota hour = new WindowQuota(counters, clock, "refund-alert#hour#" + refund.sellerId() + "#" + refund.agentId(),
                controls.alertPerHour(), Duration.ofHours(1));
        if (hour.take() instanceof Quota.Denied) {
            Map<String, String> d = details(refund);
            d.put("limit", Integer.toString(controls.alertPerHour()));
            d.put("window", "PT1H");
            events.record(REFUND_BURST, d);
        }
        shipToChangedAt.filter(at -> !at.isBefore(refund.requestedAt().minus(ADDRESS_CHANGE_WINDOW))).ifPresent(at -> {
            Map<String, String> d = details(refund);
            d.put("shipToChangedAt", at.toString());
            events.record(ADDRESS_CHANGE, d);
        });
    }

    /** A refund the agent's daily cap refused. */
    void capExceeded(String sellerId, String ticketId, String agentId, String orderId, String amount, String currency) {
        if (events == null) {
            return;
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("sellerId", sellerId);
        d.put("agentId", agentId);
        d.put("ticketId", ticketId);
        d.put("orderId", orderId);
        d.put("amount", amount);
        d.put("currency", currency);
        events.record(CAP_EXCEEDED, d);
    }

    private static Map<String, String> details(OrderAction refund) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("sellerId", refund.sellerId());
        d.put("agentId", refund.agentId());
        d.put("ticketId", refund.ticketId());
        d.put("orderId", refund.orderId());
        d.put("actionId", refund.actionId());
        d.put("amount", refund.amount());
        d.put("currency", refund.currency());
        return d;
    }
}
