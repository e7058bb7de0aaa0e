package com.deskbridge.spapi;

import java.time.Instant;
import java.util.Optional;

/**
 * A seller-shipped (FBM) package from Orders v2026 {@code packages[]}: the carrier and tracking number that
 * the carrier tracking adapters are queried with (orders_2026-01-01.json, getOrder includedData=PACKAGES).
 *
 * @param status         {@code packageStatus.status}: PENDING, IN_TRANSIT, SHIPPED, DELIVERED, CANCELLED, UNDELIVERABLE
 * @param detailedStatus {@code packageStatus.detailedStatus}, e.g. OUT_FOR_DELIVERY, LOST, RETURNING_TO_SELLER
 */
public record SpPackage(String packageReferenceId, Optional<String> carrier, Optional<String> trackingNumber,
                        Optional<String> shippingService, Optional<Instant> shipTime, Optional<String> status,
                        Optional<String> detailedStatus) {
}
