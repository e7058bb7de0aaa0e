package com.deskbridge.logistics;

import java.util.Locale;
import java.util.Optional;

/**
 * The canonical delivery status of a parcel: AfterShip's nine tags (https://www.aftership.com/docs/tracking/2025-01/enum/delivery-statuses), chosen because
 * every carrier's codes map onto them cleanly and agents already know them. Whether a parcel is on its way back
 * and why something went wrong are separate fields ({@link TrackingSnapshot#returnToSender()},
 * {@link IncidentReason}).
 */
public enum TrackingStatus {
    PENDING("Pending"),
    INFO_RECEIVED("InfoReceived"),
    IN_TRANSIT("InTransit"),
    OUT_FOR_DELIVERY("OutForDelivery"),
    ATTEMPT_FAIL("AttemptFail"),
    AVAILABLE_FOR_PICKUP("AvailableForPickup"),
    DELIVERED("Delivered"),
    EXCEPTION("Exception"),
    EXPIRED("Expired");

    private final String tag;

    TrackingStatus(String tag) {
        this.tag = tag;
    }

    /** AfterShip's spelling of the tag ("OutForDelivery"). */
    public String tag() {
        return tag;
    }

    /** Parses AfterShip's tag or our constant name, case-insensitively. */
    public static Optional<TrackingStatus> fromTag(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().replace("_", "").toLowerCase(Locale.ROOT);
        for (TrackingStatus s : values()) {
            if (s.tag.toLowerCase(Locale.ROOT).equals(v)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Nothing more will happen: delivered, or the carrier stopped reporting (expired). Polling stops. */
    public boolean terminal() {
        return this == DELIVERED || this == EXPIRED;
    }

    /** Handed to the carrier and not yet delivered (the states in which a parcel can be late or lost). */
    public boolean inTransit() {
        return this == IN_TRANSIT || this == OUT_FOR_DELIVERY || this == ATTEMPT_FAIL || this == AVAILABLE_FOR_PICKUP;
    }

    /** Only a label exists so far (the carrier has data but no parcel). */
    public boolean preTransit() {
        return this == PENDING || this == INFO_RECEIVED;
    }

    /** Somebody (buyer, seller or agent) probably has to act. */
    public boolean needsAttention() {
        return this == ATTEMPT_FAIL || this == EXCEPTION || this == EXPIRED;
    }
}
