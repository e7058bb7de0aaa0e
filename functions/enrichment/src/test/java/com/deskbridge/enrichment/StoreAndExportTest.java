package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.logistics.OrderStatus;
import com.deskbridge.logistics.OrderSummary;
import com.deskbridge.logistics.ProactiveFlag;
import com.deskbridge.logistics.TrackingEvent;
import com.deskbridge.logistics.TrackingSnapshot;
import com.deskbridge.logistics.TrackingStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ticket-view JSON and the A-to-z export (the store's write rules: {@link TicketEnrichmentStoreContract}). */
class StoreAndExportTest {

    private final Fixture f = new Fixture();

    @Test
    void ticketViewJsonHasOrderShipmentsFlagsAndEnrichmentBlocks() {
        Instant t = f.clock.instant();
        ObjectNode json = TicketEnrichmentReader.toJson(Optional.of(TicketEnrichmentStoreContract.enrichment(t, "order and tracking loaded", Set.of(ProactiveFlag.DELAYED))));

        assertThat(json.at("/order/orderId").asText()).isEqualTo("028-1111111-1111111");
        assertThat(json.at("/order/channel").asText()).isEqualTo("FBM");
        assertThat(json.at("/order/items/0/sku").asText()).isEqualTo("SKU-1");
        assertThat(json.at("/shipments/0/status").asText()).isEqualTo("InTransit");
        assertThat(json.at("/shipments/0/lastEvents/0/rawCode").asText()).isEqualTo("transit");
        assertThat(json.at("/shipments/0/freshUntil").asText()).isEqualTo(t.plus(Duration.ofHours(2)).toString());
        assertThat(json.at("/flags/0").asText()).isEqualTo("DELAYED");
        assertThat(json.at("/enrichment/state").asText()).isEqualTo("COMPLETE");
        assertThat(json.at("/enrichment/detail").asText()).isEqualTo("order and tracking loaded");
        ObjectNode empty = TicketEnrichmentReader.toJson(Optional.empty());
        assertThat(empty.get("enrichment").isNull()).isTrue();
        assertThat(empty.get("shipments").isEmpty()).isTrue();
    }

    @Test
    void claimExportIsChronologicalPiiFreeAndDetectsTampering() {
        String ticket = f.ticket("028-1111111-1111111", null);
        EvidenceLog log = new DynamoDbEvidenceLog(TestStack.get().dynamoDbClient(), TestStack.table(), f.clock);
        Instant t = f.clock.instant();
        OrderSummary order = new OrderSummary("028-1111111-1111111", "A1PA6795UKMFR9", OrderStatus.SHIPPED, FulfilmentChannel.FBM,
                t.minus(Duration.ofDays(4)), t.minus(Duration.ofDays(3)), t.minus(Duration.ofDays(1)),
                List.of(new OrderSummary.Item("SKU-1", "Mug", 2)),
                List.of(new OrderSummary.ShippedPackage("DHL", "00340434161094042558", t.minus(Duration.ofDays(3)))));
        log.append(f.seller, ticket, EvidenceChain.ORDER_SNAPSHOT, Map.of("orderId", order.orderId(), "orderStatus", "SHIPPED"));
        for (String[] step : new String[][] {{"transit", "InTransit"}, {"delivered", "Delivered"}}) {
            f.clock.advance(Duration.ofHours(5));
            TrackingSnapshot s = new TrackingSnapshot(Carrier.DHL, "00340434161094042558",
                    TrackingStatus.fromTag(step[1]).orElseThrow(), step[0], "text", false, null, null, "Berlin",
                    List.of(new TrackingEvent(f.clock.instant().minusSeconds(60), TrackingStatus.fromTag(step[1]).orElseThrow(),
                            step[0], "text", "Berlin", null)), f.clock.instant(), null);
            log.append(f.seller, ticket, EvidenceChain.TRACKING_OBSERVED, EvidenceChain.trackingPayload(s));
        }

        EvidenceExport.ClaimEvidence claim = EvidenceExport.forClaim(log.chain(f.seller, ticket), order);
        JsonNode json = claim.toJson();

        assertThat(claim.verification().valid()).isTrue();
        assertThat(claim.verification().entries()).isEqualTo(3);
        assertThat(claim.trackingHistory()).extracting(o -> o.fields().get("status")).containsExactly("InTransit", "Delivered");
        assertThat(json.at("/order/promisedDelivery").asText()).isEqualTo(t.minus(Duration.ofDays(1)).toString());
        assertThat(json.at("/order/parcels/0/trackingNumber").asText()).isEqualTo("00340434161094042558");
        assertThat(json.toString()).doesNotContain("Mug").doesNotContain("buyer").doesNotContain("@");

        // the same export from what the ticket shows
        EvidenceExport.ClaimEvidence fromTicket = EvidenceExport.forClaim(log.chain(f.seller, ticket),
                TicketEnrichmentStoreContract.enrichment(t, "x", Set.of()));
        assertThat(fromTicket.order().channel()).isEqualTo("FBM");
        assertThat(fromTicket.order().parcels()).extracting(EvidenceExport.Parcel::carrier).containsExactly("DHL");
        assertThat(fromTicket.verification().valid()).isTrue();

        // someone edits a stored observation: the export says so and where
        String pk = "S#" + f.seller + "#T#" + ticket;
        TestStack.get().dynamoDbClient().updateItem(u -> u.tableName(TestStack.table())
                .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("E#000000000002")))
                .updateExpression("SET payload.#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("Delivered"))));
        EvidenceExport.ClaimEvidence tampered = EvidenceExport.forClaim(log.chain(f.seller, ticket), order);
        assertThat(tampered.verification().valid()).isFalse();
        assertThat(tampered.verification().brokenSequence()).isEqualTo(2L);
    }

    @Test
    void requestBodyRoundTripsAndMalformedBodiesAreRefused() {
        String ticket = Fixture.ticketId();
        String body = EnrichmentRequest.body("A1SELLER", ticket, "028-1111111-1111111", null, EnrichmentRequest.Reason.ORDER_KNOWN);
        EnrichmentRequest r = EnrichmentRequest.parse(body);
        assertThat(r).isEqualTo(new EnrichmentRequest("A1SELLER", ticket, "028-1111111-1111111", null, EnrichmentRequest.Reason.ORDER_KNOWN));
        assertThat(body).contains("\"version\":1");
        assertThatThrownBy(() -> EnrichmentRequest.parse("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnrichmentRequest.parse(body.replace("\"version\":1", "\"version\":2")))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> EnrichmentRequest.parse(body.replace("ORDER_KNOWN", "WHENEVER"))).hasMessageContaining("reason");
        assertThatThrownBy(() -> EnrichmentRequest.parse(body.replace(ticket, "T1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
