package com.deskbridge.carriers;

import static com.deskbridge.carriers.Texts.any;

import com.deskbridge.logistics.IncidentReason;
import com.deskbridge.logistics.MappedStatus;
import com.deskbridge.logistics.TrackingStatus;
import java.util.Locale;

/**
 * USPS v3 {@code statusCategory} (Pre-Shipment, Accepted, In Transit, Out for Delivery, Delivered, Alert,
 * Available for Pickup; https://github.com/USPS/api-examples, exact enum UNCONFIRMED) to our taxonomy; an Alert is an attempt when
 * the text says a notice was left or access failed, else an exception. Events carry no category, so
 * {@link #event} reads the event code and text.
 */
final class UspsStatusMap {

    private UspsStatusMap() {
    }

    static MappedStatus map(String category, String text) {
        boolean rts = Texts.returnToSender(text);
        IncidentReason incident = Texts.incident(text);
        return switch (category == null ? "" : category.trim().toLowerCase(Locale.ROOT)) {
            case "pre-shipment" -> new MappedStatus(TrackingStatus.INFO_RECEIVED, false, null);
            case "accepted", "in transit" -> new MappedStatus(TrackingStatus.IN_TRANSIT, rts, incident);
            case "out for delivery" -> new MappedStatus(TrackingStatus.OUT_FOR_DELIVERY, rts, incident);
            case "delivered" -> new MappedStatus(TrackingStatus.DELIVERED, false, null);
            case "available for pickup" -> new MappedStatus(TrackingStatus.AVAILABLE_FOR_PICKUP, rts, incident);
            case "alert" -> !rts && any(text, "notice left", "no access", "receptacle full", "attempted", "no authorized recipient")
                    ? new MappedStatus(TrackingStatus.ATTEMPT_FAIL, false, incident == null ? IncidentReason.CONSIGNEE_NOT_HOME : incident)
                    : new MappedStatus(TrackingStatus.EXCEPTION, rts, incident);
            default -> new MappedStatus(TrackingStatus.PENDING, rts, incident);
        };
    }

    /** One tracking event from its {@code eventCode} and {@code eventType} text. */
    static MappedStatus event(String eventCode, String eventType) {
        String code = eventCode == null ? "" : eventCode.trim().toUpperCase(Locale.ROOT);
        if (code.equals("01") || (any(eventType, "delivered") && !any(eventType, "undelivered", "not delivered"))) {
            return map("Delivered", eventType);
        }
        if (code.equals("OF") || any(eventType, "out for delivery")) {
            return map("Out for Delivery", eventType);
        }
        if (code.equals("02") || any(eventType, "notice left", "delivery attempted")) {
            return map("Alert", eventType);
        }
        if (any(eventType, "available for pickup")) {
            return map("Available for Pickup", eventType);
        }
        if (Texts.returnToSender(eventType) || any(eventType, "alert", "undeliverable")) {
            return map("Alert", eventType);
        }
        if (code.equals("GX") || code.equals("MA") || any(eventType, "label created", "pre-shipment", "awaiting item")) {
            return map("Pre-Shipment", eventType);
        }
        return map("In Transit", eventType);
    }
}
