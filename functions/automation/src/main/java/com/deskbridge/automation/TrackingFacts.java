package com.deskbridge.automation;

import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.TrackingLink;
import com.deskbridge.logistics.TrackingSnapshot;
import com.deskbridge.logistics.TrackingStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The parcel's tracking as the logistics link last saw it: enough for the "where is my order" answer. "Tracking
 * known" means a tracking number is present (always, for an instance of this record).
 *
 * @param carrierName       the carrier as the buyer should read it ("DHL", "Amazon Logistics"); null when unknown
 * @param trackingNumber    required
 * @param status            the normalised status (logistics taxonomy, https://www.aftership.com/docs/tracking/2025-01/enum/delivery-statuses); null when none yet
 * @param link              the carrier's public tracking page; null when none. Only put in a reply when the seller
 *                          enabled carrier links, and never when {@link TrackingLink#lowConfidence()}
 * @param estimatedDelivery the seller-local date the carrier expects to deliver; null when unknown
 */
public record TrackingFacts(String carrierName, String trackingNumber, TrackingStatus status, TrackingLink link,
                            LocalDate estimatedDelivery) {
    public TrackingFacts {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            throw new IllegalArgumentException("trackingNumber is required");
        }
        trackingNumber = trackingNumber.strip();
        carrierName = carrierName == null || carrierName.isBlank() ? null : carrierName.strip();
    }

    /** The facts of a carrier observation; the estimated delivery is taken as a date in {@code zone}. */
    public static TrackingFacts from(TrackingSnapshot snapshot, ZoneId zone) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(zone, "zone");
        return new TrackingFacts(displayName(snapshot.carrier()), snapshot.trackingNumber(), snapshot.status(),
                snapshot.link(), OrderFacts.dateIn(snapshot.estimatedDelivery(), zone));
    }

    /** The carrier's name as buyers know it; null for {@link Carrier#OTHER} (pass the marketplace's spelling). */
    public static String displayName(Carrier carrier) {
        if (carrier == null) {
            return null;
        }
        return switch (carrier) {
            case DHL -> "DHL";
            case UPS -> "UPS";
            case FEDEX -> "FedEx";
            case USPS -> "USPS";
            case DPD -> "DPD";
            case AMAZON_LOGISTICS -> "Amazon Logistics";
            case ROYAL_MAIL -> "Royal Mail";
            case GLS -> "GLS";
            case HERMES -> "Hermes";
            case COLISSIMO -> "Colissimo";
            case OTHER -> null;
        };
    }

    /** A copy with the carrier name given by the marketplace (for carriers Deskbridge does not recognise). */
    public TrackingFacts withCarrierName(String name) {
        return new TrackingFacts(name, trackingNumber, status, link, estimatedDelivery);
    }
}
