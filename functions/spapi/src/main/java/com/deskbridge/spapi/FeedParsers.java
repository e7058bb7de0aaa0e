package com.deskbridge.spapi;

import static com.deskbridge.spapi.Json.instant;
import static com.deskbridge.spapi.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads Feeds API 2021-06-30 responses (feeds_2021-06-30.json). */
public final class FeedParsers {

    private FeedParsers() {
    }

    /** A {@code Feed} object (getFeed's body, or one of getFeeds' {@code feeds}). */
    public static Feed feed(JsonNode f) {
        List<String> markets = new ArrayList<>();
        f.path("marketplaceIds").forEach(m -> markets.add(m.asText()));
        return new Feed(required(f, "feedId"), Json.textOr(f, "feedType", ""), markets, instant(f, "createdTime"),
                FeedProcessingStatus.valueOf(required(f, "processingStatus").toUpperCase(Locale.ROOT)),
                instant(f, "processingStartTime"), instant(f, "processingEndTime"), text(f, "resultFeedDocumentId"));
    }

    /** getFeeds' {@code feeds}. */
    public static List<Feed> feeds(JsonNode body) {
        List<Feed> out = new ArrayList<>();
        body.path("feeds").forEach(f -> out.add(feed(f)));
        return out;
    }

    /** createFeedDocument's 201 body. */
    public static FeedDocumentUpload upload(JsonNode body) {
        return new FeedDocumentUpload(required(body, "feedDocumentId"), URI.create(required(body, "url")));
    }

    /** getFeedDocument's body. */
    public static FeedDocument document(JsonNode body) {
        return new FeedDocument(required(body, "feedDocumentId"), URI.create(required(body, "url")),
                text(body, "compressionAlgorithm"));
    }

    /** createFeed's 202 body. */
    public static String feedId(JsonNode body) {
        return required(body, "feedId");
    }

    private static String required(JsonNode node, String field) {
        return text(node, field).orElseThrow(() -> new IllegalArgumentException("Feeds API response lacks " + field));
    }
}
