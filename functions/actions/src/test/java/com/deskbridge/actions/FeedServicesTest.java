package com.deskbridge.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog;
import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.OrderCancellationCommand;
import com.deskbridge.quota.InMemoryQuotaCounters;
import com.deskbridge.quota.TokenBucket;
import com.deskbridge.spapi.FeedProcessingStatus;
import com.deskbridge.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The feed services (submitter, results, poller) on their ports: Amazon's Feeds operations, the feed attempts and the
 * createFeed budget in memory, so these run without the SP-API simulator. The actions themselves are in the actions
 * tests' DynamoDB Local table ({@link ActionStore} has no port yet). The wire-level runs are {@code FeedFailuresTest},
 * {@code FeedBudgetTest} and {@code OrderActionsTest}.
 */
class FeedServicesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final String seller = "AFAST" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    private final ActionStore store = new InMemoryActionStore();
    private final InMemoryFeeds amazon = new InMemoryFeeds();
    private final InMemoryFeedAttempts attempts = new InMemoryFeedAttempts();
    private final TokenBucket budget = TokenBucket.createFeed(new InMemoryQuotaCounters(), clock);
    private FeedSubmitter submitter;
    private FeedResults results;
    private FeedPoller poller;

    @BeforeEach
    void wire() {
        Harness.quiesce(Harness.stack().dynamoDbClient(), Harness.stack().tableName("TicketsTable"));
        AuditTrail audit = new AuditTrail(new DynamoDbEvidenceLog(Harness.stack().dynamoDbClient(),
                Harness.stack().tableName("TicketsTable"), clock));
        FeedPorts ports = new FeedPorts(store, attempts, amazon, audit, clock);
        // no MCF cancellation is queued here, so its canceller needs no SP-API client
        submitter = new FeedSubmitter(ports, budget, new McfCanceller(null, null, store, audit, clock), FeedSubmitter.Settings.DEFAULT);
        results = new FeedResults(ports);
        poller = new FeedPoller(ports, results, submitter, FeedPoller.Timing.DEFAULT);
    }

    private OrderAction queueCancellation(int n) {
        String orderId = String.format("028-7%06d-%07d", n, n);
        OrderAction a = NewActions.of(seller, ticketId(), "agent", null, new OrderCancellationCommand(seller, Harness.MARKETPLACE,
                orderId, CancelReason.NoInventory, List.of()), clock.instant());
        assertThat(store.create(a, "key-" + UUID.randomUUID(), "hash", store.ledger(seller, orderId), clock.instant()))
                .isEqualTo(ActionStore.Created.CREATED);
        return a;
    }

    /** A ticket id of the ticket store's shape: 't' and 24 base32 characters. */
    private static String ticketId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        String hex = UUID.randomUUID().toString().replace("-", "");
        StringBuilder id = new StringBuilder("t");
        for (int i = 0; i < 24; i++) {
            id.append(alphabet.charAt(Character.digit(hex.charAt(i), 16) * 2));
        }
        return id.toString();
    }

    private ActionState state(OrderAction a) {
        return store.get(seller, a.ticketId(), a.actionId()).orElseThrow().state();
    }

    private static String report(int processed, long failedMessageId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <AmazonEnvelope><Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>M</MerchantIdentifier></Header>
                <MessageType>ProcessingReport</MessageType><Message><MessageID>1</MessageID><ProcessingReport>
                <DocumentTransactionID>1</DocumentTransactionID><StatusCode>Complete</StatusCode>
                <ProcessingSummary><MessagesProcessed>%d</MessagesProcessed><MessagesSuccessful>%d</MessagesSuccessful>
                <MessagesWithError>1</MessagesWithError><MessagesWithWarning>0</MessagesWithWarning></ProcessingSummary>
                <Result><MessageID>%d</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>18028</ResultMessageCode>
                <ResultDescription>The order was already cancelled</ResultDescription></Result>
                </ProcessingReport></Message></AmazonEnvelope>""".formatted(processed, processed - 1, failedMessageId);
    }

    @Test
    void queuedActionsGoIntoOneFeedAndAmazonsReportSettlesEachOfThem() {
        List<OrderAction> queued = new ArrayList<>(List.of(queueCancellation(1), queueCancellation(2), queueCancellation(3)));

        FeedSubmitter.Run run = submitter.run();

        assertThat(run.feedsSubmitted()).isEqualTo(1);
        assertThat(run.actionsSubmitted()).isEqualTo(3);
        assertThat(amazon.createFeedCalls).isEqualTo(1);
        assertThat(queued).allMatch(a -> state(a) == ActionState.SUBMITTED);
        String feedId = amazon.feeds.keySet().iterator().next();
        Map<String, Long> messageIds = attempts.byFeedId(feedId).orElseThrow().messages().stream()
                .collect(Collectors.toMap(FeedAttempt.Message::actionId, FeedAttempt.Message::messageId));
        assertThat(submitter.run().feedsSubmitted()).as("nothing is sent twice").isZero();

        amazon.finish(feedId, FeedProcessingStatus.DONE, report(3, 2));
        assertThat(results.feedFinished("M", feedId, FeedProcessingStatus.DONE, amazon.feeds.get(feedId).resultFeedDocumentId())).isTrue();

        Map<String, ActionState> states = queued.stream().collect(Collectors.toMap(OrderAction::actionId, this::state));
        for (OrderAction a : queued) {
            assertThat(states.get(a.actionId())).isEqualTo(messageIds.get(a.actionId()) == 2 ? ActionState.FAILED : ActionState.COMPLETED);
        }
        OrderAction failed = queued.stream().filter(a -> messageIds.get(a.actionId()) == 2).findFirst().orElseThrow();
        assertThat(store.get(seller, failed.ticketId(), failed.actionId()).orElseThrow().error()).contains("already cancelled");
        assertThat(attempts.byFeedId(feedId).orElseThrow().status()).isEqualTo(FeedAttempt.Status.DONE);
        assertThat(results.feedFinished("M", "unknown-feed", FeedProcessingStatus.DONE, java.util.Optional.empty()))
                .as("another tool's feed").isFalse();
    }

    @Test
    void createFeedThrottledIsRetriedWithTheSameDocumentRefusedFailsAndUnknownNeedsAPerson() {
        OrderAction throttled = queueCancellation(11);
        amazon.failNextCreateFeed(429);
        assertThat(submitter.run().feedsSubmitted()).isZero();
        assertThat(state(throttled)).isEqualTo(ActionState.QUEUED);
        assertThat(submitter.run().feedsSubmitted()).as("recovered from UPLOADED").isZero();
        assertThat(state(throttled)).isEqualTo(ActionState.SUBMITTED);
        assertThat(amazon.documents).as("the same document both times").hasSize(1);

        OrderAction refused = queueCancellation(12);
        amazon.failNextCreateFeed(400);
        submitter.run();
        assertThat(state(refused)).isEqualTo(ActionState.FAILED);

        OrderAction unknown = queueCancellation(13);
        amazon.failNextCreateFeed(500);
        submitter.run();
        submitter.run();
        assertThat(state(unknown)).as("never resubmitted automatically").isEqualTo(ActionState.ATTENTION_REQUIRED);
        assertThat(amazon.createFeedCalls).isEqualTo(4);
    }

    @Test
    void anEmptyBudgetDefersTheFeedAndThePollerSettlesAFeedWhoseNotificationWasLost() {
        for (int i = 0; i < 15; i++) {
            assertThat(budget.tryTake(seller)).isTrue();
        }
        OrderAction a = queueCancellation(21);
        FeedSubmitter.Run deferred = submitter.run();
        assertThat(deferred.deferred()).isEqualTo(1);
        assertThat(amazon.createFeedCalls).isZero();

        clock.advance(Duration.ofSeconds(121)); // createFeed: one permit per ~120.5 s
        assertThat(submitter.run().feedsSubmitted()).isEqualTo(1);
        String feedId = amazon.feeds.keySet().iterator().next();

        assertThat(poller.run().polled()).as("too early to poll").isZero();
        clock.advance(FeedPoller.DEFAULT_POLL_AFTER);
        amazon.finish(feedId, FeedProcessingStatus.FATAL, null);
        FeedPoller.Poll poll = poller.run();
        assertThat(poll.polled()).isEqualTo(1);
        assertThat(poll.finished()).isEqualTo(1);
        assertThat(state(a)).as("Amazon applied nothing of a FATAL feed").isEqualTo(ActionState.FAILED);
        assertThat(attempts.open()).isEmpty();
    }

}
