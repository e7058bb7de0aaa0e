package com.deskbridge.spapi;

import com.deskbridge.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.http.Quota;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Regions, endpoints, the rate-limit table, quotas, status vocabularies and report parsing edge cases. */
class BasicsTest {

    @Test
    void marketplacesMapToTheirRegionalEndpoints() {
        assertThat(Region.ofMarketplace("ATVPDKIKX0DER")).isEqualTo(Region.NA);
        assertThat(Region.ofMarketplace("A1PA6795UKMFR9")).isEqualTo(Region.EU);
        assertThat(Region.ofMarketplace("A21TJRUUN4KGV")).isEqualTo(Region.EU); // India is served from EU
        assertThat(Region.ofMarketplace("A1VC38T7YXB528")).isEqualTo(Region.FE);
        assertThat(Region.forMarketplace("nope")).isEmpty();
        assertThatThrownBy(() -> Region.ofMarketplace("nope")).hasMessageContaining("nope");

        assertThat(SpApiEndpoints.production().baseUrl(Region.EU)).isEqualTo(URI.create("https://sellingpartnerapi-eu.amazon.com"));
        assertThat(SpApiEndpoints.amazonSandbox().baseUrl(Region.FE)).isEqualTo(URI.create("https://sandbox.sellingpartnerapi-fe.amazon.com"));
        assertThat(SpApiEndpoints.production().lwaTokenUrl()).isEqualTo(URI.create("https://api.amazon.com/auth/o2/token"));
        SpApiEndpoints local = SpApiEndpoints.local("http://127.0.0.1:8092", "http://127.0.0.1:8092/auth/o2/token");
        assertThat(local.baseUrl(Region.NA)).isEqualTo(local.baseUrl(Region.EU)).isEqualTo(URI.create("http://127.0.0.1:8092"));
        assertThat(SellerAccount.forMarketplace("S1", "secret", "A1F83G8C2ARO7P").region()).isEqualTo(Region.EU);
    }

    @Test
    void documentedUsagePlans() {
        assertThat(SpApiOperation.ORDERS_GET_ORDER.ratePerSecond()).isEqualTo(0.5);
        assertThat(SpApiOperation.ORDERS_GET_ORDER.burst()).isEqualTo(30);
        assertThat(SpApiOperation.FEEDS_CREATE_FEED.ratePerSecond()).isEqualTo(0.0083);
        assertThat(SpApiOperation.FEEDS_CREATE_FEED.burst()).isEqualTo(15);
        assertThat(SpApiOperation.FBA_GET_PACKAGE_TRACKING_DETAILS.ratePerSecond()).isEqualTo(2);
        assertThat(SpApiOperation.FEEDS_GET_FEED_DOCUMENT.burst()).isEqualTo(10);
    }

    @Test
    void quotasAreSeparatePerOperationAndSeller() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        InMemoryQuotaProvider quotas = new InMemoryQuotaProvider(clock);
        Quota createFeed = quotas.quota(SpApiOperation.FEEDS_CREATE_FEED, "S1");
        for (int i = 0; i < 15; i++) {
            assertThat(createFeed.take()).isInstanceOf(Quota.Granted.class);
        }
        assertThat(createFeed.take()).isInstanceOfSatisfying(Quota.Denied.class,
                d -> assertThat(d.retryAfter()).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(121)));
        assertThat(quotas.quota(SpApiOperation.FEEDS_CREATE_FEED, "S1")).isSameAs(createFeed);
        assertThat(quotas.quota(SpApiOperation.FEEDS_CREATE_FEED, "S2").take()).isInstanceOf(Quota.Granted.class);
        assertThat(quotas.quota(SpApiOperation.FEEDS_GET_FEED, "S1").take()).isInstanceOf(Quota.Granted.class);
        quotas.observedRateLimit(SpApiOperation.FEEDS_CREATE_FEED, "S1", 0.0167); // logged, not adopted
        assertThat(quotas.quota(SpApiOperation.FEEDS_CREATE_FEED, "S1")).isSameAs(createFeed);
    }

    @Test
    void statusVocabulariesOfBothOrderApisAndMcf() {
        assertThat(OrderStatus.parse("PARTIALLY_SHIPPED")).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(OrderStatus.parse("PartiallyShipped")).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(OrderStatus.parse("Canceled")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderStatus.parse("CANCELLED")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderStatus.parse("InvoiceUnconfirmed")).isEqualTo(OrderStatus.INVOICE_UNCONFIRMED);
        assertThat(OrderStatus.parse("Teleported")).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(McfOrderStatus.parse("CompletePartialled")).isEqualTo(McfOrderStatus.COMPLETE_PARTIALLED);
        assertThat(McfOrderStatus.parse("PROCESSING")).isEqualTo(McfOrderStatus.PROCESSING);
        assertThat(McfOrderStatus.parse("Planning").cancellable()).isTrue();
        assertThat(McfOrderStatus.parse("Processing").cancellable()).isFalse();
        assertThat(FulfillmentChannel.fromV0("AFN", "Non-Amazon US")).isEqualTo(FulfillmentChannel.MCF);
        assertThat(FulfillmentChannel.fromV0("AFN", "Amazon.com")).isEqualTo(FulfillmentChannel.FBA);
        assertThat(FulfillmentChannel.fromV2026(null, "AMAZON")).isEqualTo(FulfillmentChannel.UNKNOWN);
        assertThat(McfParsers.decodeLink("https%3A%2F%2Fwww.swiship.com%2Ftrack%3Fid%3D1Z50V7420354708051%0A"))
                .isEqualTo("https://www.swiship.com/track?id=1Z50V7420354708051");
    }

    @Test
    void processingReportsRefuseEntitiesAndNonReports() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<AmazonEnvelope><Message><ProcessingReport><DocumentTransactionID>&x;</DocumentTransactionID></ProcessingReport></Message></AmazonEnvelope>";
        assertThatThrownBy(() -> ProcessingReport.parse(xxe.getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessingReport.parse("<AmazonEnvelope/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("no ProcessingReport");
        ProcessingReport warnOnly = ProcessingReport.parse(("<AmazonEnvelope><Message><MessageID>1</MessageID><ProcessingReport>"
                + "<StatusCode>Complete</StatusCode><ProcessingSummary><MessagesProcessed>1</MessagesProcessed><MessagesSuccessful>1"
                + "</MessagesSuccessful><MessagesWithError>0</MessagesWithError><MessagesWithWarning>1</MessagesWithWarning></ProcessingSummary>"
                + "<Result><MessageID>1</MessageID><ResultCode>Warning</ResultCode><ResultMessageCode>99001</ResultMessageCode>"
                + "<ResultDescription>Note</ResultDescription></Result></ProcessingReport></Message></AmazonEnvelope>").getBytes(StandardCharsets.UTF_8));
        assertThat(warnOnly.messagesWithWarning()).isEqualTo(1);
        assertThat(warnOnly.succeeded("1")).isTrue();
        assertThat(warnOnly.resultsFor("1")).singleElement().satisfies(r -> assertThat(r.error()).isFalse());
    }

    @Test
    void notificationsOtherThanFeedAndOrderChangeAreRecognisedButNotInterpreted() {
        SpApiNotification n = SpApiNotifications.parse("{\"NotificationType\":\"FULFILLMENT_ORDER_STATUS\",\"EventTime\":\"2020-07-13T19:42:04.284Z\","
                + "\"NotificationMetadata\":{\"NotificationId\":\"n-1\"},\"Payload\":{}}");
        assertThat(n).isEqualTo(new SpApiNotification.Other("FULFILLMENT_ORDER_STATUS", java.util.Optional.of("n-1"),
                java.util.Optional.of(Instant.parse("2020-07-13T19:42:04.284Z"))));
        assertThatThrownBy(() -> SpApiNotifications.parse("{\"Records\":[]}")).isInstanceOf(IllegalArgumentException.class);
    }
}
