package com.deskbridge.carriers;

import com.deskbridge.logistics.IncidentReason;
import com.deskbridge.logistics.MappedStatus;
import com.deskbridge.logistics.TrackingStatus;
import java.util.Map;

/**
 * AfterShip's tag (our taxonomy as is) and subtag to status, return-to-sender and incident. The subtag meanings
 * below are AfterShip's published list as we know it; only the tags are confirmed (https://www.aftership.com/docs/tracking/2025-01/enum/delivery-statuses), the subtags are UNCONFIRMED, and an
 * unknown subtag only loses the incident, never the status.
 */
final class AggregatorStatusMap {

    private static final Map<String, MappedStatus> SUBTAGS = Map.ofEntries(
            Map.entry("AttemptFail_001", MappedStatus.of(TrackingStatus.ATTEMPT_FAIL, IncidentReason.CONSIGNEE_NOT_HOME)),
            Map.entry("AttemptFail_002", MappedStatus.of(TrackingStatus.ATTEMPT_FAIL, IncidentReason.CONSIGNEE_NOT_HOME)),
            Map.entry("AttemptFail_003", MappedStatus.of(TrackingStatus.ATTEMPT_FAIL, IncidentReason.CONSIGNEE_ACTION_REQUIRED)),
            Map.entry("Exception_003", MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.CONSIGNEE_REFUSED)),
            Map.entry("Exception_004", MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.CUSTOMS_DELAY)),
            Map.entry("Exception_005", MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.DELIVERY_DELAYED)),
            Map.entry("Exception_006", MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.HELD_FOR_PAYMENT)),
            Map.entry("Exception_007", MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.CONSIGNEE_INCORRECT_ADDRESS)),
            Map.entry("Exception_010", MappedStatus.returning(TrackingStatus.EXCEPTION, null)),
            Map.entry("Exception_011", MappedStatus.returning(TrackingStatus.EXCEPTION, null)),
            Map.entry("Exception_012", MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.CARRIER_DAMAGED_PARCEL)),
            Map.entry("Exception_013", MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.CARRIER_PARCEL_LOST)));

    private AggregatorStatusMap() {
    }

    static MappedStatus map(String tag, String subtag, String text) {
        TrackingStatus status = TrackingStatus.fromTag(tag).orElse(TrackingStatus.PENDING);
        MappedStatus bySubtag = subtag == null ? null : SUBTAGS.get(subtag.trim());
        if (bySubtag != null && bySubtag.status() == status) {
            return bySubtag;
        }
        if (status == TrackingStatus.DELIVERED) {
            return MappedStatus.of(status);
        }
        return new MappedStatus(status, Texts.returnToSender(text), Texts.incident(text));
    }
}
