package com.deskbridge.actions;

import com.deskbridge.spapi.Feed;
import com.deskbridge.spapi.FeedProcessingStatus;
import com.deskbridge.spapi.SpApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Amazon's Feeds operations in memory, for the fast feed service tests: documents and feeds are kept, createFeed can
 * be made to fail with a given status, and a test finishes a feed with a processing report of its choosing.
 */
final class InMemoryFeeds implements Feeds {

    final Map<String, byte[]> documents = new HashMap<>();
    final Map<String, Feed> feeds = new HashMap<>();
    private final Map<String, byte[]> reports = new HashMap<>();
    private final Deque<Integer> createFeedFailures = new ArrayDeque<>();
    int createFeedCalls;

    /** The next createFeed answers with HTTP {@code status}. */
    void failNextCreateFeed(int status) {
        createFeedFailures.add(status);
    }

    /** Amazon finishes {@code feedId}: DONE with {@code reportXml}, or FATAL/CANCELLED without a report. */
    void finish(String feedId, FeedProcessingStatus status, String reportXml) {
        Feed f = feeds.get(feedId);
        Optional<String> report = Optional.empty();
        if (reportXml != null) {
            report = Optional.of("report-" + feedId);
            reports.put(report.get(), reportXml.getBytes(StandardCharsets.UTF_8));
        }
        feeds.put(feedId, new Feed(feedId, f.feedType(), f.marketplaceIds(), f.createdTime(), status, Optional.empty(),
                Optional.empty(), report));
    }

    @Override
    public String createFeedDocument(String sellerId, String contentType, byte[] document) {
        String id = "doc-" + (documents.size() + 1);
        documents.put(id, document);
        return id;
    }

    @Override
    public String createFeed(String sellerId, String feedType, String marketplaceId, String inputFeedDocumentId) {
        createFeedCalls++;
        Integer failure = createFeedFailures.poll();
        if (failure != null) {
            throw new SpApiException("feeds.createFeed", failure, null, "Injected", "createFeed answered " + failure);
        }
        if (!documents.containsKey(inputFeedDocumentId)) {
            throw new SpApiException("feeds.createFeed", 400, null, "InvalidInput", "no document " + inputFeedDocumentId);
        }
        String id = Integer.toString(50_000 + feeds.size() + 1);
        feeds.put(id, new Feed(id, feedType, List.of(marketplaceId), Optional.empty(), FeedProcessingStatus.IN_QUEUE,
                Optional.empty(), Optional.empty(), Optional.empty()));
        return id;
    }

    @Override
    public Optional<Feed> getFeed(String sellerId, String feedId) {
        return Optional.ofNullable(feeds.get(feedId));
    }

    @Override
    public byte[] getFeedDocument(String sellerId, String feedDocumentId) {
        byte[] report = reports.get(feedDocumentId);
        if (report == null) {
            throw new SpApiException("feeds.getFeedDocument", 404, null, "NotFound", "no document " + feedDocumentId);
        }
        return report;
    }
}
