package com.deskbridge.spapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reports API 2021-06-30 and the FBA shipments report (https://developer-docs.amazon.com/sp-api/docs/fba-sales-reports-attributes) against the simulator over real HTTP:
 * request, poll (on the test clock, no real sleeping), download (GZIP), parse, and the 30-minute reuse.
 */
class ReportsTest {

    private static final String DE = "A1PA6795UKMFR9";

    private SimulatorHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private Instant now() {
        return h.clock.instant();
    }

    @Test
    void fbaShipmentsAreRequestedPolledDownloadedAndParsed() {
        h = new SimulatorHarness(); // demo world: 15 s processing, GZIP documents, two FBA orders with shipments
        ReportsClient reports = h.client().reports();

        FbaShipmentsReport report = reports.fbaShipments(h.seller, DE, now().minus(Duration.ofDays(30)), now());

        assertThat(report.shipments()).hasSize(2);
        FbaShipment dhl = report.forOrder("028-4711004-0000005").get(0);
        assertThat(dhl.carrier()).isEqualTo("DHL");
        assertThat(dhl.trackingNumber()).isEqualTo("00340434161094042558");
        assertThat(dhl.sku()).isEqualTo("DB-KETTLE-FBA");
        assertThat(dhl.quantityShipped()).isEqualTo(1);
        assertThat(dhl.shipmentDate()).contains(Instant.parse("2026-11-19T10:00:00Z"));
        assertThat(dhl.estimatedArrivalDate()).contains(Instant.parse("2026-11-21T04:00:00Z"));
        assertThat(dhl.fulfillmentCenterId()).isEqualTo("LEJ1");
        assertThat(dhl.shipCity()).isEqualTo("Hamburg");
        assertThat(report.forOrder("028-4711006-0000007")).singleElement().satisfies(l -> {
            assertThat(l.carrier()).isEqualTo("AMZN_DE");
            assertThat(l.trackingNumber()).isEqualTo("TBA302211110007");
            assertThat(l.quantityShipped()).isEqualTo(2);
        });
        assertThat(report.forOrder("028-4711001-0000001")).isEmpty(); // FBM: not in the FBA report
        // the simulator's document carries buyer name, e-mail and postal code; none of it is kept
        assertThat(report.toString()).doesNotContain("Paul Becker").doesNotContain("m3n4b5v6c7").doesNotContain("20095")
                .doesNotContain("Lena Wolf");
        // polled on the clock, doubling from 2 s; the last wait is cut to what is left of the 20 s budget, and at 20 s
        // the 15-second processing is over
        assertThat(h.clock.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(6));
        assertThat(h.simulator.callCount("reports.createReport")).isEqualTo(1);
        assertThat(h.simulator.callCount("reports.getReport")).isEqualTo(5);
        assertThat(h.simulator.callCount("reports.getReportDocument")).isEqualTo(1);
        assertThat(h.simulator.callCount("document.download")).isEqualTo(1);
        assertThat(report.reportId()).isNotBlank();
    }

    @Test
    void theLastReportIsReusedForThirtyMinutes() {
        h = new SimulatorHarness();
        ReportsClient reports = h.client().reports();
        Instant from = now().minus(Duration.ofDays(30));
        FbaShipmentsReport first = reports.fbaShipments(h.seller, DE, from, now());

        h.clock.advance(Duration.ofMinutes(20));
        FbaShipmentsReport again = reports.fbaShipments(h.seller, DE, from.plus(Duration.ofHours(1)), now());
        assertThat(again).isSameAs(first);
        assertThat(h.simulator.callCount("reports.createReport")).isEqualTo(1);
        assertThat(h.simulator.callCount("document.download")).isEqualTo(1);

        // an older range than the cached one is not covered: asked for
        reports.fbaShipments(h.seller, DE, from.minus(Duration.ofDays(1)), now().minus(Duration.ofDays(2)));
        assertThat(h.simulator.callCount("reports.createReport")).isEqualTo(2);

        // 30 minutes after the request Amazon may have regenerated it: asked for again
        h.clock.advance(Duration.ofMinutes(31));
        FbaShipmentsReport fresh = reports.fbaShipments(h.seller, DE, now().minus(Duration.ofDays(30)), now());
        assertThat(fresh.reportId()).isNotEqualTo(first.reportId());
        assertThat(h.simulator.callCount("reports.createReport")).isEqualTo(3);
    }

    @Test
    void aFatalReportFailsVisiblyAndIsNotReused() {
        h = new SimulatorHarness();
        ReportsClient reports = h.client().reports();
        h.simulator.failNextReports(1);

        assertThatThrownBy(() -> reports.fbaShipments(h.seller, DE, now().minus(Duration.ofDays(30)), now()))
                .isInstanceOfSatisfying(ReportUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReportUnavailableException.Reason.FATAL);
                    assertThat(e.getMessage()).contains("GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL").contains("FATAL");
                });

        assertThat(reports.fbaShipments(h.seller, DE, now().minus(Duration.ofDays(30)), now()).shipments()).hasSize(2);
        assertThat(h.simulator.callCount("reports.createReport")).isEqualTo(2);
    }

    @Test
    void theWaitIsBoundedAndTheNextCallResumesTheSameReport() {
        h = new SimulatorHarness(w -> ((ObjectNode) w.get("spapi")).put("reportProcessingDelay", "PT5M"));
        ReportsClient reports = h.client().reports();

        assertThatThrownBy(() -> reports.fbaShipments(h.seller, DE, now().minus(Duration.ofDays(30)), now()))
                .isInstanceOfSatisfying(ReportUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReportUnavailableException.Reason.TIMED_OUT);
                    assertThat(e.getMessage()).contains("not ready after 20 s");
                    assertThat(e.reportId()).isPresent();
                });
        assertThat(h.clock.sleeps().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(20));

        h.clock.advance(Duration.ofMinutes(5));
        assertThat(reports.fbaShipments(h.seller, DE, now().minus(Duration.ofDays(30)), now()).shipments()).hasSize(2);
        assertThat(h.simulator.callCount("reports.createReport")).isEqualTo(1);
    }

    @Test
    void aCancelledReportMeansNoShipmentsAndThrottlingIsRetried() {
        h = new SimulatorHarness();
        ReportsClient reports = h.client().reports();
        h.simulator.injectFault("reports.getReport", 429, 1);

        // the demo world has no FBA shipment in the US marketplace: Amazon cancels the report for lack of data
        FbaShipmentsReport us = reports.fbaShipments(h.sellerUs, "ATVPDKIKX0DER", now().minus(Duration.ofDays(7)), now());

        assertThat(us.shipments()).isEmpty();
        assertThat(h.simulator.throttledCount("reports.getReport")).isEqualTo(1);
        assertThat(h.simulator.callCount("reports.getReportDocument")).isZero();
    }

    @Test
    void rangesOverAMonthAreRefusedBeforeAnyCall() {
        h = new SimulatorHarness();
        ReportsClient reports = h.client().reports();
        assertThatThrownBy(() -> reports.fbaShipments(h.seller, DE, now().minus(Duration.ofDays(31)), now()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(h.simulator.callCount("reports.createReport")).isZero();
        // the low-level calls: an unknown report id is a 404 → empty
        assertThat(reports.getReport(h.seller, "424242")).isEmpty();
        assertThat(List.of(SpApiOperation.values())).contains(SpApiOperation.REPORTS_CREATE_REPORT);
    }
}
