package com.deskbridge.spapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.http.Quota;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SP-API client against the simulator over real HTTP: LWA, rate limits, retries, Orders v2026 and v0. */
class OrdersAndAuthTest {

    private SimulatorHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void oneTokenRequestServesManyCallsUntilTheTokenIsAboutToExpire() {
        h = new SimulatorHarness();
        SpApiClient client = h.client();
        for (int i = 0; i < 12; i++) {
            assertThat(client.orders().getOrderV2026(h.seller, "028-4711001-0000001")).isPresent();
        }
        assertThat(h.simulator.callCount("lwa.token")).isEqualTo(1);
        assertThat(h.simulator.callCount("orders.getOrder")).isEqualTo(12);

        h.clock.advance(Duration.ofMinutes(59).plusSeconds(1)); // within the 60 s early-refresh margin of the 1 h token
        assertThat(client.orders().getOrderV2026(h.seller, "028-4711001-0000001")).isPresent();
        assertThat(h.simulator.callCount("lwa.token")).isEqualTo(2);
    }

    @Test
    void revokedTokenIsDroppedAndTheCallRetriedOnceWithAFreshOne() {
        h = new SimulatorHarness();
        SpApiClient client = h.client();
        assertThat(client.orders().getOrderV2026(h.seller, "028-4711001-0000001")).isPresent();
        h.simulator.revokeAccessTokens();

        assertThat(client.orders().getOrderV2026(h.seller, "028-4711001-0000001")).isPresent();
        assertThat(h.simulator.callCount("lwa.token")).isEqualTo(2);
        assertThat(h.simulator.callCount("orders.getOrder")).isEqualTo(3); // ok, 403, ok
    }

    @Test
    void persistent403IsReportedWithAmazonsErrorCode() {
        h = new SimulatorHarness();
        h.simulator.injectFault("fba.getFulfillmentOrder", 403, 2);
        assertThatThrownBy(() -> h.client().fulfillmentOutbound().getFulfillmentOrder(h.sellerUs, "MCF-SHOP-1001"))
                .isInstanceOfSatisfying(SpApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.errorCode()).contains("Unauthorized");
                    assertThat(e.requestId()).isPresent();
                });
        assertThat(h.simulator.callCount("lwa.token")).isEqualTo(2);
    }

    @Test
    void throttledAndFailedCallsAreRetriedWithBackoff() {
        h = new SimulatorHarness();
        h.simulator.injectFault("orders.getOrder", 429, 2);
        h.simulator.injectFault("ordersV0.getOrderItems", 503, 1);
        SpApiClient client = h.client();

        assertThat(client.orders().getOrderV2026(h.seller, "028-4711001-0000001")).isPresent();
        assertThat(h.simulator.callCount("orders.getOrder")).isEqualTo(3);
        assertThat(h.simulator.throttledCount("orders.getOrder")).isEqualTo(2);
        assertThat(client.orders().getOrderV0(h.seller, "028-4711001-0000001").orElseThrow().items()).hasSize(1);
        assertThat(h.simulator.callCount("ordersV0.getOrderItems")).isEqualTo(2);
        assertThat(h.clock.sleeps()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aBurstOfAHundredCallsStaysWithinAmazonsLimitsAndIsNeverThrottled() {
        h = new SimulatorHarness();
        SpApiClient client = h.client();
        Instant start = h.clock.instant();
        for (int i = 0; i < 100; i++) {
            assertThat(client.orders().getOrderV2026(h.seller, "028-4711001-0000001")).isPresent();
        }
        assertThat(h.simulator.callCount("orders.getOrder")).isEqualTo(100);
        assertThat(h.simulator.throttledCount("orders.getOrder")).isZero();
        // burst 30, then 0.5 req/s: the remaining 70 calls need about 140 s of (simulated) waiting
        assertThat(Duration.between(start, h.clock.instant())).isBetween(Duration.ofSeconds(135), Duration.ofSeconds(145));
        assertThat(h.simulator.callCount("lwa.token")).isEqualTo(1);
    }

    @Test
    void withoutClientSideLimitsTheSimulatorThrottlesAndTheClientRecovers() {
        h = new SimulatorHarness();
        SpApiClient unlimited = h.client((op, seller) -> () -> Quota.GRANTED);
        for (int i = 0; i < 40; i++) {
            assertThat(unlimited.fulfillmentOutbound().getPackageTrackingDetails(h.sellerUs, 470001001)).isPresent();
        }
        // 2 req/s, burst 30: calls 31..40 hit 429 at least once; retries with backoff on the shared clock get through
        assertThat(h.simulator.throttledCount("fba.getPackageTrackingDetails")).isPositive();
    }

    @Test
    void loginWithAmazonOutagesAreRetried() {
        h = new SimulatorHarness();
        h.simulator.injectFault("lwa.token", 503, 2);
        assertThat(h.client().orders().getOrder(h.seller, "028-4711001-0000001")).isPresent();
        assertThat(h.simulator.callCount("lwa.token")).isEqualTo(3);
    }

    @Test
    void unknownOrderIsEmpty() {
        h = new SimulatorHarness();
        SpApiClient client = h.client();
        assertThat(client.orders().getOrder(h.seller, "999-0000000-0000000")).isEmpty();
        assertThat(client.orders().getOrderV0(h.seller, "999-0000000-0000000")).isEmpty();
        assertThat(h.simulator.callCount("ordersV0.getOrder")).isEqualTo(1); // 404 is not a reason to fall back
    }

    @Test
    void v2026AndV0DescribeTheSameOrderAlike() {
        h = new SimulatorHarness();
        SpApiClient client = h.client();
        SpOrder v2026 = client.orders().getOrderV2026(h.seller, "028-4711001-0000001").orElseThrow();
        SpOrder v0 = client.orders().getOrderV0(h.seller, "028-4711001-0000001").orElseThrow();

        assertThat(v2026.source()).isEqualTo(SpOrder.Source.ORDERS_V2026);
        assertThat(v0.source()).isEqualTo(SpOrder.Source.ORDERS_V0);
        for (SpOrder o : new SpOrder[] {v2026, v0}) {
            assertThat(o.orderId()).isEqualTo("028-4711001-0000001");
            assertThat(o.marketplaceId()).isEqualTo("A1PA6795UKMFR9");
            assertThat(o.status()).isEqualTo(OrderStatus.SHIPPED);
            assertThat(o.fulfillmentChannel()).isEqualTo(FulfillmentChannel.FBM);
            assertThat(o.purchaseDate()).isEqualTo(Instant.parse("2026-11-16T10:00:00Z")); // "-P4D" from the clock at start
            assertThat(o.latestShipDate()).contains(Instant.parse("2026-11-17T10:00:00Z"));
            assertThat(o.latestDeliveryDate()).contains(Instant.parse("2026-11-21T10:00:00Z"));
            assertThat(o.orderTotal()).contains(new Money(new BigDecimal("28.90"), "EUR"));
            assertThat(o.prime()).isTrue();
            SpOrderItem item = o.items().get(0);
            assertThat(item.sku()).contains("DB-MUG-BLUE");
            assertThat(item.asin()).contains("B0DEMO0001");
            assertThat(item.quantityOrdered()).isEqualTo(2);
            assertThat(item.quantityShipped()).contains(2);
            assertThat(item.unitPrice()).contains(new Money(new BigDecimal("12.50"), "EUR"));
            assertThat(item.itemPrice()).contains(new Money(new BigDecimal("25.00"), "EUR"));
            assertThat(item.shippingPrice()).as("refundable shipping").contains(new Money(new BigDecimal("3.90"), "EUR"));
            assertThat(item.itemTax().map(m -> m.amount().signum())).contains(0);
        }
        assertThat(v2026.packages()).singleElement().satisfies(p -> {
            assertThat(p.carrier()).contains("DHL");
            assertThat(p.trackingNumber()).contains("00340434161094042557");
            assertThat(p.status()).contains("IN_TRANSIT");
        });
        assertThat(v2026.buyer().orElseThrow().anonymisedEmail()).contains("x7k2m9q4p1@marketplace.amazon.de");
        assertThat(v2026.buyer().orElseThrow().toString()).doesNotContain("x7k2m9q4p1").doesNotContain("Jana");
        assertThat(v2026.shipTo().orElseThrow().postalCode()).contains("50667");
        assertThat(v0.packages()).isEmpty();
    }

    @Test
    void channelsStatusesAndBuyerCancelRequestsOfTheDemoWorld() {
        h = new SimulatorHarness();
        OrdersClient orders = h.client().orders();
        SpOrder fba = orders.getOrder(h.seller, "028-4711004-0000005").orElseThrow();
        assertThat(fba.fulfillmentChannel()).isEqualTo(FulfillmentChannel.FBA);
        assertThat(fba.packages()).isEmpty();
        SpOrder unshipped = orders.getOrder(h.seller, "028-4711003-0000004").orElseThrow();
        assertThat(unshipped.status()).isEqualTo(OrderStatus.UNSHIPPED);
        assertThat(unshipped.items().get(0).buyerRequestedCancel()).isTrue();
        assertThat(unshipped.items().get(0).buyerCancelReason()).contains("Ordered by mistake");
        assertThat(orders.getOrderV0(h.seller, "028-4711003-0000004").orElseThrow().items().get(0).buyerRequestedCancel()).isTrue();
        assertThat(orders.getOrder(h.seller, "028-4711005-0000006").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.getOrderV0(h.seller, "028-4711005-0000006").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.getOrder(h.sellerUs, "113-4711103-0000103").orElseThrow().packages().get(0).trackingNumber())
                .contains("9400111899223197428490");
    }

    @Test
    void nonAmazonChannelFulfilledByAmazonIsMcf() {
        h = new SimulatorHarness(world -> {
            ObjectNode order = (ObjectNode) world.get("orders").get(3);
            order.put("salesChannel", "NON_AMAZON");
        });
        OrdersClient orders = h.client().orders();
        assertThat(orders.getOrderV2026(h.seller, "028-4711004-0000005").orElseThrow().fulfillmentChannel()).isEqualTo(FulfillmentChannel.MCF);
        assertThat(orders.getOrderV0(h.seller, "028-4711004-0000005").orElseThrow().fulfillmentChannel()).isEqualTo(FulfillmentChannel.MCF);
    }

    @Test
    void fallsBackToV0WhenV2026RefusesTheApplication() {
        h = new SimulatorHarness();
        h.simulator.injectFault("orders.getOrder", 403, 2);
        SpOrder order = h.client().orders().getOrder(h.seller, "028-4711002-0000002").orElseThrow();
        assertThat(order.source()).isEqualTo(SpOrder.Source.ORDERS_V0);
        assertThat(order.items()).singleElement().satisfies(i -> assertThat(i.title()).contains("Desk lamp with USB-C"));
    }

    @Test
    void refusedRefreshTokenIsAClearErrorWithoutSecrets() {
        h = new SimulatorHarness();
        String goodToken = h.refreshToken;
        h.secret = java.util.Map.of("client_id", h.clientId, "client_secret", h.clientSecret, "refresh_token", goodToken + "-revoked");
        assertThatThrownBy(() -> h.client().orders().getOrder(h.seller, "028-4711001-0000001"))
                .isInstanceOfSatisfying(LwaAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_grant");
                    assertThat(e.reauthorisationNeeded()).isTrue();
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains(SimulatorHarness.SELLER_ID).doesNotContain(goodToken)
                            .doesNotContain(h.clientSecret);
                });
        h.secret = java.util.Map.of("client_id", h.clientId, "client_secret", "wrong-secret-value", "refresh_token", goodToken);
        assertThatThrownBy(() -> h.client().orders().getOrder(h.seller, "028-4711001-0000001"))
                .isInstanceOfSatisfying(LwaAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_client");
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain("wrong-secret-value");
                });
        assertThat(h.simulator.callCount("orders.getOrder")).isZero();
    }
}
