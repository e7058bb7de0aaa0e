package com.deskbridge.actions;

import com.deskbridge.spapi.Feed;
import java.util.Optional;

/**
 * The Selling Partner API Feeds operations the feed services use, per seller (a port: {@link SpApiFeeds} calls
 * Amazon through the container's SP-API client; tests use an in-memory Amazon). Operations of the Feeds API
 * v2021-06-30 (model file {@code models/feeds-api-model/feeds_2021-06-30.json} in
 * https://github.com/amzn/selling-partner-api-models; guide:
 * https://developer-docs.amazon.com/sp-api/docs/feeds-api-v2021-06-30-use-case-guide).
 */
public interface Feeds {

    /**
     * {@code createFeedDocument}, then the upload of {@code document} to the pre-signed URL it returned.
     * @return the feedDocumentId to pass to {@link #createFeed}
     */
    String createFeedDocument(String sellerId, String contentType, byte[] document);

    /**
     * {@code createFeed} for one marketplace, sent once (never retried by the transport: a retried POST could create
     * a second feed). @return Amazon's feedId
     * @throws com.deskbridge.http.UpstreamException when Amazon refused it or its outcome is unknown
     */
    String createFeed(String sellerId, String feedType, String marketplaceId, String inputFeedDocumentId);

    /** {@code getFeed}; empty when Amazon does not know the feed. */
    Optional<Feed> getFeed(String sellerId, String feedId);

    /**
     * {@code getFeedDocument}, then the download (decompressed) of the document it names: a finished feed's
     * processing report. @throws com.deskbridge.spapi.SpApiException when Amazon does not know the document
     */
    byte[] getFeedDocument(String sellerId, String feedDocumentId);
}
