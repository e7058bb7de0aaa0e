package com.deskbridge.domain.sla;

/** Which rule set a ticket's target deadline (the earliest of the candidates; ties go to the first listed). */
public enum TargetBasis {
    /** {@code targetInside} of open time. */
    BUSINESS_TIME,
    /** {@code targetOutside} of elapsed time (message received while closed). */
    OUTSIDE_HOURS,
    /** Capped by the channel's marketplace deadline. */
    MARKETPLACE_DEADLINE,
    /** Capped by the deadline to answer a cancellation request. */
    CANCELLATION_DEADLINE
}
