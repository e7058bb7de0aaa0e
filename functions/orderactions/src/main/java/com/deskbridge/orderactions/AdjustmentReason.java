package com.deskbridge.orderactions;

/**
 * Why a refund is made: exactly the {@code AdjustmentReason} enumeration of Amazon's OrderAdjustment
 * schema (OrderAdjustment.xsd, AdjustedItem/AdjustmentReason; 18 values, checked against the published
 * schema, see the module report). The constant names are the wire values.
 */
public enum AdjustmentReason {
    NoInventory,
    CustomerReturn,
    GeneralAdjustment,
    CouldNotShip,
    DifferentItem,
    Abandoned,
    CustomerCancel,
    PriceError,
    ProductOutofStock,
    CustomerAddressIncorrect,
    Exchange,
    Other,
    CarrierCreditDecision,
    RiskAssessmentInformationNotValid,
    CarrierCoverageFailure,
    TransactionRecord,
    Undeliverable,
    RefusedDelivery;

    /** The {@code <AdjustmentReason>} text in the feed. */
    public String feedValue() {
        return name();
    }
}
