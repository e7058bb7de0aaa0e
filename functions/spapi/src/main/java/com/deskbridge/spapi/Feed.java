package com.deskbridge.spapi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A submitted feed as {@code getFeed} reports it. When {@link #processingStatus()} is DONE the
 * {@link #resultFeedDocumentId()} names the processing report that says which messages succeeded.
 */
public record Feed(String feedId, String feedType, List<String> marketplaceIds, Optional<Instant> createdTime,
                   FeedProcessingStatus processingStatus, Optional<Instant> processingStartTime,
                   Optional<Instant> processingEndTime, Optional<String> resultFeedDocumentId) {

    public Feed {
        marketplaceIds = List.copyOf(marketplaceIds);
    }
}
