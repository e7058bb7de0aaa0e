package com.deskbridge.spapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.http.UpstreamException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Feeds (refund/cancellation transport) and Multi-Channel Fulfillment against the simulator over real HTTP. */
class FeedsAndMcfTest {

    private static final String ADJUSTMENTS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
              <Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>A2DESKBRIDGEDEMO</MerchantIdentifier></Header>
              <MessageType>OrderAdjustment</MessageType>
              <Message><MessageID>1</MessageID><OrderAdjustment><AmazonOrderID>028-4711001-0000001</AmazonOrderID></OrderAdjustment></Message>
              <Message><MessageID>2</MessageID><OrderAdjustment><AmazonOrderID>028-4711003-0000004</AmazonOrderID></OrderAdjustment></Message>
              <Message><MessageID>3</MessageID><OrderAdjustment><AmazonOrderID>028-4711002-0000002</AmazonOrderID></OrderAdjustment></Message>
            </AmazonEnvelope>
            """;

    private SimulatorHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void feedFlowFromUploadToGzippedProcessingReportAndNotification() {
        h = new SimulatorHarness(); // demo world: 2-minute processing, GZIP reports, an error for 028-4711003-0000004
        h.simulator.injectFault("document.upload", 503, 1);
        h.simulator.injectFault("document.download", 500, 1);
        FeedsClient feeds = h.client().feeds();

        FeedDocumentUpload upload = feeds.createFeedDocument(h.seller, FeedsClient.XML_CONTENT_TYPE);
        assertThat(upload.toString()).doesNotContain("X-Amz-Signature");
        feeds.uploadFeedDocument(upload, FeedsClient.XML_CONTENT_TYPE, ADJUSTMENTS.getBytes(StandardCharsets.UTF_8));
        String feedId = feeds.createFeed(h.seller, "POST_PAYMENT_ADJUSTMENT_DATA", List.of("A1PA6795UKMFR9"), upload.feedDocumentId());

        assertThat(feeds.getFeed(h.seller, feedId).orElseThrow().processingStatus()).isEqualTo(FeedProcessingStatus.IN_QUEUE);
        h.clock.advance(Duration.ofSeconds(61));
        assertThat(feeds.getFeed(h.seller, feedId).orElseThrow().processingStatus()).isEqualTo(FeedProcessingStatus.IN_PROGRESS);
        assertThat(h.notifications).isEmpty();
        h.clock.advance(Duration.ofSeconds(60));

        Feed done = feeds.getFeed(h.seller, feedId).orElseThrow();
        assertThat(done.processingStatus()).isEqualTo(FeedProcessingStatus.DONE);
        assertThat(done.feedType()).isEqualTo("POST_PAYMENT_ADJUSTMENT_DATA");
        assertThat(done.processingEndTime()).contains(done.createdTime().orElseThrow().plus(Duration.ofMinutes(2)));
        String reportId = done.resultFeedDocumentId().orElseThrow();

        FeedDocument document = feeds.getFeedDocument(h.seller, reportId).orElseThrow();
        assertThat(document.gzip()).isTrue();
        ProcessingReport report = ProcessingReport.parse(feeds.downloadFeedDocument(document));
        assertThat(report.documentTransactionId()).contains(feedId);
        assertThat(report.messagesProcessed()).isEqualTo(3);
        assertThat(report.messagesSuccessful()).isEqualTo(2);
        assertThat(report.messagesWithError()).isEqualTo(1);
        assertThat(report.succeeded("1")).isTrue();
        assertThat(report.succeeded("3")).isTrue();
        assertThat(report.succeeded("2")).isFalse();
        assertThat(report.resultsFor("2")).singleElement().satisfies(r -> {
            assertThat(r.resultMessageCode()).contains("18028");
            assertThat(r.additionalInfo()).containsEntry("AmazonOrderID", "028-4711003-0000004");
        });
        assertThat(feeds.getProcessingReport(h.seller, reportId)).isEqualTo(report);
        assertThat(h.simulator.callCount("document.upload")).isEqualTo(2);   // S3 503 retried
        assertThat(h.simulator.callCount("document.download")).isEqualTo(3); // S3 500 retried, then a second download

        assertThat(h.notifications).singleElement().satisfies(body -> {
            SpApiNotification n = SpApiNotifications.parse(body);
            assertThat(n).isInstanceOfSatisfying(SpApiNotification.FeedProcessingFinished.class, f -> {
                assertThat(f.feedId()).isEqualTo(feedId);
                assertThat(f.processingStatus()).isEqualTo(FeedProcessingStatus.DONE);
                assertThat(f.resultFeedDocumentId()).contains(reportId);
                assertThat(f.sellerId()).contains(SimulatorHarness.SELLER_ID);
                assertThat(f.notificationId()).isPresent();
            });
        });
    }

    @Test
    void uncompressedReportsAndInjectedFatalFeeds() {
        h = new SimulatorHarness(w -> {
            com.fasterxml.jackson.databind.node.ObjectNode spapi = (com.fasterxml.jackson.databind.node.ObjectNode) w.get("spapi");
            spapi.put("compressResultDocuments", false).put("feedProcessingDelay", "PT30S");
            spapi.remove("feedResults");
        });
        FeedsClient feeds = h.client().feeds();
        String ok = feeds.submitFeed(h.seller, "POST_ORDER_ACKNOWLEDGEMENT_DATA", List.of("A1PA6795UKMFR9"),
                FeedsClient.XML_CONTENT_TYPE, ("<AmazonEnvelope><MessageType>OrderAcknowledgement</MessageType><Message><MessageID>1</MessageID>"
                        + "<OrderAcknowledgement><AmazonOrderID>028-4711003-0000004</AmazonOrderID><StatusCode>Failure</StatusCode>"
                        + "</OrderAcknowledgement></Message></AmazonEnvelope>").getBytes(StandardCharsets.UTF_8));
        h.simulator.failNextFeeds(1);
        String fatal = feeds.submitFeed(h.seller, "POST_ORDER_ACKNOWLEDGEMENT_DATA", List.of("A1PA6795UKMFR9"),
                FeedsClient.XML_CONTENT_TYPE, "<AmazonEnvelope/>".getBytes(StandardCharsets.UTF_8));
        h.clock.advance(Duration.ofSeconds(30));

        Feed done = feeds.getFeed(h.seller, ok).orElseThrow();
        FeedDocument document = feeds.getFeedDocument(h.seller, done.resultFeedDocumentId().orElseThrow()).orElseThrow();
        assertThat(document.gzip()).isFalse();
        ProcessingReport report = ProcessingReport.parse(feeds.downloadFeedDocument(document));
        assertThat(report.messagesSuccessful()).isEqualTo(1);
        // the simulator applies a successful cancellation to its world
        assertThat(h.client().orders().getOrder(h.seller, "028-4711003-0000004").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);

        Feed failed = feeds.getFeed(h.seller, fatal).orElseThrow();
        assertThat(failed.processingStatus()).isEqualTo(FeedProcessingStatus.FATAL);
        assertThat(failed.resultFeedDocumentId()).isEmpty();
        assertThat(h.notifications).hasSize(2);
        assertThat(h.notifications.stream().map(SpApiNotifications::parse)
                .map(n -> ((SpApiNotification.FeedProcessingFinished) n).processingStatus()))
                .containsExactlyInAnyOrder(FeedProcessingStatus.DONE, FeedProcessingStatus.FATAL);
    }

    @Test
    void uploadWithAnotherContentTypeThanDeclaredIsRefused() {
        h = new SimulatorHarness();
        FeedsClient feeds = h.client().feeds();
        FeedDocumentUpload upload = feeds.createFeedDocument(h.seller, FeedsClient.XML_CONTENT_TYPE);
        assertThatThrownBy(() -> feeds.uploadFeedDocument(upload, "application/json", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("SignatureDoesNotMatch");
                });
        assertThatThrownBy(() -> feeds.createFeed(h.seller, "POST_PAYMENT_ADJUSTMENT_DATA", List.of("A1PA6795UKMFR9"), upload.feedDocumentId()))
                .isInstanceOfSatisfying(SpApiException.class, e -> assertThat(e.errorCode()).contains("InvalidInput"));
        assertThat(feeds.getFeed(h.seller, "404404")).isEmpty();
    }

    @Test
    void createFeedBurstIsFollowedByTheTwoMinuteRate() {
        h = new SimulatorHarness();
        FeedsClient feeds = h.client().feeds();
        FeedDocumentUpload upload = feeds.createFeedDocument(h.seller, FeedsClient.XML_CONTENT_TYPE);
        feeds.uploadFeedDocument(upload, FeedsClient.XML_CONTENT_TYPE, ADJUSTMENTS.getBytes(StandardCharsets.UTF_8));
        Instant start = h.clock.instant();
        for (int i = 0; i < 16; i++) {
            feeds.createFeed(h.seller, "POST_PAYMENT_ADJUSTMENT_DATA", List.of("A1PA6795UKMFR9"), upload.feedDocumentId());
        }
        assertThat(h.simulator.throttledCount("feeds.createFeed")).isZero();
        // burst 15, then 0.0083/s: the 16th waited about 120 s on the client side
        assertThat(Duration.between(start, h.clock.instant())).isBetween(Duration.ofSeconds(115), Duration.ofSeconds(125));
    }

    @Test
    void mcfOrderTrackingAndCancellation() {
        h = new SimulatorHarness();
        FulfillmentOutboundClient mcf = h.client().fulfillmentOutbound();

        McfFulfillmentOrder order = mcf.getFulfillmentOrder(h.sellerUs, "MCF-SHOP-1001").orElseThrow();
        assertThat(order.status()).isEqualTo(McfOrderStatus.COMPLETE);
        assertThat(order.displayableOrderId()).contains("SHOP-1001");
        assertThat(order.items()).singleElement().satisfies(i -> assertThat(i.sellerSku()).contains("DB-BOTTLE-STEEL"));
        assertThat(order.shipments()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("SHIPPED");
            assertThat(s.packages()).singleElement().satisfies(p -> {
                assertThat(p.carrierCode()).contains("AMZN_US");
                assertThat(p.trackingNumber()).contains("TBA304512345678");
            });
        });

        McfPackageTracking tracking = mcf.getPackageTrackingDetails(h.sellerUs, order.packageNumbers().get(0)).orElseThrow();
        assertThat(tracking.currentStatus()).contains("OUT_FOR_DELIVERY");
        assertThat(tracking.customerTrackingLink()).contains("https://www.swiship.com/track?id=TBA304512345678");
        assertThat(tracking.estimatedArrivalDate()).contains(Instant.parse("2026-11-20T16:00:00Z"));
        assertThat(tracking.trackingEvents()).hasSize(4);
        assertThat(tracking.latestEvent().orElseThrow().eventCode()).isEqualTo("EVENT_302");
        assertThat(tracking.latestEvent().orElseThrow().city()).contains("Denver");
        assertThat(mcf.getPackageTrackingDetails(h.sellerUs, 1)).isEmpty();

        assertThatThrownBy(() -> mcf.cancelFulfillmentOrder(h.sellerUs, "MCF-SHOP-1001"))
                .isInstanceOfSatisfying(SpApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(mcf.cancelFulfillmentOrder(h.sellerUs, "MCF-SHOP-1002")).isTrue();
        assertThat(mcf.getFulfillmentOrder(h.sellerUs, "MCF-SHOP-1002").orElseThrow().status()).isEqualTo(McfOrderStatus.CANCELLED);
        assertThat(mcf.cancelFulfillmentOrder(h.sellerUs, "MCF-NOPE")).isFalse();
    }

    @Test
    void createFeedIsSentOnceByTheTransportWhileTheSameClientRetriesIdempotentCalls() {
        h = new SimulatorHarness();
        FeedsClient feeds = h.client().feeds();
        h.simulator.injectFault("feeds.createFeedDocument", 503, 1);
        FeedDocumentUpload upload = feeds.createFeedDocument(h.seller, FeedsClient.XML_CONTENT_TYPE);
        assertThat(h.simulator.callCount("feeds.createFeedDocument")).as("a 503 on an idempotent call is retried").isEqualTo(2);

        h.simulator.injectFault("feeds.createFeed", 503, 1);
        assertThatThrownBy(() -> feeds.createFeed(h.seller, "POST_ORDER_ACKNOWLEDGEMENT_DATA", List.of("A1PA6795UKMFR9"),
                upload.feedDocumentId())).isInstanceOf(UpstreamException.class);
        assertThat(h.simulator.callCount("feeds.createFeed")).as("Amazon may have created the feed: never sent twice").isEqualTo(1);
    }
}
