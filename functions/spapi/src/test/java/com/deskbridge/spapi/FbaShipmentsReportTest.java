package com.deskbridge.spapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The FBA shipments report flat file ({@code GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL}, https://developer-docs.amazon.com/sp-api/docs/fba-sales-reports-attributes):
 * read by header name, tolerant of added, reordered and missing columns, and never keeping buyer data (https://developer-docs.amazon.com/sp-api/changelog/update-to-the-data-protection-policy).
 */
class FbaShipmentsReportTest {

    /** Columns reordered, two unknown ones added, estimated-arrival-date and fulfillment-center-id missing. */
    private static final String REPORT = String.join("\n",
            "\uFEFFshipment-id\tamazon-order-id\tpoints-granted\tbuyer-email\tbuyer-name\tbuyer-phone-number\trecipient-name"
                    + "\tship-address-1\tship-address-2\tship-postal-code\tship-phone-number\tbill-address-1\tsku\tquantity-shipped"
                    + "\tshipment-date\tpurchase-date\tcarrier\ttracking-number\tship-city\tship-state\tship-country\tamazon-order-item-id"
                    + "\tsales-channel\tsome-future-column",
            "DkA1\t028-1111111-2222222\t0\tq1w2e3@marketplace.amazon.de\tJana Schmidt\t+49 221 555\tJana Schmidt"
                    + "\tHauptstrasse 5\tHinterhaus\t50667\t+49 221 556\tRechnungsweg 1\tDB-MUG\t2"
                    + "\t2026-11-19T08:00:00+00:00\t2026-11-18T07:30:00+01:00\tDHL\t00340434161094042558\tKoeln\tNW\tDE\t40211100000001"
                    + "\tAmazon.de\tx",
            "DkA2\t028-1111111-2222222\t0\tq1w2e3@marketplace.amazon.de\tJana Schmidt\t\tJana Schmidt"
                    + "\tHauptstrasse 5\t\t50667\t\t\tDB-PLATE\t1\t2026-11-19T09:00:00+00:00\tnot a date\tAMZN_DE\tTBA302211110099",
            "",
            "\t\t\t\t\t\t\t\t\t\t",
            "DkB1\t028-3333333-4444444\t0\tz@marketplace.amazon.de\tOle Berg\t\tOle Berg\tStrandweg 2\t\t20095\t\t\tDB-KETTLE\tthree"
                    + "\t2026-11-19T10:00:00Z\t\t\t\tHamburg\tHH\tDE\t\tAmazon.de\t");

    @Test
    void readsColumnsByNameAndKeepsOnlyNonPersonalFields() {
        List<FbaShipment> lines = FbaShipmentsReport.parse(REPORT.getBytes(StandardCharsets.UTF_8));

        assertThat(lines).hasSize(3); // the blank line and the line without an order id are skipped
        FbaShipment dhl = lines.get(0);
        assertThat(dhl.amazonOrderId()).isEqualTo("028-1111111-2222222");
        assertThat(dhl.shipmentId()).isEqualTo("DkA1");
        assertThat(dhl.sku()).isEqualTo("DB-MUG");
        assertThat(dhl.quantityShipped()).isEqualTo(2);
        assertThat(dhl.carrier()).isEqualTo("DHL");
        assertThat(dhl.trackingNumber()).isEqualTo("00340434161094042558");
        assertThat(dhl.shipmentDate()).contains(Instant.parse("2026-11-19T08:00:00Z"));
        assertThat(dhl.purchaseDate()).contains(Instant.parse("2026-11-18T06:30:00Z"));
        assertThat(dhl.shipCity()).isEqualTo("Koeln");
        assertThat(dhl.shipState()).isEqualTo("NW");
        assertThat(dhl.shipCountry()).isEqualTo("DE");
        assertThat(dhl.amazonOrderItemId()).isEqualTo("40211100000001");
        assertThat(dhl.salesChannel()).isEqualTo("Amazon.de");
        // missing columns read as absent
        assertThat(dhl.estimatedArrivalDate()).isEmpty();
        assertThat(dhl.fulfillmentCenterId()).isNull();
        assertThat(dhl.merchantOrderId()).isNull();
        assertThat(dhl.tracked()).isTrue();

        // a short line (trailing cells missing) and an unparseable date
        FbaShipment amzn = lines.get(1);
        assertThat(amzn.carrier()).isEqualTo("AMZN_DE");
        assertThat(amzn.trackingNumber()).isEqualTo("TBA302211110099");
        assertThat(amzn.purchaseDate()).isEmpty();
        assertThat(amzn.shipCity()).isNull();
        // no carrier yet, quantity not a number
        FbaShipment untracked = lines.get(2);
        assertThat(untracked.tracked()).isFalse();
        assertThat(untracked.carrier()).isNull();
        assertThat(untracked.quantityShipped()).isZero();

        String kept = lines.toString();
        assertThat(kept).doesNotContain("Jana").doesNotContain("Ole Berg").doesNotContain("@marketplace")
                .doesNotContain("Hauptstrasse").doesNotContain("Hinterhaus").doesNotContain("Strandweg").doesNotContain("Rechnungsweg")
                .doesNotContain("+49").doesNotContain("50667").doesNotContain("20095");
        assertThat(new FbaShipmentsReport("1", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, lines).forOrder("028-1111111-2222222"))
                .extracting(FbaShipment::shipmentId).containsExactly("DkA1", "DkA2");
    }

    @Test
    void windows1252FilesAreDecodedToo() {
        String text = "amazon-order-id\tship-city\tcarrier\ttracking-number\n028-5555555-6666666\tK\u00f6ln\tDPD\t01405000123456\n";
        List<FbaShipment> lines = FbaShipmentsReport.parse(text.getBytes(Charset.forName("windows-1252")));
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.shipCity()).isEqualTo("K\u00f6ln");
            assertThat(l.carrier()).isEqualTo("DPD");
        });
        assertThat(FbaShipmentsReport.parse(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(l -> assertThat(l.trackingNumber()).isEqualTo("01405000123456"));
    }

    @Test
    void emptyFilesHaveNoLinesAndOtherReportsAreRefused() {
        assertThat(FbaShipmentsReport.parse(new byte[0])).isEmpty();
        assertThat(FbaShipmentsReport.parse("amazon-order-id\tcarrier\n")).isEmpty();
        assertThatThrownBy(() -> FbaShipmentsReport.parse("sku\tasin\tprice\nX\tB0\t1.00\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amazon-order-id");
    }
}
