package com.deskbridge.carriers;

import com.deskbridge.logistics.IncidentReason;
import com.deskbridge.logistics.MappedStatus;
import com.deskbridge.logistics.TrackingStatus;
import java.util.Locale;

/**
 * UPS activity status ({@code type} D/I/X/P/M/MV/U and {@code code}; Tracking.yaml, UPSTrackAlert.yaml,
 * https://github.com/UPS-API/api-documentation) to our taxonomy. Known codes decide first (OT out for delivery, RP/AC access point, RF
 * refused, UR undeliverable return, MV/VD/CA void/cancelled, MP label created, OR/PU/DP/AR moving, RS returned to
 * shipper); otherwise the type decides; an X whose text speaks of an attempt is AttemptFail.
 */
final class UpsStatusMap {

    private UpsStatusMap() {
    }

    static MappedStatus map(String type, String code, String text) {
        String t = type == null ? "" : type.trim().toUpperCase(Locale.ROOT);
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        boolean rts = Texts.returnToSender(text);
        IncidentReason incident = Texts.incident(text);
        switch (c) {
            case "OT":
                return new MappedStatus(TrackingStatus.OUT_FOR_DELIVERY, rts, incident);
            case "RP":
            case "AC":
                return new MappedStatus(TrackingStatus.AVAILABLE_FOR_PICKUP, rts, incident);
            case "RF":
                return new MappedStatus(TrackingStatus.EXCEPTION, rts, IncidentReason.CONSIGNEE_REFUSED);
            case "UR":
                return new MappedStatus(TrackingStatus.EXCEPTION, true, IncidentReason.UNDELIVERABLE);
            case "MV":
            case "VD":
            case "CA":
                return new MappedStatus(TrackingStatus.EXCEPTION, false, IncidentReason.SHIPMENT_CANCELLED);
            case "RS":
                return new MappedStatus(TrackingStatus.IN_TRANSIT, true, incident);
            case "MP":
                return new MappedStatus(TrackingStatus.INFO_RECEIVED, false, null);
            case "OR":
            case "PU":
            case "DP":
            case "AR":
                return new MappedStatus(TrackingStatus.IN_TRANSIT, rts, incident);
            default:
                break;
        }
        return switch (t) {
            case "D" -> new MappedStatus(TrackingStatus.DELIVERED, false, null);
            case "M" -> new MappedStatus(TrackingStatus.INFO_RECEIVED, false, null);
            case "MV" -> new MappedStatus(TrackingStatus.EXCEPTION, false, IncidentReason.SHIPMENT_CANCELLED);
            case "I", "P", "U" -> new MappedStatus(TrackingStatus.IN_TRANSIT, rts, incident);
            case "X" -> Texts.any(text, "attempt", "not available", "not home")
                    ? new MappedStatus(TrackingStatus.ATTEMPT_FAIL, rts, incident == null ? IncidentReason.CONSIGNEE_NOT_HOME : incident)
                    : new MappedStatus(TrackingStatus.EXCEPTION, rts, incident);
            default -> new MappedStatus(TrackingStatus.PENDING, rts, incident);
        };
    }
}
