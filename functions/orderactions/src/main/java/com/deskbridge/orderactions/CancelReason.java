package com.deskbridge.orderactions;

/**
 * Why a seller cancels an order: exactly the {@code CancelReason} enumeration of Amazon's
 * OrderAcknowledgement schema (OrderAcknowledgement.xsd, Item/CancelReason). The published schema has 14
 * values: the 10 that XSD-generated client code lists plus CannotVerifyInformation, PricingError, RejectOrder and
 * WeatherDelay. Use {@link #BuyerCanceled} when the buyer asked through Amazon (that keeps the
 * cancellation-rate metric clean, UNCONFIRMED; https://sellercentral.amazon.co.uk/gp/help/external/help.html?itemID=200285210).
 */
public enum CancelReason {
    NoInventory,
    ShippingAddressUndeliverable,
    CustomerExchange,
    BuyerCanceled,
    GeneralAdjustment,
    CarrierCreditDecision,
    RiskAssessmentInformationNotValid,
    CarrierCoverageFailure,
    CustomerReturn,
    MerchandiseNotReceived,
    CannotVerifyInformation,
    PricingError,
    RejectOrder,
    WeatherDelay;

    /** The {@code <CancelReason>} text in the feed. */
    public String feedValue() {
        return name();
    }
}
