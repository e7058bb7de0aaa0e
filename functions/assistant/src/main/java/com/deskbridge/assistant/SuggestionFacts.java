package com.deskbridge.assistant;

import java.util.Objects;

/**
 * What the assistant knows about a ticket when it picks macros: the latest buyer message's intent (the classifier's
 * name, e.g. {@code WHERE_IS_MY_ORDER}) with its confidence, how the order is fulfilled, whether a parcel with a
 * tracking number is known, and where the ticket's latest refund and cancellation stand.
 *
 * @param intent        null when the message was not classified (then nothing is suggested)
 * @param confidence    the intent's calibrated probability; null when unknown
 * @param needsTriage   the classifier was too unsure: the suggestion says so
 * @param trackingKnown a parcel of the order has a tracking number (FBM: the carrier's; FBA: Amazon's shipments
 *                      report; MCF: Fulfillment Outbound)
 * @param orderShipped  the live order says it has shipped (fully or partly): too late to cancel it
 */
public record SuggestionFacts(String intent, Double confidence, boolean needsTriage, Fulfilment fulfilment,
                              boolean trackingKnown, ActionStatus refund, ActionStatus cancellation, boolean orderShipped) {

    /** Without the order's shipping state (not known to have shipped). */
    public SuggestionFacts(String intent, Double confidence, boolean needsTriage, Fulfilment fulfilment,
                           boolean trackingKnown, ActionStatus refund, ActionStatus cancellation) {
        this(intent, confidence, needsTriage, fulfilment, trackingKnown, refund, cancellation, false);
    }

    /** Who ships the order. */
    public enum Fulfilment {
        /** The seller ships (Merchant Fulfilled Network). */
        FBM,
        /** Amazon ships from its warehouses (Fulfilled by Amazon): Amazon answers delivery questions. */
        FBA,
        /** Amazon ships an order from another channel (Multi-Channel Fulfillment). */
        MCF,
        /** The order is not known (yet). */
        UNKNOWN
    }

    /** Where the ticket's latest refund or cancellation stands. */
    public enum ActionStatus {
        NONE,
        /** Requested, queued or submitted, or waiting for a person: Amazon has not confirmed it. */
        PENDING,
        /** Amazon's processing report confirmed it. */
        COMPLETED,
        FAILED
    }

    public SuggestionFacts {
        Objects.requireNonNull(fulfilment, "fulfilment");
        Objects.requireNonNull(refund, "refund");
        Objects.requireNonNull(cancellation, "cancellation");
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
    }
}
