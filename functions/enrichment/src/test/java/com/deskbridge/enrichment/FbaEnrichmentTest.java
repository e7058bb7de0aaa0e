package com.deskbridge.enrichment;

import static com.deskbridge.enrichment.EnrichmentServiceTest.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog;
import com.deskbridge.enrichment.TicketEnrichment.ShipmentView;
import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Amazon-channel FBA orders (issue 4): carrier and tracking number from the FBA shipments report
 * {@code GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL} (https://developer-docs.amazon.com/sp-api/docs/fba-sales-reports-attributes), carrier parcels then tracked through
 * the carrier simulator like FBM ones, Amazon Logistics parcels with a link only. Real SP-API and carrier
 * simulators over HTTP, DynamoDB Local, the test clock (report polling advances it; nothing sleeps).
 */
class FbaEnrichmentTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private EvidenceLog evidence() {
        return new DynamoDbEvidenceLog(TestStack.get().dynamoDbClient(), TestStack.table(), f.clock);
    }

    @Test
    void fbaOrderGetsItsShipmentsFromTheReportTracksDhlAndLinksAmazonLogistics() {
        String dhl = f.dhlNumber();
        String tba = "TBA3022" + TestStack.unique() + "07";
        String orderId = f.orderId();
        f.fbaOrder(orderId, "+P2D", "DHL:" + dhl, "AMZN_DE:" + tba);
        f.shipment("dhl", dhl, "+PT20H", "-PT40H|pre-transit|The instruction data for this shipment have been provided|Leipzig",
                "-PT6H|transit|The shipment has been processed in the parcel center of origin|Leipzig");
        f.start();
        EnrichmentWiring w = f.wiring();
        String ticket = f.ticket(orderId, null);

        EnrichmentService.Result r = w.service().enrich(f.request(ticket, orderId));

        assertThat(r.state()).isEqualTo(EnrichmentState.COMPLETE);
        assertThat(r.retry()).isFalse();
        assertThat(r.carrierCalls()).isEqualTo(1);
        TicketEnrichment e = w.store().read(f.seller, ticket).orElseThrow();
        assertThat(e.order().channel()).isEqualTo("FBA");
        assertThat(e.trackingNote()).contains("FBA shipments report").contains("GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL");
        assertThat(e.shipments()).hasSize(2);
        ShipmentView d = shipment(e, dhl);
        assertThat(d.carrier()).isEqualTo("DHL");
        assertThat(d.status()).isEqualTo("InTransit");
        assertThat(d.source()).isEqualTo("carrier");
        assertThat(d.lastLocation()).contains("Leipzig");
        assertThat(d.trackingLink()).contains("dhl.com").contains(dhl);
        ShipmentView a = shipment(e, tba);
        assertThat(a.carrier()).isEqualTo("AMAZON_LOGISTICS");
        assertThat(a.status()).isNull();
        assertThat(a.note()).isEqualTo("status unknown, Amazon Logistics has no public tracking API; "
                + "the link opens Amazon's tracking page");
        assertThat(a.trackingLink()).isEqualTo("https://track.amazon.com/tracking/" + tba);
        assertThat(a.trackingLinkLowConfidence()).isTrue();
        assertThat(a.source()).isEqualTo("fba-report");
        assertThat(f.carriers.callCount("dhl")).isEqualTo(1);
        assertThat(com.deskbridge.sim.carriers.CarrierSimulator.CARRIERS.stream().mapToInt(f.carriers::callCount).sum()).isEqualTo(1);
        assertThat(f.spApi.callCount("reports.createReport")).isEqualTo(1);

        // evidence: the order snapshot names both parcels and their source, the DHL observation follows; no buyer data
        EvidenceLog.StoredChain chain = evidence().chain(f.seller, ticket);
        assertThat(chain.entries()).extracting(EvidenceChain.Entry::kind)
                .containsExactly(EvidenceChain.ORDER_SNAPSHOT, EvidenceChain.TRACKING_OBSERVED);
        assertThat(chain.entries().get(0).payload()).containsEntry("trackingNumber", "DHL:" + dhl + ",AMAZON_LOGISTICS:" + tba)
                .containsEntry("channel", "FBA");
        assertThat(chain.entries().get(0).payload().get("note")).contains("GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL");
        assertThat(chain.entries().get(1).payload()).containsEntry("trackingNumber", dhl).containsEntry("carrier", "DHL");
        assertThat(chain.verify().valid()).isTrue();
        assertThat(chain.entries().toString() + e).doesNotContain("Jana").doesNotContain("Hauptstrasse")
                .doesNotContain("50667").doesNotContain("@");

        // another ticket 10 minutes later: the report is reused (no createReport), the DHL parcel comes from the cache
        f.clock.advance(Duration.ofMinutes(10));
        String second = f.ticket(orderId, null);
        EnrichmentService.Result again = w.service().enrich(f.request(second, orderId));
        assertThat(again.state()).isEqualTo(EnrichmentState.COMPLETE);
        assertThat(again.carrierCalls()).isZero();
        assertThat(f.spApi.callCount("reports.createReport")).isEqualTo(1);
        assertThat(w.store().read(f.seller, second).orElseThrow().shipments()).hasSize(2);
    }

    @Test
    void aFatalReportLeavesTheTicketPartialWithTheReason() {
        String orderId = f.orderId();
        f.fbaOrder(orderId, "+P2D", "DHL:" + f.dhlNumber());
        f.start();
        f.spApi.failNextReports(1);
        EnrichmentWiring w = f.wiring();
        String ticket = f.ticket(orderId, null);

        EnrichmentService.Result r = w.service().enrich(f.request(ticket, orderId));

        assertThat(r.state()).isEqualTo(EnrichmentState.PARTIAL);
        assertThat(r.retry()).isFalse();
        TicketEnrichment e = w.store().read(f.seller, ticket).orElseThrow();
        assertThat(e.state()).isEqualTo(EnrichmentState.PARTIAL);
        assertThat(e.detail()).contains("FBA shipments report unavailable").contains("FATAL");
        assertThat(e.order().orderId()).isEqualTo(orderId);
        assertThat(e.shipments()).isEmpty();
        assertThat(e.trackingNote()).contains("FBA");
        assertThat(f.carriers.callCount("dhl")).isZero();
    }

    @Test
    void aReportStillProcessingAfterTheBoundedWaitIsRetriedAndSaysSo() {
        String orderId = f.orderId();
        f.fbaOrder(orderId, "+P2D", "DHL:" + f.dhlNumber());
        ((ObjectNode) f.world.get("spapi")).put("reportProcessingDelay", "PT10M");
        f.start();
        EnrichmentWiring w = f.wiring();
        String ticket = f.ticket(orderId, null);

        EnrichmentService.Result r = w.service().enrich(f.request(ticket, orderId));

        assertThat(r.state()).isEqualTo(EnrichmentState.RETRYING);
        assertThat(r.retry()).as("the message comes back; the pending report is reused").isTrue();
        assertThat(w.store().read(f.seller, ticket).orElseThrow().detail())
                .contains("FBA shipments report unavailable").contains("not ready after 20 s");
    }

    @Test
    void anSpApiOutageOnTheReportAsksForARetry() {
        String orderId = f.orderId();
        f.fbaOrder(orderId, "+P2D", "DHL:" + f.dhlNumber());
        f.start();
        f.spApi.injectFault("reports.createReport", 503, 10);
        EnrichmentWiring w = f.wiring();
        String ticket = f.ticket(orderId, null);

        EnrichmentService.Result r = w.service().enrich(f.request(ticket, orderId));

        assertThat(r.state()).isEqualTo(EnrichmentState.RETRYING);
        assertThat(r.retry()).isTrue();
        assertThat(w.store().read(f.seller, ticket).orElseThrow().detail())
                .contains("FBA shipments report could not be requested (HTTP 503)").contains("retrying");
    }
}
