package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog;
import com.deskbridge.enrichment.TicketEnrichment.ShipmentView;
import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import com.deskbridge.logistics.ProactiveFlag;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Enrichment end to end against the real SP-API and carrier simulators over HTTP and DynamoDB Local / the local
 * EventBridge (issue 4; where tracking comes from per channel: functions/spapi/README.md; carriers: functions/carriers/README.md).
 */
class EnrichmentServiceTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private EvidenceLog evidence() {
        return new DynamoDbEvidenceLog(TestStack.get().dynamoDbClient(), TestStack.table(), f.clock);
    }

    private Map<String, AttributeValue> ticketItem(String ticketId) {
        return TestStack.get().dynamoDbClient().getItem(g -> g.tableName(TestStack.table()).consistentRead(true)
                .key(DynamoDbTicketEnrichmentStore.key(f.seller, ticketId))).item();
    }

    @Test
    void fbmOrderWithDhlAndUpsPackagesGetsOrderShipmentsFlagsEvidenceAndOneEvent() throws Exception {
        String dhl = f.dhlNumber();
        String ups = "1ZDB" + TestStack.unique() + "00000011";
        String orderId = f.orderId();
        f.fbmOrder(orderId, "-PT12H", "DHL:" + dhl, "UPS:" + ups);
        f.shipment("dhl", dhl, "+PT20H", "-PT30H|pre-transit|The instruction data for this shipment have been provided|Bonn",
                "-PT6H|transit|The shipment has been processed in the parcel center of origin|Koeln");
        f.shipment("ups", ups, null, "-PT60H|MP|Shipper created a label|Wayne|M", "-PT48H|OR|Origin Scan|Parsippany|I",
                "-PT20H|KB|DELIVERED|Atlanta|D");
        f.start();
        EnrichmentWiring w = f.wiring();
        String ticket = f.ticket(orderId, null);

        EnrichmentService.Result result = w.service().enrich(f.request(ticket, orderId));

        assertThat(result.state()).isEqualTo(EnrichmentState.COMPLETE);
        assertThat(result.retry()).isFalse();
        assertThat(result.carrierCalls()).isEqualTo(2);
        TicketEnrichment e = w.store().read(f.seller, ticket).orElseThrow();
        assertThat(e.state()).isEqualTo(EnrichmentState.COMPLETE);
        assertThat(e.order().orderId()).isEqualTo(orderId);
        assertThat(e.order().channel()).isEqualTo("FBM");
        assertThat(e.order().status()).isEqualTo("SHIPPED");
        assertThat(e.order().items()).singleElement().satisfies(i -> {
            assertThat(i.sku()).isEqualTo("DB-MUG-BLUE");
            assertThat(i.quantity()).isEqualTo(2);
        });
        ShipmentView d = shipment(e, dhl);
        assertThat(d.carrier()).isEqualTo("DHL");
        assertThat(d.status()).isEqualTo("InTransit");
        assertThat(d.estimatedDelivery()).isEqualTo(f.clock.instant().plus(Duration.ofHours(20)));
        assertThat(d.trackingLink()).contains("dhl.com").contains(dhl);
        assertThat(d.lastLocation()).contains("Koeln");
        assertThat(d.lastEvents()).first().satisfies(ev -> {
            assertThat(ev.rawCode()).isEqualTo("transit");
            assertThat(ev.rawText()).contains("parcel center of origin");
        });
        assertThat(d.flags()).containsExactly(ProactiveFlag.DELAYED);
        assertThat(d.freshUntil()).isEqualTo(d.observedAt().plus(Duration.ofHours(2)));
        ShipmentView u = shipment(e, ups);
        assertThat(u.status()).isEqualTo("Delivered");
        assertThat(u.flags()).isEmpty();
        assertThat(u.trackingLink()).contains("ups.com");
        // the flag raised the priority and its event went out exactly once
        Map<String, AttributeValue> item = ticketItem(ticket);
        assertThat(item.get("priority").s()).isEqualTo("HIGH");
        assertThat(item.get(DynamoDbTicketEnrichmentStore.OUTBOX).l()).isEmpty();
        List<JsonNode> events = logisticsEvents(ticket, 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("source").asText()).isEqualTo("deskbridge.logistics");
        assertThat(events.get(0).get("detail-type").asText()).isEqualTo("ShipmentDelayed");
        assertThat(events.get(0).at("/detail/trackingNumber").asText()).isEqualTo(dhl);
        // evidence: the order snapshot and both observations, hash-chained and intact, no buyer data
        EvidenceLog.StoredChain chain = evidence().chain(f.seller, ticket);
        assertThat(chain.entries()).extracting(EvidenceChain.Entry::kind).containsExactly(EvidenceChain.ORDER_SNAPSHOT,
                EvidenceChain.TRACKING_OBSERVED, EvidenceChain.TRACKING_OBSERVED);
        assertThat(chain.verify().valid()).isTrue();
        assertThat(chain.entries().toString()).doesNotContain("Jana").doesNotContain("Hauptstrasse").doesNotContain("@");

        // the same request again: nothing changed, so no carrier call (cache), no new evidence, no second event
        f.clock.advance(Duration.ofMinutes(5));
        EnrichmentService.Result again = w.service().enrich(f.request(ticket, orderId));
        assertThat(again.carrierCalls()).isZero();
        assertThat(f.carriers.callCount("dhl")).isEqualTo(1);
        assertThat(f.carriers.callCount("ups")).isEqualTo(1);
        assertThat(evidence().chain(f.seller, ticket).entries()).hasSize(3);
        assertThat(logisticsEvents(ticket, 0)).isEmpty();
    }

    @Test
    void aSecondTicketAboutTheSameParcelMakesNoCarrierCall() {
        String dhl = f.dhlNumber();
        String o1 = f.orderId();
        f.fbmOrder(o1, "+P2D", "DHL:" + dhl);
        f.shipment("dhl", dhl, "+PT20H", "-PT6H|transit|Processed|Koeln");
        f.start();
        EnrichmentWiring w = f.wiring();
        String t1 = f.ticket(o1, null);
        String t2 = f.ticket(o1, null);

        assertThat(w.service().enrich(f.request(t1, o1)).carrierCalls()).isEqualTo(1);
        EnrichmentService.Result second = w.service().enrich(f.request(t2, o1));

        assertThat(second.carrierCalls()).isZero();
        assertThat(f.carriers.callCount("dhl")).isEqualTo(1);
        assertThat(shipment(w.store().read(f.seller, t2).orElseThrow(), dhl).status()).isEqualTo("InTransit");
        assertThat(w.cache().get(com.deskbridge.logistics.Carrier.DHL, dhl).orElseThrow().subscribers())
                .extracting(TrackingCache.Subscriber::ticketId).containsExactlyInAnyOrder(t1, t2);
        // once stale (in transit: 2 h), the next ticket asks the carrier again
        f.clock.advance(Duration.ofHours(3));
        String t3 = f.ticket(o1, null);
        assertThat(w.service().enrich(f.request(t3, o1)).carrierCalls()).isEqualTo(1);
        assertThat(f.carriers.callCount("dhl")).isEqualTo(2);
    }

    @Test
    void mcfOrderIsTrackedThroughFulfillmentOutbound() {
        String mcfId = "MCF-SHOP-" + TestStack.unique();
        String tba = "TBA" + TestStack.unique() + "345678";
        int packageNumber = 470000000 + Integer.parseInt(TestStack.unique());
        JsonNode mcf = Fixture.JSON.createObjectNode().put("sellerFulfillmentOrderId", mcfId).put("sellerId", f.seller)
                .put("displayableOrderId", "SHOP-1").put("marketplaceId", "ATVPDKIKX0DER").put("displayableOrderDate", "-P4D")
                .put("receivedDate", "-P4D").put("statusUpdatedDate", "-P1D").put("status", "Complete")
                .put("shippingSpeedCategory", "Standard");
        ((com.fasterxml.jackson.databind.node.ObjectNode) mcf).putObject("destination").put("name", "Chris Miller")
                .put("addressLine1", "15 Oak Rd").put("city", "Denver").put("countryCode", "US");
        ((com.fasterxml.jackson.databind.node.ObjectNode) mcf).putArray("items").addObject().put("sellerSku", "DB-BOTTLE")
                .put("sellerFulfillmentOrderItemId", "x-1").put("quantity", 1);
        var pkg = ((com.fasterxml.jackson.databind.node.ObjectNode) mcf).putArray("shipments").addObject()
                .put("amazonShipmentId", "Dk1").put("fulfillmentCenterId", "PHX7").put("status", "SHIPPED")
                .put("shippingDate", "-P3D").put("estimatedArrivalDate", "PT6H").putArray("packages").addObject()
                .put("packageNumber", packageNumber).put("carrierCode", "AMZN_US").put("trackingNumber", tba)
                .put("estimatedArrivalDate", "PT6H");
        var tracking = pkg.putObject("tracking").put("currentStatus", "OUT_FOR_DELIVERY").put("currentStatusDescription", "Out for delivery")
                .put("signedForBy", "Chris Miller");
        tracking.putArray("events").addObject().put("eventDate", "-P1D").put("eventCode", "EVENT_201")
                .put("eventDescription", "Arrival scan.").put("city", "Denver").put("state", "CO").put("country", "US");
        ((com.fasterxml.jackson.databind.node.ArrayNode) f.world.get("fulfillmentOrders")).add(mcf);
        f.start();
        EnrichmentWiring w = f.wiring();
        String ticket = f.ticket(mcfId, null);

        EnrichmentService.Result r = w.service().enrich(new EnrichmentRequest(f.seller, ticket, mcfId, "ATVPDKIKX0DER",
                EnrichmentRequest.Reason.ORDER_KNOWN));

        assertThat(r.state()).isEqualTo(EnrichmentState.COMPLETE);
        TicketEnrichment e = w.store().read(f.seller, ticket).orElseThrow();
        assertThat(e.order().channel()).isEqualTo("MCF");
        assertThat(e.order().status()).isEqualTo("SHIPPED");
        ShipmentView s = shipment(e, tba);
        assertThat(s.source()).isEqualTo("mcf");
        assertThat(s.carrier()).isEqualTo("AMAZON_LOGISTICS");
        assertThat(s.status()).isEqualTo("OutForDelivery");
        assertThat(s.rawStatusCode()).isEqualTo("OUT_FOR_DELIVERY");
        assertThat(s.trackingLink()).contains("swiship.com");
        assertThat(s.lastEvents()).first().satisfies(ev -> assertThat(ev.rawCode()).isEqualTo("EVENT_201"));
        assertThat(e.toString()).doesNotContain("Chris Miller");
        assertThat(f.spApi.callCount("fba.getPackageTrackingDetails")).isEqualTo(1);
        int carrierCalls = com.deskbridge.sim.carriers.CarrierSimulator.CARRIERS.stream().mapToInt(f.carriers::callCount).sum();
        assertThat(carrierCalls).isZero();
    }

    @Test
    void fbaOrderSaysPlainlyThatThereIsNoTracking() {
        String orderId = f.orderId();
        f.order(orderId, "AMAZON", "SHIPPED", null);
        f.start();
        EnrichmentWiring w = f.wiring();
        String ticket = f.ticket(orderId, null);

        EnrichmentService.Result r = w.service().enrich(f.request(ticket, orderId));

        assertThat(r.state()).isEqualTo(EnrichmentState.COMPLETE);
        TicketEnrichment e = w.store().read(f.seller, ticket).orElseThrow();
        assertThat(e.order().channel()).isEqualTo("FBA");
        assertThat(e.shipments()).isEmpty();
        assertThat(e.trackingNote()).contains("no tracking API").contains("FBA");
        assertThat(r.carrierCalls()).isZero();
        assertThat(com.deskbridge.sim.carriers.CarrierSimulator.CARRIERS.stream().mapToInt(f.carriers::callCount).sum()).isZero();
    }

    @Test
    void unknownTrackingNumberLeavesThePartialStateWithAReason() {
        String unknown = f.dhlNumber();
        String orderId = f.orderId();
        f.fbmOrder(orderId, "+P2D", "DHL:" + unknown);
        f.start();
        EnrichmentWiring w = f.wiring();
        String ticket = f.ticket(orderId, null);

        EnrichmentService.Result r = w.service().enrich(f.request(ticket, orderId));

        assertThat(r.state()).isEqualTo(EnrichmentState.PARTIAL);
        assertThat(r.retry()).isFalse();
        TicketEnrichment e = w.store().read(f.seller, ticket).orElseThrow();
        assertThat(e.detail()).contains("DHL does not know tracking number " + unknown);
        ShipmentView s = shipment(e, unknown);
        assertThat(s.status()).isNull();
        assertThat(s.note()).contains("does not know");
        assertThat(s.trackingLink()).contains(unknown);
        assertThat(e.order().orderId()).isEqualTo(orderId);
    }

    @Test
    void unknownOrderFailsVisibly() {
        f.start();
        EnrichmentWiring w = f.wiring();
        String orderId = f.orderId();
        String ticket = f.ticket(orderId, null);

        EnrichmentService.Result r = w.service().enrich(f.request(ticket, orderId));

        assertThat(r.state()).isEqualTo(EnrichmentState.FAILED);
        assertThat(r.retry()).isFalse();
        assertThat(w.store().read(f.seller, ticket).orElseThrow().detail()).contains("not found");
    }

    @Test
    void spApiOutageShowsRetryingAndAsksForARetry() {
        String orderId = f.orderId();
        f.order(orderId, "AMAZON", "SHIPPED", null);
        f.start();
        f.spApi.injectFault("orders.getOrder", 503, 10);
        EnrichmentWiring w = f.wiring();
        String ticket = f.ticket(orderId, null);

        EnrichmentService.Result r = w.service().enrich(f.request(ticket, orderId));

        assertThat(r.state()).isEqualTo(EnrichmentState.RETRYING);
        assertThat(r.retry()).isTrue();
        TicketEnrichment e = w.store().read(f.seller, ticket).orElseThrow();
        assertThat(e.state()).isEqualTo(EnrichmentState.RETRYING);
        assertThat(e.detail()).contains("SP-API").contains("503").contains("retrying");
    }

    @Test
    void aFlagNeverLowersAHigherPriorityAndExceptionsRaiseToHigh() {
        String lost = f.dhlNumber();
        String refused = "1ZDB" + TestStack.unique() + "00000044";
        String o1 = f.orderId();
        String o2 = f.orderId();
        f.fbmOrder(o1, "+P2D", "DHL:" + lost);
        f.fbmOrder(o2, "+P2D", "UPS:" + refused);
        // in transit and silent for 11 days: LOST
        f.shipment("dhl", lost, null, "-P12D|transit|Processed|Koeln", "-P11D|transit|Departed|Koeln");
        f.shipment("ups", refused, null, "-PT48H|OR|Origin Scan|Parsippany|I", "-PT2H|RF|Refused by consignee|Atlanta|X");
        f.start();
        EnrichmentWiring w = f.wiring();
        String urgentTicket = f.ticket(o1, "URGENT");
        String lowTicket = f.ticket(o2, "LOW");

        w.service().enrich(f.request(urgentTicket, o1));
        w.service().enrich(f.request(lowTicket, o2));

        assertThat(shipment(w.store().read(f.seller, urgentTicket).orElseThrow(), lost).flags()).contains(ProactiveFlag.LOST);
        assertThat(ticketItem(urgentTicket).get("priority").s()).isEqualTo("URGENT");
        assertThat(shipment(w.store().read(f.seller, lowTicket).orElseThrow(), refused).flags()).contains(ProactiveFlag.EXCEPTION);
        assertThat(ticketItem(lowTicket).get("priority").s()).isEqualTo("HIGH");
        assertThat(logisticsEvents(urgentTicket, 1)).extracting(n -> n.get("detail-type").asText()).containsExactly("ShipmentLost");
    }

    @Test
    void flagEventsSurviveABusOutageAndArePublishedOnceLater() {
        String dhl = f.dhlNumber();
        String orderId = f.orderId();
        f.fbmOrder(orderId, "-PT1H", "DHL:" + dhl);
        f.shipment("dhl", dhl, null, "-PT6H|transit|Processed|Koeln");
        f.start();
        EnrichmentWiring w = f.wiring();
        String ticket = f.ticket(orderId, null);
        EnrichmentService down = new EnrichmentService(
                new SpApiOrderSource(f.spApiClient(), SellerAccounts.bySecretPrefix("spapi/", "A1PA6795UKMFR9")), w.tracking(),
                w.cache(), w.store(), evidence(), events -> {
                    throw new IllegalStateException("bus unavailable");
                }, f.clock, java.util.Locale.GERMANY);

        EnrichmentService.Result r = down.enrich(f.request(ticket, orderId));

        assertThat(r.retry()).isTrue();
        assertThat(w.store().pendingEvents(f.seller, ticket)).extracting(LogisticsEvent::detailType)
                .containsExactly("ShipmentDelayed");
        assertThat(ticketItem(ticket).get("priority").s()).isEqualTo("HIGH");
        // the retry (bus back) publishes the kept event and raises nothing new
        EnrichmentService.Result retried = w.service().enrich(f.request(ticket, orderId));
        assertThat(retried.retry()).isFalse();
        assertThat(w.store().pendingEvents(f.seller, ticket)).isEmpty();
        assertThat(logisticsEvents(ticket, 1)).hasSize(1);
    }

    /**
     * A ticket's first enrichment finds out which carrier accounts the seller's parcels go through while the order is
     * read (TrackingSource.prepare, in parallel with getOrder), not between the order and the carrier: the order
     * look-up here waits until the preparation has started, and the tracking finds it done. The result is the same.
     */
    @Test
    void theSellersCarrierAccountsAreFoundOutWhileTheOrderIsRead() throws Exception {
        String dhl = f.dhlNumber();
        String orderId = f.orderId();
        f.fbmOrder(orderId, "-PT12H", "DHL:" + dhl);
        f.shipment("dhl", dhl, "+PT20H", "-PT6H|transit|Processed|Koeln");
        f.start();
        EnrichmentWiring w = f.wiring();
        String ticket = f.ticket(orderId, null);
        java.util.concurrent.CountDownLatch preparing = new java.util.concurrent.CountDownLatch(1);
        List<String> prepared = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> steps = java.util.Collections.synchronizedList(new ArrayList<>());
        com.deskbridge.logistics.TrackingSource carriers = new com.deskbridge.logistics.TrackingSource() {
            @Override
            public TrackingResult track(com.deskbridge.logistics.Carrier carrier, String number) {
                return w.tracking().track(carrier, number);
            }

            @Override
            public com.deskbridge.logistics.TrackingSource forSeller(String seller) {
                com.deskbridge.logistics.TrackingSource own = w.tracking().forSeller(seller);
                return (carrier, number) -> {
                    steps.add(prepared.contains(seller) ? "tracked after preparation" : "tracked unprepared");
                    return own.track(carrier, number);
                };
            }

            @Override
            public void prepare(String seller) {
                preparing.countDown();
                w.tracking().prepare(seller);
                prepared.add(seller);
            }
        };
        AmazonOrders orders = f.spApiOrders(() -> {
            try {
                steps.add(preparing.await(30, java.util.concurrent.TimeUnit.SECONDS)
                        ? "order read while preparing" : "order read before any preparation");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        EnrichmentService service = new EnrichmentService(orders, orders, carriers, w.cache(), w.store(), evidence(),
                events -> { }, f.clock, java.util.Locale.GERMANY);

        EnrichmentService.Result result = service.enrich(f.request(ticket, orderId));

        assertThat(result.state()).isEqualTo(EnrichmentState.COMPLETE);
        assertThat(result.carrierCalls()).isEqualTo(1);
        assertThat(steps).containsExactly("order read while preparing", "tracked after preparation");
        assertThat(prepared).containsExactly(f.seller);
        // a later enrichment of the same ticket (a refresh) prepares nothing: the ticket's first one is what a buyer waits for
        service.enrich(f.request(ticket, orderId));
        assertThat(prepared).containsExactly(f.seller);
    }

    static ShipmentView shipment(TicketEnrichment e, String number) {
        return e.shipments().stream().filter(s -> s.trackingNumber().equals(number)).findFirst()
                .orElseThrow(() -> new AssertionError("no shipment " + number + " in " + e.shipments()));
    }

    private static final List<JsonNode> RECEIVED = new ArrayList<>();

    /**
     * The logistics events for {@code ticketId} that reached the bus's test rule; waits until {@code expected} arrived
     * (delivery is asynchronous), then a little longer to catch duplicates. Every received event is deleted from the
     * queue and kept here, so events of other tickets wait for their own test.
     */
    static synchronized List<JsonNode> logisticsEvents(String ticketId, int expected) {
        String url = TestStack.get().queueUrl("LogisticsEventsTestQueue");
        List<JsonNode> found = new ArrayList<>();
        int emptyPolls = 0;
        while (emptyPolls < (found.size() >= expected ? 6 : 40)) {
            List<Message> batch = TestStack.get().sqsClient().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            for (Message m : batch) {
                try {
                    RECEIVED.add(Fixture.JSON.readTree(m.body()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                TestStack.get().sqsClient().deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
            int before = found.size();
            for (java.util.Iterator<JsonNode> it = RECEIVED.iterator(); it.hasNext(); ) {
                JsonNode n = it.next();
                if (ticketId.equals(n.at("/detail/ticketId").asText())) {
                    found.add(n);
                    it.remove();
                }
            }
            if (batch.isEmpty() && found.size() == before) {
                emptyPolls++;
                sleepBriefly();
            }
        }
        return found;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
