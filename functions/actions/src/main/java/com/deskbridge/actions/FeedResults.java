package com.deskbridge.actions;

import com.deskbridge.orderactions.feed.MessageOutcome;
import com.deskbridge.orderactions.feed.ProcessingReport;
import com.deskbridge.orderactions.feed.ProcessingReportParser;
import com.deskbridge.spapi.FeedProcessingStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Amazon's verdict on a finished feed back to its actions (issue 6 "Confirmation"), whether the feed's end was
 * learnt from FEED_PROCESSING_FINISHED or from polling getFeed: DONE → the processing report, read per MessageID with
 * {@link ProcessingReportParser}: COMPLETED, FAILED with Amazon's error text, or ATTENTION_REQUIRED when the report
 * does not account for the message; FATAL or CANCELLED → every action FAILED (Amazon applied nothing). Transitions are
 * conditional (awaiting a result and still in this attempt), so a duplicate notification or a poll racing the
 * notification changes nothing twice.
 */
public final class FeedResults {

    private static final Logger LOG = LoggerFactory.getLogger(FeedResults.class);

    private final ActionStore actions;
    private final FeedAttempts attempts;
    private final Feeds feeds;
    private final AuditTrail audit;
    private final Clock clock;
    private final ProcessingReportParser parser = new ProcessingReportParser();

    public FeedResults(FeedPorts ports) {
        this.actions = ports.actions();
        this.attempts = ports.attempts();
        this.feeds = ports.feeds();
        this.audit = ports.audit();
        this.clock = ports.clock();
    }

    /**
     * Applies a finished feed's result. @return false when the feed is not one of ours (another tool submitted it)
     *
     * @param sellingPartnerId the seller as Amazon's notification names it (Amazon's merchant id), for the log only:
     *                         the feed id alone identifies the attempt and so our seller
     */
    public boolean feedFinished(String sellingPartnerId, String feedId, FeedProcessingStatus status, Optional<String> resultFeedDocumentId) {
        Optional<FeedAttempt> found = attempts.byFeedId(feedId);
        if (found.isEmpty()) {
            LOG.info("feed {} of selling partner {} is not a Deskbridge action feed; ignored", feedId, sellingPartnerId);
            return false;
        }
        FeedAttempt a = found.get();
        if (a.status() == FeedAttempt.Status.DONE) {
            return true;
        }
        if (!status.terminal()) {
            return true;
        }
        Map<Long, MessageOutcome> outcomes = Map.of();
        if (status == FeedProcessingStatus.DONE) {
            String documentId = resultFeedDocumentId.orElseThrow(() ->
                    new IllegalStateException("feed " + feedId + " is DONE without a result document"));
            outcomes = outcomes(a, report(a.sellerId(), documentId));
        }
        for (FeedAttempt.Message m : a.messages()) {
            Optional<OrderAction> action = actions.get(a.sellerId(), m.ticketId(), m.actionId());
            if (action.isEmpty()) {
                continue;
            }
            ActionState to;
            String error;
            if (status != FeedProcessingStatus.DONE) {
                to = ActionState.FAILED;
                error = "Amazon ended feed " + feedId + " with processingStatus " + status + "; nothing in it was applied.";
            } else {
                MessageOutcome outcome = outcomes.get(m.messageId());
                switch (outcome.status()) {
                    case COMPLETED -> {
                        to = ActionState.COMPLETED;
                        error = null;
                    }
                    case FAILED -> {
                        to = ActionState.FAILED;
                        error = outcome.errorText();
                    }
                    default -> {
                        to = ActionState.ATTENTION_REQUIRED;
                        error = "Amazon's processing report for feed " + feedId + " does not confirm message " + m.messageId() + ".";
                    }
                }
            }
            Map<String, String> fields = new HashMap<>();
            fields.put("error", error);
            fields.put("feedId", feedId);
            fields.put("messageId", Long.toString(m.messageId()));
            actions.transition(action.get(), ActionState.AWAITING_RESULT, to, a.attemptId(), fields, clock.instant())
                    .ifPresent(moved -> audit.record(moved, AuditTrail.kindFor(to), clock.instant()));
        }
        attempts.move(a, FeedAttempt.Status.SUBMITTED, FeedAttempt.Status.DONE, FeedAttempts.Change.processingStatus(status.name()));
        LOG.info("feed {} of seller {} finished {}: {} actions updated", feedId, a.sellerId(), status, a.messages().size());
        return true;
    }

    private ProcessingReport report(String sellerId, String documentId) {
        return parser.parse(feeds.getFeedDocument(sellerId, documentId));
    }

    private static Map<Long, MessageOutcome> outcomes(FeedAttempt a, ProcessingReport report) {
        List<Long> ids = a.messages().stream().map(FeedAttempt.Message::messageId).toList();
        return report.outcomes(ids);
    }
}
