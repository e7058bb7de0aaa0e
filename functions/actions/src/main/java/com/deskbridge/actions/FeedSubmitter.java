package com.deskbridge.actions;

import com.deskbridge.http.QuotaExhaustedException;
import com.deskbridge.http.UpstreamException;
import com.deskbridge.orderactions.FeedAction;
import com.deskbridge.orderactions.FeedType;
import com.deskbridge.orderactions.feed.BatchPlan;
import com.deskbridge.orderactions.feed.FeedBatcher;
import com.deskbridge.orderactions.feed.Numbered;
import com.deskbridge.orderactions.feed.PendingAction;
import com.deskbridge.orderactions.feed.PlannedFeed;
import com.deskbridge.quota.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns queued actions into feeds (issue 6 "Execution"): claims them, groups them with {@link FeedBatcher} per seller
 * within the seller's shared createFeed budget ({@link TokenBucket}: burst 15, then one per ~2 minutes) paced by
 * {@link FeedCadence} (immediate while the budget is full, spaced as it drains), and walks each
 * feed through a {@link FeedAttempt} so that no action is ever placed in two feeds:
 * <ol>
 *   <li>the attempt is written (PLANNING, with its candidate actions) before any action is claimed;</li>
 *   <li>each action is claimed with a conditional write (QUEUED and unclaimed), the attempt lists the winners with their
 *       MessageIDs (PLANNED);</li>
 *   <li>the document is created and uploaded, its id recorded (UPLOADED); a crash before that only orphans a document;</li>
 *   <li>one conditional write UPLOADED → CREATING admits exactly one caller to createFeed, which is sent WITHOUT
 *       transport retries (a retried POST could create a second feed); the feed id is recorded with a pointer
 *       (SUBMITTED) and the actions become SUBMITTED.</li>
 * </ol>
 * Recovery ({@link #recover}) finishes or undoes what a crashed run left: PLANNING → actions released; PLANNED/UPLOADED →
 * continued; SUBMITTED → actions marked submitted. <b>The one step that cannot be made exactly-once</b> is a crash (or an
 * ambiguous 5xx/timeout) between sending createFeed and recording its feed id: Amazon's getFeeds does not return the
 * input document id, so the feed cannot be found again with certainty. Such attempts become UNKNOWN and their actions
 * ATTENTION_REQUIRED (never resubmitted automatically); a person checks Seller Central's upload history.
 */
public final class FeedSubmitter {

    private static final Logger LOG = LoggerFactory.getLogger(FeedSubmitter.class);

    /** How long a run may own an attempt step before recovery treats it as crashed (longer than the Lambda timeout). */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_MESSAGES_PER_FEED = 1000;
    private static final int MAX_ACTIONS_PER_RUN = 5000;

    private final ActionStore actions;
    private final FeedAttempts attempts;
    private final Feeds feeds;
    private final TokenBucket budget;
    private final AuditTrail audit;
    private final McfCanceller mcf;
    private final FeedBatcher batcher;
    private final FeedCadence cadence = FeedCadence.DEFAULT;
    private final Duration lease;
    private final FaultPoint faults;
    private final Clock clock;

    /** How feeds are cut and how long a run owns a step; {@code faults} is {@link FaultPoint#NONE} outside crash tests. */
    public record Settings(int maxMessagesPerFeed, Duration lease, FaultPoint faults) {
        public static final Settings DEFAULT = new Settings(DEFAULT_MAX_MESSAGES_PER_FEED, DEFAULT_LEASE, FaultPoint.NONE);
    }

    /**
     * @param budget the sellers' shared createFeed budget
     * @param mcf    executes the MCF cancellations found in the queue (they are no feed messages)
     */
    public FeedSubmitter(FeedPorts ports, TokenBucket budget, McfCanceller mcf, Settings settings) {
        this.actions = ports.actions();
        this.attempts = ports.attempts();
        this.feeds = ports.feeds();
        this.audit = ports.audit();
        this.clock = ports.clock();
        this.budget = Objects.requireNonNull(budget);
        this.mcf = Objects.requireNonNull(mcf);
        this.batcher = new FeedBatcher(settings.maxMessagesPerFeed());
        this.lease = Objects.requireNonNull(settings.lease());
        this.faults = Objects.requireNonNull(settings.faults());
    }

    /** What one run did. */
    public record Run(int feedsSubmitted, int actionsSubmitted, int deferred, int recovered) {
    }

    /** Recovers stale attempts, then submits what the budget allows. */
    public Run run() {
        int recovered = recover();
        List<PendingAction> pending = new ArrayList<>();
        Map<String, OrderAction> byId = new LinkedHashMap<>();
        for (FeedQueue.QueuedRef ref : actions.feedQueue().queued(MAX_ACTIONS_PER_RUN)) {
            Optional<OrderAction> found = actions.get(ref.sellerId(), ref.ticketId(), ref.actionId());
            if (found.isEmpty() || found.get().state() != ActionState.QUEUED || found.get().feedAttemptId() != null) {
                continue;
            }
            OrderAction a = found.get();
            if (a.type() == ActionType.MCF_CANCELLATION) {
                mcf.execute(a);
                continue;
            }
            byId.put(a.actionId(), a);
            pending.add(new PendingAction(a.actionId(), command(a)));
        }
        Instant now = clock.instant();
        BatchPlan plan = batcher.planPerSeller(pending, seller -> {
            TokenBucket.Snapshot b = budget.snapshot(seller);
            return cadence.allowed(b.available(), b.lastTakenAt(), now);
        });
        int feeds = 0;
        int submitted = 0;
        for (PlannedFeed feed : plan.feeds()) {
            try {
                int n = submit(feed, byId);
                if (n > 0) {
                    feeds++;
                    submitted += n;
                }
            } catch (UpstreamException e) {
                // one seller's SP-API trouble (auth, quota) must not hold up the others; the attempt resumes later
                LOG.warn("feed for seller {} not submitted this run: {}", feed.sellerId(), e.getMessage());
            }
        }
        if (!plan.deferred().isEmpty()) {
            LOG.info("{} queued actions wait for the next createFeed permit", plan.deferred().size());
        }
        return new Run(feeds, submitted, plan.deferred().size(), recovered);
    }

    /** Plans, claims and submits one feed; returns how many actions went into it. */
    private int submit(PlannedFeed feed, Map<String, OrderAction> byId) {
        Instant now = clock.instant();
        String attemptId = NewActions.newId(now);
        List<FeedAttempt.Message> candidates = new ArrayList<>();
        for (Numbered<PendingAction> m : feed.messages()) {
            OrderAction a = byId.get(m.action().actionId());
            candidates.add(new FeedAttempt.Message(a.actionId(), a.ticketId(), m.messageId()));
        }
        FeedAttempt attempt = new FeedAttempt(feed.sellerId(), attemptId, FeedAttempt.Status.PLANNING, feed.marketplaceId(),
                feed.feedType().name(), now, now.plus(lease), candidates, null, null, null, false);
        attempts.create(attempt);
        faults.reached("attempt-created");
        List<FeedAttempt.Message> claimed = new ArrayList<>();
        for (FeedAttempt.Message c : candidates) {
            if (actions.feedQueue().claim(new FeedQueue.QueuedRef(feed.sellerId(), c.ticketId(), c.actionId()), attemptId, clock.instant())) {
                claimed.add(new FeedAttempt.Message(c.actionId(), c.ticketId(), claimed.size() + 1L));
            }
            faults.reached("claimed");
        }
        if (claimed.isEmpty()) {
            attempts.move(attempt, FeedAttempt.Status.PLANNING, FeedAttempt.Status.ABANDONED, FeedAttempts.Change.NONE);
            return 0;
        }
        if (!attempts.move(attempt, FeedAttempt.Status.PLANNING, FeedAttempt.Status.PLANNED,
                lease().withMessages(claimed))) {
            return 0; // recovery abandoned it and released the actions
        }
        faults.reached("planned");
        return proceed(attempts.get(feed.sellerId(), attemptId).orElseThrow()) ? claimed.size() : 0;
    }

    /** Continues an attempt from PLANNED or UPLOADED; true once it is SUBMITTED. */
    private boolean proceed(FeedAttempt a) {
        if (a.status() == FeedAttempt.Status.PLANNED) {
            String documentId = feeds.createFeedDocument(a.sellerId(), FeedType.CONTENT_TYPE, document(a));
            faults.reached("uploaded");
            if (!attempts.move(a, FeedAttempt.Status.PLANNED, FeedAttempt.Status.UPLOADED, lease().withDocumentId(documentId))) {
                return false;
            }
            faults.reached("upload-recorded");
            a = attempts.get(a.sellerId(), a.attemptId()).orElseThrow();
        }
        if (a.status() != FeedAttempt.Status.UPLOADED) {
            return false;
        }
        if (!budget.tryTake(a.sellerId())) {
            LOG.info("feed attempt {} waits for a createFeed permit (next at {})", a.attemptId(), budget.nextPermitAt(a.sellerId()));
            return false;
        }
        if (!attempts.move(a, FeedAttempt.Status.UPLOADED, FeedAttempt.Status.CREATING,
                lease().withCreateStartedAt(clock.instant()))) {
            return false;
        }
        faults.reached("creating");
        String feedId;
        try {
            feedId = feeds.createFeed(a.sellerId(), a.feedType(), a.marketplaceId(), a.documentId());
        } catch (UpstreamException e) {
            createFailed(a, e);
            return false;
        }
        faults.reached("created");
        Instant at = clock.instant();
        if (!attempts.submitted(a, feedId, at)) {
            LOG.error("feed attempt {} became feed {} but was no longer CREATING; its actions need attention", a.attemptId(), feedId);
            return false;
        }
        faults.reached("submitted-recorded");
        LOG.info("feed {} submitted for seller {} with {} messages (attempt {})", feedId, a.sellerId(), a.messages().size(), a.attemptId());
        markSubmitted(attempts.get(a.sellerId(), a.attemptId()).orElseThrow());
        return true;
    }

    /** 429/503/403 or a client-side quota stop: nothing was created, try again later. Other 4xx: Amazon refused. Else unknown. */
    private void createFailed(FeedAttempt a, UpstreamException e) {
        int status = e.status();
        boolean notCreated = e instanceof QuotaExhaustedException || status == 429 || status == 503 || status == 403;
        if (notCreated) {
            LOG.warn("createFeed for attempt {} not accepted ({}); retrying with the same document later", a.attemptId(), e.getMessage());
            attempts.move(a, FeedAttempt.Status.CREATING, FeedAttempt.Status.UPLOADED, FeedAttempts.Change.NONE);
        } else if (status >= 400 && status < 500) {
            attempts.move(a, FeedAttempt.Status.CREATING, FeedAttempt.Status.REJECTED, FeedAttempts.Change.error(e.getMessage()));
            settle(a, ActionState.FAILED, "Amazon refused the feed: " + e.getMessage());
        } else {
            attempts.move(a, FeedAttempt.Status.CREATING, FeedAttempt.Status.UNKNOWN, FeedAttempts.Change.error(e.getMessage()));
            settle(a, ActionState.ATTENTION_REQUIRED, "createFeed outcome unknown (" + e.getMessage()
                    + "); Amazon may have created the feed. Check Seller Central's feed upload history before requesting again.");
        }
    }

    /**
     * Marks the attempt's actions SUBMITTED (idempotent: only those still QUEUED under this attempt move), then flags the
     * attempt so later recoveries and polls skip the per-action reads.
     */
    void markSubmitted(FeedAttempt a) {
        if (a.actionsMarked()) {
            return;
        }
        for (FeedAttempt.Message m : a.messages()) {
            actions.get(a.sellerId(), m.ticketId(), m.actionId()).ifPresent(action -> {
                Map<String, String> fields = new HashMap<>();
                fields.put("feedId", a.feedId());
                fields.put("messageId", Long.toString(m.messageId()));
                actions.transition(action, ActionStore.states(ActionState.QUEUED), ActionState.SUBMITTED, a.attemptId(), fields, clock.instant())
                        .ifPresent(moved -> audit.record(moved, AuditTrail.SUBMITTED, clock.instant()));
            });
        }
        attempts.move(a, FeedAttempt.Status.SUBMITTED, FeedAttempt.Status.SUBMITTED,
                FeedAttempts.Change.marked());
    }

    /** Finishes or undoes attempts a crashed run left behind; returns how many it touched. */
    public int recover() {
        Instant now = clock.instant();
        int touched = 0;
        for (FeedAttempt a : attempts.open()) {
            boolean leaseRunning = a.leaseUntil() != null && a.leaseUntil().isAfter(now);
            if (leaseRunning && a.status() != FeedAttempt.Status.UPLOADED) {
                continue; // UPLOADED is always resumable: the conditional UPLOADED -> CREATING lets only one caller through
            }
            switch (a.status()) {
                case PLANNING -> {
                    if (attempts.move(a, FeedAttempt.Status.PLANNING, FeedAttempt.Status.ABANDONED, FeedAttempts.Change.NONE)) {
                        for (FeedAttempt.Message m : a.messages()) {
                            actions.get(a.sellerId(), m.ticketId(), m.actionId()).ifPresent(x -> actions.feedQueue().release(x, a.attemptId(), now));
                        }
                        touched++;
                    }
                }
                case PLANNED, UPLOADED -> {
                    touched++;
                    try {
                        proceed(a);
                    } catch (UpstreamException e) {
                        LOG.warn("feed attempt {} of seller {} not resumed this run: {}", a.attemptId(), a.sellerId(), e.getMessage());
                    }
                }
                case CREATING -> {
                    if (attempts.move(a, FeedAttempt.Status.CREATING, FeedAttempt.Status.UNKNOWN,
                            FeedAttempts.Change.error("submitter stopped between createFeed and recording its feed id"))) {
                        settle(a, ActionState.ATTENTION_REQUIRED, "The submitter stopped while creating feed attempt " + a.attemptId()
                                + "; Amazon may or may not have received it. Check Seller Central's feed upload history before requesting again.");
                        touched++;
                    }
                }
                case SUBMITTED -> markSubmitted(a);
                default -> {
                }
            }
        }
        return touched;
    }

    /** Moves every action of the attempt that still awaits a result to {@code to} with {@code text}. */
    private void settle(FeedAttempt a, ActionState to, String text) {
        for (FeedAttempt.Message m : a.messages()) {
            actions.get(a.sellerId(), m.ticketId(), m.actionId()).ifPresent(action -> {
                Map<String, String> fields = new HashMap<>();
                fields.put("error", text);
                actions.transition(action, ActionState.AWAITING_RESULT, to, a.attemptId(), fields, clock.instant())
                        .ifPresent(moved -> audit.record(moved, AuditTrail.kindFor(to), clock.instant()));
            });
        }
    }

    private byte[] document(FeedAttempt a) {
        List<Numbered<PendingAction>> messages = new ArrayList<>();
        for (FeedAttempt.Message m : a.messages()) {
            OrderAction action = actions.get(a.sellerId(), m.ticketId(), m.actionId())
                    .orElseThrow(() -> new IllegalStateException("claimed action " + m.actionId() + " disappeared"));
            messages.add(new Numbered<>(m.messageId(), new PendingAction(action.actionId(), command(action))));
        }
        return new PlannedFeed(a.sellerId(), a.marketplaceId(), FeedType.valueOf(a.feedType()), messages).document();
    }

    private FeedAttempts.Change lease() {
        return FeedAttempts.Change.lease(clock.instant().plus(lease));
    }

    static FeedAction command(OrderAction a) {
        return switch (a.type()) {
            case REFUND -> CommandJson.toRefund(a.commandJson());
            case CANCELLATION -> CommandJson.toCancellation(a.commandJson());
            case MCF_CANCELLATION -> throw new IllegalArgumentException("MCF cancellations are not sent in feeds");
        };
    }
}
