package com.deskbridge.actions;

import com.deskbridge.adapters.sqs.DeadLetterQueue;
import com.deskbridge.adapters.sqs.DeadLetterSink;
import org.slf4j.LoggerFactory;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.aws.PrimingWrites;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog;
import com.deskbridge.adapters.secrets.SecretsManagerSource;
import com.deskbridge.quota.DynamoDbQuotaCounters;
import com.deskbridge.quota.TokenBucket;
import com.deskbridge.spapi.SpApiClient;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the actions components once per container, from the environment template.yaml sets (see the module report
 * for the variables) or from given collaborators in tests.
 */
public record ActionsWiring(OrderActions orderActions, FeedSubmitter submitter, FeedResults results, FeedPoller poller,
                            DeadLetterSink deadLetters, Clock clock, ChannelConfirmations confirmations) {

    /**
     * The pieces every component shares. One SP-API client serves them all (one Login with Amazon token cache per
     * container); its createFeed is sent once by the transport ({@code FeedsClient#createFeed}).
     */
    public record Parts(DynamoDbClient dynamo, String table, SpApiClient spApi,
                        SellerAccounts accounts, SubmitTrigger trigger, DeadLetterSink deadLetters,
                        FeedSubmitter.Settings feeds, FeedPoller.Timing polling, Clock clock) {
    }

    /** Amazon only: no eBay or Shopify actions to confirm. */
    public static ActionsWiring of(Parts p) {
        return of(p, ChannelGateways.NONE, ChannelConfirmations.Settings.DEFAULT);
    }

    /** With the sellers' eBay accounts and Shopify stores, whose SUBMITTED actions the schedule confirms. */
    public static ActionsWiring of(Parts p, ChannelGateways channels, ChannelConfirmations.Settings confirmations) {
        return of(p, new DynamoDbActionStore(p.dynamo(), p.table()), channels, confirmations);
    }

    /** With the given action store (the one DynamoDB adapter of the container, or the in-memory store of a test). */
    public static ActionsWiring of(Parts p, ActionStore actions, ChannelGateways channels,
                                   ChannelConfirmations.Settings confirmations) {
        AuditTrail audit = new AuditTrail(new DynamoDbEvidenceLog(p.dynamo(), p.table(), p.clock()));
        FeedPorts feeds = new FeedPorts(actions, new DynamoDbFeedAttempts(p.dynamo(), p.table()),
                new SpApiFeeds(p.spApi(), p.accounts()), audit, p.clock());
        TokenBucket budget = TokenBucket.createFeed(new DynamoDbQuotaCounters(p.dynamo(), p.table()), p.clock());
        OrderActions service = new OrderActions(actions, p.spApi(), p.accounts(), audit, p.trigger(), p.clock());
        FeedSubmitter submitter = new FeedSubmitter(feeds, budget,
                new McfCanceller(p.spApi(), p.accounts(), actions, audit, p.clock()), p.feeds());
        FeedResults results = new FeedResults(feeds);
        FeedPoller poller = new FeedPoller(feeds, results, submitter, p.polling());
        return new ActionsWiring(service, submitter, results, poller, p.deadLetters(), p.clock(),
                new ChannelConfirmations(actions, channels, audit, confirmations, p.clock()));
    }

    /**
     * Production wiring. Variables: TICKETS_TABLE, ACTIONS_QUEUE_URL, ACTIONS_DLQ_URL, SPAPI_SECRET_PREFIX
     * (default {@code deskbridge/spapi/}), SPAPI_REGION (NA|EU|FE, default EU), optional SPAPI_ENDPOINT + SPAPI_LWA_URL
     * (simulator), FEED_MAX_MESSAGES, FEED_POLL_AFTER_MINUTES, FEED_ATTENTION_AFTER_MINUTES.
     */
    public static ActionsWiring fromEnvironment() {
        return fromEnvironment(AwsClients.dynamoDb(), AwsClients.sqs());
    }

    /**
     * Production wiring on the container's clients, which refuse every write and find the work queues (GSI3) empty
     * while {@code writes} runs SnapStart priming ({@link PrimingWrites#guard(DynamoDbClient, String)}): the schedule's
     * dummy run reads no seller's work, so it writes nothing and calls no upstream.
     */
    public static ActionsWiring fromEnvironment(PrimingWrites writes) {
        return fromEnvironment(writes.guard(AwsClients.dynamoDb(), Keys.GSI3), writes.guard(AwsClients.sqs()));
    }

    private static ActionsWiring fromEnvironment(DynamoDbClient dynamo, SqsClient sqs) {
        Clock clock = Clock.systemUTC();
        String table = Env.require("TICKETS_TABLE");
        SpApiAccess spApi = SpApiAccess.fromEnvironment(dynamo, table, SecretsManagerSource.fromEnvironment(), clock);
        SubmitTrigger trigger = Env.get("ACTIONS_QUEUE_URL").<SubmitTrigger>map(url -> new SqsSubmitTrigger(sqs, url)).orElse(SubmitTrigger.NONE);
        DeadLetterSink dlq = Env.get("ACTIONS_DLQ_URL").<DeadLetterSink>map(url -> new DeadLetterQueue(sqs, url))
                .orElse((message, reason, at) -> LoggerFactory.getLogger(ActionsWiring.class).error("poison message {} dropped: {}",
                        message.getMessageId(), reason));
        return of(new Parts(dynamo, table, spApi.client(), spApi.accounts(), trigger, dlq,
                new FeedSubmitter.Settings(Integer.parseInt(Env.get("FEED_MAX_MESSAGES")
                        .orElse(Integer.toString(FeedSubmitter.DEFAULT_MAX_MESSAGES_PER_FEED))), FeedSubmitter.DEFAULT_LEASE, FaultPoint.NONE),
                new FeedPoller.Timing(minutes("FEED_POLL_AFTER_MINUTES", FeedPoller.DEFAULT_POLL_AFTER),
                        minutes("FEED_ATTENTION_AFTER_MINUTES", FeedPoller.DEFAULT_ATTENTION_AFTER), FeedPoller.DEFAULT_GIVE_UP_AFTER),
                clock),
                ChannelAccounts.fromEnvironment(dynamo, table, clock),
                new ChannelConfirmations.Settings(ChannelConfirmations.DEFAULT_MAX_INTERVAL,
                        minutes("CHANNEL_CONFIRM_ATTENTION_AFTER_MINUTES", ChannelConfirmations.DEFAULT_ATTENTION_AFTER),
                        ChannelConfirmations.DEFAULT_GIVE_UP_AFTER, ChannelConfirmations.DEFAULT_MAX_PER_RUN));
    }

    private static Duration minutes(String name, Duration fallback) {
        return Env.get(name).map(v -> Duration.ofMinutes(Long.parseLong(v))).orElse(fallback);
    }
}
