package com.deskbridge.enrichment;

import com.deskbridge.spapi.FbaShipment;
import java.time.Instant;
import java.util.List;

/**
 * Where the carrier and tracking number of an Amazon-channel FBA order come from: Amazon's FBA shipments report
 * ({@code GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL}, https://developer-docs.amazon.com/sp-api/docs/fba-sales-reports-attributes), since Orders has no tracking for FBA.
 * An interface so that enrichment can be tested against the simulator or a fixed list.
 */
@FunctionalInterface
public interface FbaShipmentSource {

    /**
     * The report lines of one order (one per shipped item; empty when Amazon lists no shipment yet).
     *
     * @param purchaseDate when the order was placed (picks the report's data range), null when unknown
     * @param now          the enrichment's time
     * @throws com.deskbridge.spapi.ReportUnavailableException the report ended FATAL or was not ready in time
     * @throws com.deskbridge.http.UpstreamException           SP-API refused or was unreachable
     */
    List<FbaShipment> shipments(String sellerId, String marketplaceId, String orderId, Instant purchaseDate, Instant now);
}
