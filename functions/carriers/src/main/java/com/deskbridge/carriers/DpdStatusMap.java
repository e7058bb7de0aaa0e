package com.deskbridge.carriers;

import com.deskbridge.logistics.IncidentReason;
import com.deskbridge.logistics.MappedStatus;
import com.deskbridge.logistics.TrackingStatus;

/**
 * DPD ParcelLifeCycleService {@code statusInfo.status} (SHIPMENT, PickedUp, BetweenDepots, Depot, Courier,
 * DeliveryFailure, ParcelShop, ReturningFromDelivery, Delivered; as in karrio's DPD connector, https://github.com/karrioapi/karrio) to our taxonomy.
 */
final class DpdStatusMap {

    private DpdStatusMap() {
    }

    static MappedStatus map(String status, String text) {
        boolean rts = Texts.returnToSender(text);
        IncidentReason incident = Texts.incident(text);
        return switch (status == null ? "" : status.trim()) {
            case "SHIPMENT" -> new MappedStatus(TrackingStatus.INFO_RECEIVED, false, null);
            case "PickedUp", "BetweenDepots", "Depot" -> new MappedStatus(TrackingStatus.IN_TRANSIT, rts, incident);
            case "Courier" -> new MappedStatus(TrackingStatus.OUT_FOR_DELIVERY, rts, incident);
            case "DeliveryFailure" -> new MappedStatus(TrackingStatus.ATTEMPT_FAIL, rts,
                    incident == null ? IncidentReason.CONSIGNEE_NOT_HOME : incident);
            case "ParcelShop" -> new MappedStatus(TrackingStatus.AVAILABLE_FOR_PICKUP, rts, incident);
            case "ReturningFromDelivery" -> new MappedStatus(TrackingStatus.EXCEPTION, rts, incident);
            case "Delivered" -> new MappedStatus(TrackingStatus.DELIVERED, false, null);
            default -> new MappedStatus(TrackingStatus.PENDING, rts, incident);
        };
    }
}
