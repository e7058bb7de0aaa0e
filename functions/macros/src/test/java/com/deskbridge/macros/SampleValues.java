package com.deskbridge.macros;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Currency;

/** Realistic values for every placeholder (an FBM order shipped with DHL). */
public final class SampleValues {
    private SampleValues() {
    }

    public static MacroValues.Builder all() {
        return MacroValues.builder()
                .text(Placeholder.CUSTOMER_NAME, "Anna Müller")
                .text(Placeholder.ORDER_ID, "302-1234567-1234567")
                .date(Placeholder.ORDER_DATE, LocalDate.of(2026, 11, 18))
                .text(Placeholder.PRODUCT_NAME, "Edelstahl-Thermoskanne 1 l")
                .date(Placeholder.SHIP_DATE, LocalDate.of(2026, 11, 19))
                .text(Placeholder.CARRIER, "DHL")
                .text(Placeholder.TRACKING_NUMBER, "JJD000390007768012")
                .trackingStatus(TrackingStatus.IN_TRANSIT)
                .link(Placeholder.TRACKING_LINK,
                        URI.create("https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=JJD000390007768012"))
                .date(Placeholder.ESTIMATED_DELIVERY, LocalDate.of(2026, 11, 22))
                .date(Placeholder.DELIVERY_DATE, LocalDate.of(2026, 11, 21))
                .money(Placeholder.REFUND_AMOUNT, new BigDecimal("12.50"), Currency.getInstance("EUR"))
                .text(Placeholder.CANCEL_REASON, "Kundenwunsch")
                .text(Placeholder.SELLER_NAME, "Hausrat Schmidt")
                .text(Placeholder.AGENT_NAME, "Jonas");
    }
}
