package com.deskbridge.carriers;

import com.deskbridge.logistics.IncidentReason;
import com.deskbridge.logistics.MappedStatus;
import com.deskbridge.logistics.TrackingStatus;
import java.util.Locale;

/**
 * FedEx {@code latestStatusDetail.code}/{@code derivedCode} and scan event types (https://developer.fedex.com/api/en-us/guides/api-reference.html#trackingstatuscodes: OC, PU, IT,
 * AR, DP, OD, DL, DE, SE, CD, HA, CA) to our taxonomy, plus RS (return to shipper), HL (hold at location) and DY/DD
 * (delay). An unknown code means the parcel moved somewhere we have no name for: InTransit.
 */
final class FedexStatusMap {

    private FedexStatusMap() {
    }

    static MappedStatus map(String code, String text) {
        boolean rts = Texts.returnToSender(text);
        IncidentReason incident = Texts.incident(text);
        return switch (code == null ? "" : code.trim().toUpperCase(Locale.ROOT)) {
            case "OC" -> new MappedStatus(TrackingStatus.INFO_RECEIVED, false, null);
            case "PU", "IT", "AR", "DP" -> new MappedStatus(TrackingStatus.IN_TRANSIT, rts, incident);
            case "OD" -> new MappedStatus(TrackingStatus.OUT_FOR_DELIVERY, rts, incident);
            case "DL" -> new MappedStatus(TrackingStatus.DELIVERED, false, null);
            case "DE" -> new MappedStatus(TrackingStatus.ATTEMPT_FAIL, rts, incident == null ? IncidentReason.CONSIGNEE_NOT_HOME : incident);
            case "SE" -> new MappedStatus(TrackingStatus.EXCEPTION, rts, incident);
            case "CD" -> new MappedStatus(TrackingStatus.EXCEPTION, rts, IncidentReason.CUSTOMS_DELAY);
            case "HA", "HL" -> new MappedStatus(TrackingStatus.AVAILABLE_FOR_PICKUP, rts, incident);
            case "CA" -> new MappedStatus(TrackingStatus.EXCEPTION, false, IncidentReason.SHIPMENT_CANCELLED);
            case "RS" -> new MappedStatus(TrackingStatus.IN_TRANSIT, true, incident);
            case "DY", "DD" -> new MappedStatus(TrackingStatus.IN_TRANSIT, rts, incident == null ? IncidentReason.DELIVERY_DELAYED : incident);
            case "" -> new MappedStatus(TrackingStatus.PENDING, false, null);
            default -> new MappedStatus(TrackingStatus.IN_TRANSIT, rts, incident);
        };
    }
}
