package com.deskbridge.spapi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A requested report as Reports API 2021-06-30 {@code getReport} describes it. Reports share the Feeds API's
 * {@code processingStatus} values (IN_QUEUE, IN_PROGRESS, DONE, CANCELLED, FATAL); when DONE,
 * {@link #reportDocumentId()} names the document to download. CANCELLED without a request of ours means Amazon had
 * no data to return (reports_2021-06-30.json, {@code processingStatus}).
 */
public record Report(String reportId, String reportType, List<String> marketplaceIds, Optional<Instant> dataStartTime,
                     Optional<Instant> dataEndTime, Optional<Instant> createdTime, FeedProcessingStatus processingStatus,
                     Optional<Instant> processingStartTime, Optional<Instant> processingEndTime,
                     Optional<String> reportDocumentId) {

    public Report {
        marketplaceIds = List.copyOf(marketplaceIds);
    }
}
