package com.deskbridge.sim.spapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;

/**
 * Amazon's asynchronous feed pipeline (feeds_2021-06-30.json; https://developer-docs.amazon.com/sp-api/docs/submit-a-feed): feed documents with pre-signed upload URLs,
 * feeds that move IN_QUEUE → IN_PROGRESS → DONE (or FATAL) as the injected clock passes the configured
 * processing delay, an XML ProcessingReport as result document (optionally GZIP-compressed), and a
 * FEED_PROCESSING_FINISHED notification (FeedProcessingFinishedNotification.json) handed to the sink exactly as Amazon puts it on SQS.
 */
final class FeedEngine {

    private static final Logger LOG = Logger.getLogger(FeedEngine.class.getName());
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final class Document {
        final String id;
        final String contentType;
        final boolean gzip;
        byte[] content;

        Document(String id, String contentType, boolean gzip) {
            this.id = id;
            this.contentType = contentType;
            this.gzip = gzip;
        }
    }

    private static final class Feed {
        final String id;
        final String sellerId;
        final String feedType;
        final List<String> marketplaceIds;
        final String inputDocumentId;
        final Instant created;
        String terminalStatus;
        String resultDocumentId;

        Feed(String id, String sellerId, String feedType, List<String> marketplaceIds, String inputDocumentId, Instant created) {
            this.id = id;
            this.sellerId = sellerId;
            this.feedType = feedType;
            this.marketplaceIds = marketplaceIds;
            this.inputDocumentId = inputDocumentId;
            this.created = created;
        }
    }

    private final SimWorld world;
    private final Clock clock;
    private final Consumer<String> sink;
    private final Supplier<String> baseUrl;
    private final Map<String, Document> documents = new LinkedHashMap<>();
    private final Map<String, Feed> feeds = new LinkedHashMap<>();
    private final AtomicLong feedIds = new AtomicLong(50_001_018_000L);
    private int fatalBudget;

    FeedEngine(SimWorld world, Clock clock, Consumer<String> sink, Supplier<String> baseUrl) {
        this.world = world;
        this.clock = clock;
        this.sink = sink;
        this.baseUrl = baseUrl;
    }

    synchronized ObjectNode createDocument(String contentType) {
        String id = "amzn1.tortuga.4.na." + UUID.randomUUID() + ".T" + Long.toString(clock.millis(), 36).toUpperCase();
        documents.put(id, new Document(id, contentType, false));
        ObjectNode r = F.objectNode();
        r.put("feedDocumentId", id);
        r.put("url", documentUrl("upload", id));
        return r;
    }

    /** Stores an upload; false when the document is unknown or the Content-Type differs from the declared one. */
    synchronized UploadResult upload(String documentId, String contentType, byte[] body) {
        Document d = documents.get(documentId);
        if (d == null || d.gzip) {
            return UploadResult.UNKNOWN;
        }
        if (contentType == null || !normalise(contentType).equals(normalise(d.contentType))) {
            return UploadResult.SIGNATURE_MISMATCH;
        }
        d.content = body.clone();
        return UploadResult.STORED;
    }

    enum UploadResult { STORED, UNKNOWN, SIGNATURE_MISMATCH }

    synchronized Optional<byte[]> download(String documentId) {
        Document d = documents.get(documentId);
        return d == null || d.content == null ? Optional.empty() : Optional.of(d.content.clone());
    }

    synchronized Optional<String> downloadContentType(String documentId) {
        return Optional.ofNullable(documents.get(documentId)).map(d -> d.contentType);
    }

    /** @return the new feed id, or empty when the input document is unknown or was never uploaded */
    synchronized Optional<String> createFeed(String sellerId, String feedType, List<String> marketplaceIds, String inputDocumentId) {
        Document d = documents.get(inputDocumentId);
        if (d == null || d.content == null) {
            return Optional.empty();
        }
        String id = Long.toString(feedIds.incrementAndGet());
        Feed feed = new Feed(id, sellerId, feedType, List.copyOf(marketplaceIds), inputDocumentId, clock.instant());
        if (fatalBudget > 0 || world.fatalFeedTypes.contains(feedType)) {
            fatalBudget = Math.max(0, fatalBudget - 1);
            feed.terminalStatus = "PENDING_FATAL";
        }
        feeds.put(id, feed);
        return Optional.of(id);
    }

    synchronized void failNextFeeds(int count) {
        fatalBudget += count;
    }

    synchronized Optional<ObjectNode> getFeed(String feedId) {
        processDue();
        Feed f = feeds.get(feedId);
        if (f == null) {
            return Optional.empty();
        }
        ObjectNode r = F.objectNode();
        r.put("feedId", f.id);
        r.put("feedType", f.feedType);
        ArrayNode markets = r.putArray("marketplaceIds");
        f.marketplaceIds.forEach(markets::add);
        r.put("createdTime", f.created.toString());
        String status = status(f);
        r.put("processingStatus", status);
        if (!status.equals("IN_QUEUE") && !"CANCELLED".equals(f.terminalStatus)) {
            r.put("processingStartTime", f.created.plus(delay().dividedBy(2)).toString());
        }
        if (status.equals("DONE") || status.equals("FATAL") || status.equals("CANCELLED")) {
            r.put("processingEndTime", (status.equals("CANCELLED") ? f.created : f.created.plus(delay())).toString());
        }
        if (f.resultDocumentId != null) {
            r.put("resultFeedDocumentId", f.resultDocumentId);
        }
        return Optional.of(r);
    }

    /** Cancels a feed that is still IN_QUEUE (Amazon's rule); false otherwise. */
    synchronized Optional<Boolean> cancel(String feedId) {
        processDue();
        Feed f = feeds.get(feedId);
        if (f == null) {
            return Optional.empty();
        }
        if (!status(f).equals("IN_QUEUE")) {
            return Optional.of(false);
        }
        f.terminalStatus = "CANCELLED";
        notify(f, "CANCELLED");
        return Optional.of(true);
    }

    synchronized Optional<ObjectNode> getDocument(String documentId) {
        processDue();
        Document d = documents.get(documentId);
        if (d == null) {
            return Optional.empty();
        }
        ObjectNode r = F.objectNode();
        r.put("feedDocumentId", d.id);
        r.put("url", documentUrl("download", d.id));
        if (d.gzip) {
            r.put("compressionAlgorithm", "GZIP");
        }
        return Optional.of(r);
    }

    /** Finishes every feed whose processing delay has passed on the clock: writes its report and notifies. */
    synchronized void processDue() {
        Instant now = clock.instant();
        for (Feed f : feeds.values()) {
            boolean finished = f.terminalStatus == null || f.terminalStatus.equals("PENDING_FATAL");
            if (finished && !now.isBefore(f.created.plus(delay()))) {
                if (f.terminalStatus == null) {
                    f.resultDocumentId = writeReport(f);
                    f.terminalStatus = "DONE";
                } else {
                    f.terminalStatus = "FATAL";
                }
                notify(f, f.terminalStatus);
            }
        }
    }

    private String status(Feed f) {
        if (f.terminalStatus != null && !f.terminalStatus.equals("PENDING_FATAL")) {
            return f.terminalStatus;
        }
        Duration elapsed = Duration.between(f.created, clock.instant());
        return elapsed.compareTo(delay().dividedBy(2)) < 0 ? "IN_QUEUE" : "IN_PROGRESS";
    }

    private Duration delay() {
        return world.feedProcessingDelay;
    }

    private String writeReport(Feed f) {
        byte[] xml = ProcessingReports.report(f.id, f.sellerId, f.feedType, documents.get(f.inputDocumentId).content, world);
        String id = "amzn1.tortuga.4.na." + UUID.randomUUID() + ".R" + f.id;
        Document report = new Document(id, "text/xml; charset=UTF-8", world.compressResultDocuments);
        report.content = world.compressResultDocuments ? gzip(xml) : xml;
        documents.put(id, report);
        return id;
    }

    private void notify(Feed f, String status) {
        ObjectNode n = F.objectNode();
        Instant now = clock.instant();
        n.put("notificationVersion", "2020-09-04");
        n.put("notificationType", "FEED_PROCESSING_FINISHED");
        n.put("payloadVersion", "2020-09-04");
        n.put("eventTime", now.toString());
        ObjectNode p = n.putObject("payload").putObject("feedProcessingFinishedNotification");
        p.put("sellerId", f.sellerId);
        p.put("accountId", "amzn1.merchant.o." + f.sellerId);
        p.put("feedId", f.id);
        p.put("feedType", f.feedType);
        p.put("processingStatus", status);
        if (f.resultDocumentId != null) {
            p.put("resultFeedDocumentId", f.resultDocumentId);
        }
        ObjectNode meta = n.putObject("notificationMetadata");
        meta.put("applicationId", world.applicationId);
        meta.put("subscriptionId", "subscription-id-" + UUID.nameUUIDFromBytes(world.applicationId.getBytes(StandardCharsets.UTF_8)));
        meta.put("publishTime", now.toString());
        meta.put("notificationId", UUID.randomUUID().toString());
        try {
            sink.accept(n.toString());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notification sink failed for feed " + f.id, e);
        }
    }

    private String documentUrl(String kind, String id) {
        return documentUrl(baseUrl.get(), kind, id);
    }

    /** Shaped like an S3 pre-signed URL; the signature is decorative, the document id is the key. */
    static String documentUrl(String baseUrl, String kind, String id) {
        return baseUrl + "/documents/" + kind + "/" + id + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-Signature="
                + UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private static String normalise(String contentType) {
        return contentType.replace(" ", "").toLowerCase();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
