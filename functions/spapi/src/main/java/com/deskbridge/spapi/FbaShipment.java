package com.deskbridge.spapi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the FBA shipments report ({@code GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL}, https://developer-docs.amazon.com/sp-api/docs/fba-sales-reports-attributes):
 * one item of one shipment of an Amazon-fulfilled order, with the carrier and tracking number Amazon used. Only what
 * a helpdesk needs is kept: ids, item, quantity, dates, carrier, tracking number and city/region/country. The
 * report's buyer name, e-mail, phone, recipient, address lines, postal code and prices are never read (Data
 * Protection Policy, https://developer-docs.amazon.com/sp-api/changelog/update-to-the-data-protection-policy).
 *
 * @param amazonOrderId    {@code amazon-order-id}
 * @param merchantOrderId  {@code merchant-order-id}, null when blank
 * @param carrier          {@code carrier} as Amazon writes it ({@code DHL}, {@code AMZN_DE}, ...), null when blank
 * @param trackingNumber   {@code tracking-number}, null when blank
 */
public record FbaShipment(String amazonOrderId, String merchantOrderId, String shipmentId, String shipmentItemId,
                          String amazonOrderItemId, String sku, int quantityShipped, Optional<Instant> purchaseDate,
                          Optional<Instant> shipmentDate, Optional<Instant> estimatedArrivalDate, String carrier,
                          String trackingNumber, String fulfillmentCenterId, String shipServiceLevel, String shipCity,
                          String shipState, String shipCountry, String salesChannel) {

    public FbaShipment {
        Objects.requireNonNull(amazonOrderId, "amazonOrderId");
        Objects.requireNonNull(purchaseDate);
        Objects.requireNonNull(shipmentDate);
        Objects.requireNonNull(estimatedArrivalDate);
    }

    /** True when the line names a tracking number (some lines of just-shipped orders do not yet). */
    public boolean tracked() {
        return trackingNumber != null;
    }
}
