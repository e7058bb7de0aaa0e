package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.spapi.InMemoryQuotaProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A ticket's first enrichment readies the carriers' credentials while the order is read ({@link CarrierPreparation}):
 * the first UPS parcel of a container finds the UPS token fetched when its order returns, instead of fetching it
 * between the order and the tracking call; and nothing is fetched twice.
 */
class CarrierPreparationTest {
    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theCarriersTokenIsFetchedWhileTheOrderIsReadAndOnlyOnce() {
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String number = "1ZDB" + TestStack.unique() + "00000022";
            String orderId = f.orderId();
            f.fbmOrder(orderId, "+P2D", "UPS:" + number);
            f.shipment("ups", number, "+PT20H", "-PT6H|AR|Arrived at Facility|Atlanta|I");
            orderIds.add(orderId);
        }
        f.start();
        EnrichmentWiring w = f.wiring(Fixture.longWindowsOnly(10_000), new InMemoryQuotaProvider(f.clock));
        List<String> steps = Collections.synchronizedList(new ArrayList<>());
        // each order look-up first waits (up to 10 s) until the simulator was asked for a UPS token, then notes whether it was
        EnrichmentService service = new EnrichmentService(f.spApiOrders(() -> {
            long until = System.nanoTime() + 10_000_000_000L;
            while (f.carriers.tokenCallCount("ups") == 0 && System.nanoTime() < until) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            steps.add(f.carriers.tokenCallCount("ups") > 0 ? "order read with the UPS token requested"
                    : "order read before any UPS token request");
        }), w.tracking(), w.cache(), w.store(),
                new com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog(TestStack.get().dynamoDbClient(), TestStack.table(),
                        f.clock), events -> { }, f.clock, Locale.GERMANY);

        for (String orderId : orderIds) {
            EnrichmentService.Result result = service.enrich(f.request(f.ticket(orderId, null), orderId));
            assertThat(result.state()).isEqualTo(EnrichmentState.COMPLETE);
            assertThat(result.carrierCalls()).isEqualTo(1);
        }

        assertThat(steps).as("each order read while the UPS token was readied (the first fetched it, the second found it)")
                .containsExactly("order read with the UPS token requested", "order read with the UPS token requested");
        assertThat(f.carriers.tokenCallCount("ups")).as("one UPS token for both tickets' look-ups").isEqualTo(1);
        assertThat(f.carriers.callCount("ups")).as("one tracking call per parcel").isEqualTo(2);
        assertThat(f.spApi.callCount("lwa.token")).as("one LWA token for the seller").isEqualTo(1);
        assertThat(f.spApi.callCount("orders.getOrder")).isEqualTo(2);
    }
}
