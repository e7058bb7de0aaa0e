package com.deskbridge.carriers;

import static com.deskbridge.carriers.Texts.any;

import com.deskbridge.logistics.IncidentReason;
import com.deskbridge.logistics.MappedStatus;
import com.deskbridge.logistics.TrackingStatus;
import java.util.Locale;

/**
 * DHL Unified Tracking {@code statusCode} (pre-transit, transit, delivered, failure, unknown;
 * https://developer.dhl.com/api-reference/shipment-tracking) to our taxonomy. DHL has only five codes, so out-for-delivery, pickup-point and attempt are read from the
 * description, in English and German.
 */
final class DhlStatusMap {

    private DhlStatusMap() {
    }

    static MappedStatus map(String statusCode, String text) {
        boolean rts = Texts.returnToSender(text);
        IncidentReason incident = Texts.incident(text);
        TrackingStatus status = switch (statusCode == null ? "" : statusCode.trim().toLowerCase(Locale.ROOT)) {
            case "pre-transit" -> TrackingStatus.INFO_RECEIVED;
            case "transit" -> {
                if (any(text, "delivery vehicle", "out for delivery", "zustellfahrzeug", "in zustellung", "wird zugestellt")) {
                    yield TrackingStatus.OUT_FOR_DELIVERY;
                }
                if (any(text, "ready for pick", "available for pick", "retail outlet", "packstation", "parcel shop",
                        "parcelshop", "post office", "filiale", "abholbereit", "zur abholung")) {
                    yield TrackingStatus.AVAILABLE_FOR_PICKUP;
                }
                yield TrackingStatus.IN_TRANSIT;
            }
            case "delivered" -> TrackingStatus.DELIVERED;
            case "failure" -> {
                if (!rts && any(text, "not at home", "delivery attempt", "zustellversuch", "nicht angetroffen",
                        "could not be delivered today", "not available")) {
                    incident = IncidentReason.CONSIGNEE_NOT_HOME;
                    yield TrackingStatus.ATTEMPT_FAIL;
                }
                yield TrackingStatus.EXCEPTION;
            }
            default -> TrackingStatus.PENDING; // "unknown" and anything DHL adds later
        };
        if (status == TrackingStatus.DELIVERED) {
            incident = null;
        }
        return new MappedStatus(status, rts, incident);
    }
}
