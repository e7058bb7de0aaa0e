package com.deskbridge.enrichment;

import com.deskbridge.logistics.ProactiveFlag;
import java.time.Instant;
import java.util.Objects;

/**
 * A domain event raised when a shipment newly carries a proactive flag (issue 4): published on the bus with source
 * {@value #SOURCE} and a detail-type per flag. Kept in the ticket's outbox until the bus accepted it, so a failed
 * publication never loses the flag. {@code eventId} is stable across retries (consumers de-duplicate on it).
 */
public record LogisticsEvent(String eventId, ProactiveFlag flag, String sellerId, String ticketId, String orderId,
                             String carrier, String trackingNumber, String status, Instant occurredAt) {

    public static final String SOURCE = "deskbridge.logistics";

    public LogisticsEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** ShipmentDelayed, ShipmentException, ShipmentLost, ShipmentReturnedToSender. */
    public String detailType() {
        return detailType(flag);
    }

    public static String detailType(ProactiveFlag flag) {
        return switch (flag) {
            case DELAYED -> "ShipmentDelayed";
            case EXCEPTION -> "ShipmentException";
            case LOST -> "ShipmentLost";
            case RETURNED_TO_SENDER -> "ShipmentReturnedToSender";
        };
    }
}
