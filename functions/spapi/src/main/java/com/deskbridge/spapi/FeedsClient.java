package com.deskbridge.spapi;

import static com.deskbridge.spapi.OrdersClient.encode;
import static com.deskbridge.spapi.OrdersClient.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/**
 * The Feeds API 2021-06-30 flow that refunds and cancellations use (https://developer-docs.amazon.com/sp-api/docs/submit-a-feed): create a feed
 * document, PUT the XML to its pre-signed URL, create the feed, then follow it (FEED_PROCESSING_FINISHED or
 * {@link #getFeed}) to the processing report. createFeed allows about one call per two minutes (burst 15),
 * so callers batch many messages into one feed.
 */
public final class FeedsClient {

    /** Content type of XML feeds; the upload must send exactly the type declared at createFeedDocument. */
    public static final String XML_CONTENT_TYPE = "text/xml; charset=UTF-8";

    private static final String BASE = "/feeds/2021-06-30";

    private final SpApiTransport transport;
    private final DocumentTransfer documents;

    FeedsClient(SpApiTransport transport, DocumentTransfer documents) {
        this.transport = transport;
        this.documents = documents;
    }

    public FeedDocumentUpload createFeedDocument(SellerAccount seller, String contentType) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("contentType", contentType);
        HttpResponse<String> r = transport.call(seller, SpApiOperation.FEEDS_CREATE_FEED_DOCUMENT, "POST", BASE + "/documents", body.toString());
        return FeedParsers.upload(required(r, SpApiOperation.FEEDS_CREATE_FEED_DOCUMENT));
    }

    /** PUTs the content to the pre-signed URL (no access token; same Content-Type as declared). */
    public void uploadFeedDocument(FeedDocumentUpload upload, String contentType, byte[] content) {
        documents.upload(upload.url(), contentType, content);
    }

    /**
     * Sent once by the transport (no retry of a 429 or 5xx: Amazon may have created the feed; the caller decides), so
     * a feed is never created twice by a retry.
     *
     * @return the feed id
     */
    public String createFeed(SellerAccount seller, String feedType, List<String> marketplaceIds, String inputFeedDocumentId) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("feedType", feedType);
        marketplaceIds.forEach(body.putArray("marketplaceIds")::add);
        body.put("inputFeedDocumentId", inputFeedDocumentId);
        HttpResponse<String> r = transport.callOnce(seller, SpApiOperation.FEEDS_CREATE_FEED, "POST", BASE + "/feeds", body.toString());
        return FeedParsers.feedId(required(r, SpApiOperation.FEEDS_CREATE_FEED));
    }

    /** createFeedDocument + upload + createFeed in one step; returns the feed id. */
    public String submitFeed(SellerAccount seller, String feedType, List<String> marketplaceIds, String contentType, byte[] content) {
        FeedDocumentUpload upload = createFeedDocument(seller, contentType);
        uploadFeedDocument(upload, contentType, content);
        return createFeed(seller, feedType, marketplaceIds, upload.feedDocumentId());
    }

    public Optional<Feed> getFeed(SellerAccount seller, String feedId) {
        HttpResponse<String> r = transport.get(seller, SpApiOperation.FEEDS_GET_FEED, BASE + "/feeds/" + encode(feedId));
        return read(r, SpApiOperation.FEEDS_GET_FEED).map(FeedParsers::feed);
    }

    /** Cancels a feed that is still IN_QUEUE; throws {@link SpApiException} otherwise. */
    public void cancelFeed(SellerAccount seller, String feedId) {
        HttpResponse<String> r = transport.call(seller, SpApiOperation.FEEDS_CANCEL_FEED, "DELETE", BASE + "/feeds/" + encode(feedId), null);
        required(r, SpApiOperation.FEEDS_CANCEL_FEED);
    }

    public Optional<FeedDocument> getFeedDocument(SellerAccount seller, String feedDocumentId) {
        HttpResponse<String> r = transport.get(seller, SpApiOperation.FEEDS_GET_FEED_DOCUMENT, BASE + "/documents/" + encode(feedDocumentId));
        return read(r, SpApiOperation.FEEDS_GET_FEED_DOCUMENT).map(FeedParsers::document);
    }

    /** The document's bytes, GZIP already undone. */
    public byte[] downloadFeedDocument(FeedDocument document) {
        return documents.download(document.url(), document.gzip());
    }

    /** getFeedDocument + download + parse of the processing report a DONE feed names. */
    public ProcessingReport getProcessingReport(SellerAccount seller, String resultFeedDocumentId) {
        FeedDocument document = getFeedDocument(seller, resultFeedDocumentId)
                .orElseThrow(() -> new SpApiException(SpApiOperation.FEEDS_GET_FEED_DOCUMENT.id(), 404, null, "NotFound",
                        "result document " + resultFeedDocumentId + " not found"));
        return ProcessingReport.parse(downloadFeedDocument(document));
    }

    private static com.fasterxml.jackson.databind.JsonNode required(HttpResponse<String> r, SpApiOperation op) {
        if (r.statusCode() / 100 != 2) {
            throw SpApiException.from(op, r);
        }
        return Json.parse(r.body());
    }
}
