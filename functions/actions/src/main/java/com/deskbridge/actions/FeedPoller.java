package com.deskbridge.actions;

import com.deskbridge.spapi.Feed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup for lost FEED_PROCESSING_FINISHED notifications ("Build a backup mechanism", https://developer-docs.amazon.com/sp-api/docs/notifications-api-v1-use-case-guide):
 * submitted feeds without a result after {@code pollAfter} are read with getFeed and, once finished, settled by
 * {@link FeedResults}. After {@code attentionAfter} without a result (feeds stuck IN_PROGRESS are a known Amazon
 * pathology, https://github.com/amzn/selling-partner-api-models/issues/4914) the actions become ATTENTION_REQUIRED; polling continues so a late result still lands, until
 * {@code giveUpAfter}. Also repairs attempts whose submitter crashed after createFeed was recorded.
 */
public final class FeedPoller {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    public static final Duration DEFAULT_POLL_AFTER = Duration.ofMinutes(5);
    public static final Duration DEFAULT_ATTENTION_AFTER = Duration.ofMinutes(60);
    public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofDays(2);

    private final FeedAttempts attempts;
    private final ActionStore actions;
    private final FeedResults results;
    private final FeedSubmitter submitter;
    private final Feeds feeds;
    private final AuditTrail audit;
    private final Duration pollAfter;
    private final Duration attentionAfter;
    private final Duration giveUpAfter;
    private final Clock clock;

    /** When a submitted feed is polled, when its actions need a person, and when polling stops. */
    public record Timing(Duration pollAfter, Duration attentionAfter, Duration giveUpAfter) {
        public static final Timing DEFAULT = new Timing(DEFAULT_POLL_AFTER, DEFAULT_ATTENTION_AFTER, DEFAULT_GIVE_UP_AFTER);
    }

    public FeedPoller(FeedPorts ports, FeedResults results, FeedSubmitter submitter, Timing timing) {
        this.attempts = ports.attempts();
        this.actions = ports.actions();
        this.feeds = ports.feeds();
        this.audit = ports.audit();
        this.clock = ports.clock();
        this.results = Objects.requireNonNull(results);
        this.submitter = Objects.requireNonNull(submitter);
        this.pollAfter = Objects.requireNonNull(timing.pollAfter());
        this.attentionAfter = Objects.requireNonNull(timing.attentionAfter());
        this.giveUpAfter = Objects.requireNonNull(timing.giveUpAfter());
    }

    /** What one poll did. */
    public record Poll(int polled, int finished, int attention) {
    }

    public Poll run() {
        Instant now = clock.instant();
        int polled = 0;
        int finished = 0;
        int attention = 0;
        for (FeedAttempt a : attempts.open()) {
            if (a.status() != FeedAttempt.Status.SUBMITTED || a.submittedAt() == null) {
                continue;
            }
            submitter.markSubmitted(a);
            Duration age = Duration.between(a.submittedAt(), now);
            if (age.compareTo(pollAfter) < 0) {
                continue;
            }
            polled++;
            Optional<Feed> feed = feeds.getFeed(a.sellerId(), a.feedId());
            if (feed.isPresent() && feed.get().processingStatus().terminal()) {
                results.feedFinished(a.sellerId(), a.feedId(), feed.get().processingStatus(), feed.get().resultFeedDocumentId());
                finished++;
                continue;
            }
            String seen = feed.map(f -> f.processingStatus().name()).orElse("unknown to Amazon");
            if (age.compareTo(attentionAfter) >= 0) {
                attention += flag(a, "No result from Amazon for feed " + a.feedId() + " after " + age.toMinutes()
                        + " minutes (status " + seen + "). The refund or cancellation may still be applied; check Seller Central.");
            }
            if (age.compareTo(giveUpAfter) >= 0) {
                LOG.warn("feed {} still {} after {}; no longer polled", a.feedId(), seen, age);
                attempts.move(a, FeedAttempt.Status.SUBMITTED, FeedAttempt.Status.DONE, FeedAttempts.Change.processingStatus("NO_RESULT"));
            }
        }
        return new Poll(polled, finished, attention);
    }

    private int flag(FeedAttempt a, String text) {
        int n = 0;
        for (FeedAttempt.Message m : a.messages()) {
            Optional<OrderAction> action = actions.get(a.sellerId(), m.ticketId(), m.actionId());
            if (action.isEmpty()) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            fields.put("error", text);
            Optional<OrderAction> moved = actions.transition(action.get(), ActionStore.states(ActionState.SUBMITTED, ActionState.QUEUED),
                    ActionState.ATTENTION_REQUIRED, a.attemptId(), fields, clock.instant());
            if (moved.isPresent()) {
                audit.record(moved.get(), AuditTrail.ATTENTION_REQUIRED, clock.instant());
                n++;
            }
        }
        return n;
    }
}
