package com.deskbridge.logistics;

import java.util.Objects;

/**
 * What one carrier code means in our taxonomy: the canonical status, whether the parcel is going back to the
 * sender, and the incident reason (null when none). Every carrier's mapping table produces these.
 */
public record MappedStatus(TrackingStatus status, boolean returnToSender, IncidentReason incidentReason) {

    public MappedStatus {
        Objects.requireNonNull(status, "status");
    }

    public static MappedStatus of(TrackingStatus status) {
        return new MappedStatus(status, false, null);
    }

    public static MappedStatus of(TrackingStatus status, IncidentReason reason) {
        return new MappedStatus(status, false, reason);
    }

    public static MappedStatus returning(TrackingStatus status, IncidentReason reason) {
        return new MappedStatus(status, true, reason);
    }
}
