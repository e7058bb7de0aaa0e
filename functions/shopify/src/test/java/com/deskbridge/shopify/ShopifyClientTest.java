package com.deskbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.channels.ChannelAuthorizationException;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.logistics.OrderStatus;
import com.deskbridge.logistics.OrderSummary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens with rotating refresh tokens, the cost throttle, errors and orders, against the simulator over HTTP. */
class ShopifyClientTest {

    private ShopifyHarness h;

    @BeforeEach
    void start() {
        h = new ShopifyHarness();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void anOrderByNameCarriesItsLinesAndTrackedFulfilment() {
        OrderSummary o = new ShopifyOrderSource(h.client(), h.shops()).order(ShopifyHarness.SELLER, "#1001").orElseThrow();
        assertThat(o.orderId()).isEqualTo("#1001");
        assertThat(o.channel()).isEqualTo(FulfilmentChannel.FBM);
        assertThat(o.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(o.marketplaceId()).isEqualTo(ShopifyHarness.DOMAIN);
        assertThat(o.items()).extracting(OrderSummary.Item::sku).containsExactly("CANDLE-3", "MATCHES");
        assertThat(o.packages()).singleElement().satisfies(p -> {
            assertThat(p.carrier()).isEqualTo(Carrier.DHL);
            assertThat(p.trackingNumber()).isEqualTo("00340434161094042560");
        });
        assertThat(o.promisedDelivery()).isEmpty();
    }

    @Test
    void ordersAreFoundByNumberGlobalIdOrNotAtAll() {
        ShopifyOrderSource source = new ShopifyOrderSource(h.client(), h.shops());
        assertThat(source.order(ShopifyHarness.SELLER, "1002").orElseThrow().status()).isEqualTo(OrderStatus.UNSHIPPED);
        assertThat(source.order(ShopifyHarness.SELLER, "gid://shopify/Order/5003").orElseThrow().orderId()).isEqualTo("#1003");
        assertThat(source.order(ShopifyHarness.SELLER, "#9999")).isEmpty();
    }

    @Test
    void theRotatedRefreshTokenIsStoredAndOneAccessTokenServesTheHour() {
        String before = h.storedRefresh.get(ShopifyHarness.DOMAIN);
        ShopifyClient client = h.client();
        for (int i = 0; i < 4; i++) {
            assertThat(client.orders().byName(h.shop, "#1001")).isPresent();
        }
        assertThat(h.sim.callCount("oauth.token")).isEqualTo(1);
        String rotated = h.storedRefresh.get(ShopifyHarness.DOMAIN);
        assertThat(rotated).isNotEqualTo(before).isEqualTo(h.sim.credentials(ShopifyHarness.DOMAIN).get("refresh_token"));

        h.clock.advance(Duration.ofMinutes(59).plusSeconds(30));
        assertThat(client.orders().byName(h.shop, "#1001")).isPresent();
        assertThat(h.sim.callCount("oauth.token")).isEqualTo(2);
        assertThat(h.storedRefresh.get(ShopifyHarness.DOMAIN)).isNotEqualTo(rotated);
    }

    @Test
    void aRejectedAccessTokenIsReplacedAndTheCallRetriedOnce() {
        ShopifyClient client = h.client();
        client.orders().byName(h.shop, "#1001");
        h.sim.expireAccessTokens();
        assertThat(client.orders().byName(h.shop, "#1001")).isPresent();
        assertThat(h.sim.callCount("oauth.token")).isEqualTo(2);
        assertThat(h.sim.callCount("graphql")).isEqualTo(3);
    }

    @Test
    void aTokenRotatedByAnotherContainerIsPickedUp() {
        ShopifyClient first = h.client();
        ShopifyClient second = h.client();
        first.orders().byName(h.shop, "#1001");           // rotates: the store holds T1, Shopify keeps T0 as previous
        second.orders().byName(h.shop, "#1001");          // reads T1 from the store: works
        assertThat(h.sim.callCount("oauth.token")).isEqualTo(2);
        assertThat(h.storedRefresh.get(ShopifyHarness.DOMAIN)).isEqualTo(h.sim.credentials(ShopifyHarness.DOMAIN).get("refresh_token"));
    }

    @Test
    void anUninstalledAppAsksForTheStoreToBeConnectedAgain() {
        h.sim.uninstall(ShopifyHarness.DOMAIN);
        ShopifyOrderActions actions = new ShopifyOrderActions(h.client(), h.shops(), h.attempts, h.clock);
        assertThatThrownBy(() -> actions.liveOrder(ShopifyHarness.SELLER, "#1001"))
                .isInstanceOf(ChannelAuthorizationException.class).hasMessageContaining("connect the Shopify store again");
    }

    @Test
    void theClientWaitsForTheCostBucketInsteadOfBeingThrottled() {
        h.close();
        // a small bucket: 600 points refilling 10 a second; an order query asks for ~550 and is charged ~30 actually
        h = new ShopifyHarness(w -> ((com.fasterxml.jackson.databind.node.ObjectNode) w.get("shopify")).putObject("throttle")
                .put("maximumAvailable", 600).put("restoreRate", 10));
        ShopifyClient client = h.client();
        for (int i = 0; i < 8; i++) {
            assertThat(client.orders().byName(h.shop, "#1001")).isPresent();
        }
        assertThat(h.sim.throttledCount()).isZero();
        assertThat(h.clock.sleeps()).isNotEmpty();
        long waited = h.clock.sleeps().stream().mapToLong(Duration::toMillis).sum();
        assertThat(waited).isBetween(1_000L, 60_000L);
    }

    @Test
    void aThrottledAnswerIsWaitedOutWithWhatShopifyReported() {
        ShopifyClient client = h.client();
        client.orders().byName(h.shop, "#1001");
        h.sim.drainBucket(ShopifyHarness.DOMAIN);   // the client's copy of the bucket does not know
        assertThat(client.orders().byName(h.shop, "#1002")).isPresent();
        assertThat(h.sim.throttledCount()).isEqualTo(1);
        assertThat(h.clock.sleeps()).anySatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(7)));
    }

    @Test
    void outagesAreRetriedAndAMalformedAnswerIsAClearError() {
        ShopifyClient client = h.client();
        h.sim.injectFault("graphql", 503, 2);
        assertThat(client.orders().byName(h.shop, "#1001")).isPresent();
        h.sim.injectFault("graphql", 200, 1);
        assertThatThrownBy(() -> client.orders().byName(h.shop, "#1001"))
                .isInstanceOfSatisfying(ShopifyApiException.class, e -> assertThat(e.getMessage()).contains("not JSON"));
    }

    @Test
    void aFieldTheSchemaLacksIsShopifysValidationError() {
        ShopifyGraphqlClient graphql = new ShopifyGraphqlClient(
                new com.deskbridge.http.UpstreamHttp("shopify", java.net.http.HttpClient.newHttpClient(),
                        com.deskbridge.http.Backoff.standard(new java.util.SplittableRandom(1)), h.clock::sleep, Duration.ofSeconds(5), null),
                new ShopifyTokens(new com.deskbridge.http.UpstreamHttp("t", java.net.http.HttpClient.newHttpClient(),
                        com.deskbridge.http.Backoff.standard(new java.util.SplittableRandom(1)), h.clock::sleep, Duration.ofSeconds(5), null),
                        h.clock, h.secretSource(), h.refreshTokens(), ShopifyEndpoints.local(h.sim.baseUrl())),
                ShopifyEndpoints.local(h.sim.baseUrl()), h.clock, h.clock::sleep, Duration.ofSeconds(30));
        assertThatThrownBy(() -> graphql.execute(h.shop, "Bad", "query { order(id: \"gid://shopify/Order/5001\") { id customerSecret } }",
                null, 5)).isInstanceOfSatisfying(ShopifyApiException.class, e -> {
                    assertThat(e.code()).contains("undefinedField");
                    assertThat(e.getMessage()).contains("customerSecret");
                });
    }

    @Test
    void aCustomersOrdersAreListedNewestFirst() {
        List<ShopifyOrdersClient.OrderRef> refs = h.client().orders().byEmail(h.shop, "jana.beispiel@example.org", 5);
        assertThat(refs).extracting(ShopifyOrdersClient.OrderRef::name).containsExactly("#1001", "#1003");
    }
}
