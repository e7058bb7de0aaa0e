package com.deskbridge.logistics;

/**
 * Why a shipment is not progressing normally, orthogonal to {@link TrackingStatus}; modelled on karrio's incident
 * reasons (https://github.com/karrioapi/karrio, modules/sdk/karrio/core/units.py) so that an agent sees "customs delay" rather than a carrier's private code.
 */
public enum IncidentReason {
    DELIVERY_DELAYED,
    CUSTOMS_DELAY,
    WEATHER_DELAY,
    CONSIGNEE_REFUSED,
    CONSIGNEE_NOT_HOME,
    CONSIGNEE_INCORRECT_ADDRESS,
    CONSIGNEE_ACTION_REQUIRED,
    CARRIER_DAMAGED_PARCEL,
    CARRIER_PARCEL_LOST,
    SHIPMENT_CANCELLED,
    HELD_FOR_PAYMENT,
    UNDELIVERABLE,
    UNKNOWN;

    /** The reason slows the parcel down but does not stop it (drives the Delayed flag). */
    public boolean delay() {
        return this == DELIVERY_DELAYED || this == CUSTOMS_DELAY || this == WEATHER_DELAY;
    }

    /** karrio-style lower-case code ("customs_delay"). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
