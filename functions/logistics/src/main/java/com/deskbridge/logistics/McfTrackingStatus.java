package com.deskbridge.logistics;

import java.util.Locale;
import java.util.Optional;

/**
 * Maps Amazon Multi-Channel Fulfillment's {@code getPackageTrackingDetails.currentStatus} (fulfillmentOutbound_2020-07-01.json,
 * getPackageTrackingDetails) to our taxonomy. The PICKUP_*, RETURN_REQUEST_ACCEPTED,
 * REFUND_ISSUED and RETURN_RECEIVED_IN_FC values describe the buyer-return flow, not the delivery, so they map to a
 * separate {@link ReturnStatus} instead (UNCONFIRMED semantics, documented only by their names).
 */
public final class McfTrackingStatus {

    /** The return-flow values of {@code currentStatus}. */
    public enum ReturnStatus {
        PICKUP_SCHEDULED, PICKUP_ATTEMPTED, PICKUP_SUCCESSFUL, PICKUP_CANCELLED, RETURN_REQUEST_ACCEPTED,
        REFUND_ISSUED, RETURN_RECEIVED_IN_FC
    }

    private McfTrackingStatus() {
    }

    /** The delivery status for a delivery-flow value; empty for return-flow and unknown values. */
    public static Optional<MappedStatus> delivery(String currentStatus) {
        if (currentStatus == null) {
            return Optional.empty();
        }
        MappedStatus m = switch (currentStatus.trim().toUpperCase(Locale.ROOT)) {
            case "IN_TRANSIT" -> MappedStatus.of(TrackingStatus.IN_TRANSIT);
            case "DELAYED" -> MappedStatus.of(TrackingStatus.IN_TRANSIT, IncidentReason.DELIVERY_DELAYED);
            case "OUT_FOR_DELIVERY" -> MappedStatus.of(TrackingStatus.OUT_FOR_DELIVERY);
            case "DELIVERY_ATTEMPTED" -> MappedStatus.of(TrackingStatus.ATTEMPT_FAIL);
            case "AVAILABLE_FOR_PICKUP" -> MappedStatus.of(TrackingStatus.AVAILABLE_FOR_PICKUP);
            case "DELIVERED" -> MappedStatus.of(TrackingStatus.DELIVERED);
            // back to Amazon's fulfilment network
            case "RETURNING", "RETURNED" -> MappedStatus.returning(TrackingStatus.EXCEPTION, null);
            // "lost or destroyed"
            case "UNDELIVERABLE" -> MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.CARRIER_PARCEL_LOST);
            case "CUSTOMER_ACTION" -> MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.CONSIGNEE_ACTION_REQUIRED);
            case "UNKNOWN" -> MappedStatus.of(TrackingStatus.PENDING);
            default -> null;
        };
        return Optional.ofNullable(m);
    }

    /** The return-flow status for a return-flow value; empty otherwise. */
    public static Optional<ReturnStatus> returnStatus(String currentStatus) {
        if (currentStatus == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ReturnStatus.valueOf(currentStatus.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
