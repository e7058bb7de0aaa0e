package com.deskbridge.ebay;

import java.time.Instant;
import java.util.Optional;

/**
 * A parcel the seller shipped, from the Fulfillment API's {@code ShippingFulfillment}: eBay's carrier code
 * ({@code shippingCarrierCode}, e.g. DHL, DEUTSCHE_POST, HERMES, UPS) and the carrier's tracking number.
 */
public record EbayShippingFulfillment(String fulfillmentId, Optional<String> carrierCode, Optional<String> trackingNumber,
                                      Optional<Instant> shippedDate) {}
