package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.logistics.Carrier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The scheduled refresh of in-transit parcels (found through the sparse refresh index, within the remaining budgets)
 * and the agent's {@code POST /tickets/{id}/tracking/refresh} (answers from cache when fresh and says so).
 */
class RefreshTest {

    private final Fixture f = new Fixture(TestStack.isolatedTable());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void scheduleQueuesDueInTransitParcelsOncePerRunAndSkipsDeliveredOnes() {
        String dhl = f.dhlNumber();
        String ups = "1ZDB" + TestStack.unique() + "00000011";
        String o1 = f.orderId();
        f.fbmOrder(o1, "+P2D", "DHL:" + dhl, "UPS:" + ups);
        f.shipment("dhl", dhl, "+PT20H", "-PT6H|transit|Processed|Koeln");
        f.shipment("ups", ups, null, "-PT48H|OR|Origin Scan|Parsippany|I", "-PT20H|KB|DELIVERED|Atlanta|D");
        f.start();
        EnrichmentWiring w = f.wiring(Fixture.longWindowsOnly(250), null);
        String t1 = f.ticket(o1, null);
        String t2 = f.ticket(o1, null);
        w.service().enrich(f.request(t1, o1));
        w.service().enrich(f.request(t2, o1));
        drainEnrichmentQueue(f.seller);

        assertThat(w.scheduledRefresh().run().planned()).isZero(); // fresh for 2 h
        f.clock.advance(Duration.ofHours(3));
        drainEnrichmentQueue(f.seller);
        TrackingRefresh.Report report = w.scheduledRefresh().run();

        assertThat(report.planned()).isEqualTo(1); // the DHL parcel; the delivered UPS parcel left the index
        assertThat(report.requestsQueued()).isEqualTo(2); // both tickets; the second one delayed to hit the cache
        List<EnrichmentRequest> now = drainEnrichmentQueue(f.seller);
        assertThat(now).hasSize(1);
        assertThat(now.get(0).reason()).isEqualTo(EnrichmentRequest.Reason.SCHEDULED_REFRESH);
        assertThat(now.get(0).ticketId()).isIn(t1, t2);
        // queued parcels are leased: the next run does not queue them again
        assertThat(w.scheduledRefresh().run().planned()).isZero();
        // the refresh itself calls the carrier once more and moves the parcel's next refresh
        w.service().enrich(now.get(0));
        assertThat(f.carriers.callCount("dhl")).isEqualTo(2);
        TrackingCache.Entry entry = w.cache().get(Carrier.DHL, dhl).orElseThrow();
        assertThat(entry.fetchesLastDay()).hasSize(2);
        assertThat(entry.dueAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(2)));
        assertThat(w.cache().get(Carrier.UPS, ups).orElseThrow().dueAt()).isNull();
    }

    @Test
    void agentRefreshAnswersFromCacheWhenFreshQueuesWhenStaleAndSaysWhenTheQuotaIsUsedUp() {
        String dhl = f.dhlNumber();
        String orderId = f.orderId();
        f.fbmOrder(orderId, "+P2D", "DHL:" + dhl);
        f.shipment("dhl", dhl, "+PT20H", "-PT6H|transit|Processed|Koeln");
        f.start();
        EnrichmentWiring w = f.wiring(Fixture.longWindowsOnly(1), null); // one DHL call a day
        String ticket = f.ticket(orderId, null);
        w.service().enrich(f.request(ticket, orderId));
        Instant observed = f.clock.instant();

        f.clock.advance(Duration.ofMinutes(30));
        AgentTrackingRefresh.Result fresh = w.agentRefresh().refresh(f.seller, ticket);
        assertThat(fresh.outcome()).isEqualTo(AgentTrackingRefresh.Outcome.FROM_CACHE);
        assertThat(fresh.fromCache()).isTrue();
        assertThat(fresh.freshUntil()).isEqualTo(observed.plus(Duration.ofHours(2)));
        assertThat(drainEnrichmentQueue(f.seller)).isEmpty();

        f.clock.advance(Duration.ofHours(2));
        AgentTrackingRefresh.Result exhausted = w.agentRefresh().refresh(f.seller, ticket);
        assertThat(exhausted.outcome()).isEqualTo(AgentTrackingRefresh.Outcome.QUOTA_EXHAUSTED);
        assertThat(exhausted.nextCallAt()).isEqualTo(f.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1)));
        assertThat(exhausted.message()).contains("quota used up");
        assertThat(drainEnrichmentQueue(f.seller)).isEmpty();

        f.clock.advance(Duration.ofDays(1));
        AgentTrackingRefresh.Result queued = w.agentRefresh().refresh(f.seller, ticket);
        assertThat(queued.outcome()).isEqualTo(AgentTrackingRefresh.Outcome.QUEUED);
        assertThat(queued.fromCache()).isFalse();
        assertThat(drainEnrichmentQueue(f.seller)).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(EnrichmentRequest.Reason.AGENT_REFRESH);
            assertThat(r.ticketId()).isEqualTo(ticket);
            assertThat(r.orderId()).isEqualTo(orderId);
        });
    }

    @Test
    void agentRefreshOnAnFbaTicketSaysThereIsNothingToTrack() {
        String orderId = f.orderId();
        f.order(orderId, "AMAZON", "SHIPPED", null);
        f.start();
        EnrichmentWiring w = f.wiring();
        String ticket = f.ticket(orderId, null);
        w.service().enrich(f.request(ticket, orderId));

        AgentTrackingRefresh.Result r = w.agentRefresh().refresh(f.seller, ticket);

        assertThat(r.outcome()).isEqualTo(AgentTrackingRefresh.Outcome.NOTHING_TO_TRACK);
        assertThat(r.message()).contains("no tracking API");
    }

    /** Takes every visible message off the test enrichment queue; returns those of {@code seller}. */
    static List<EnrichmentRequest> drainEnrichmentQueue(String seller) {
        String url = TestStack.get().queueUrl("EnrichmentTestQueue");
        List<EnrichmentRequest> out = new ArrayList<>();
        while (true) {
            List<Message> batch = TestStack.get().sqsClient().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) {
                return out;
            }
            for (Message m : batch) {
                EnrichmentRequest r = EnrichmentRequest.parse(m.body());
                if (r.sellerId().startsWith(seller)) {
                    out.add(r);
                }
                TestStack.get().sqsClient().deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }
}
