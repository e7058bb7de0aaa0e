package com.deskbridge.enrichment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.logging.Correlation;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.adapters.metrics.Metrics;
import com.deskbridge.adapters.secrets.SecretsManagerSource;
import com.deskbridge.ebay.EbayApi;
import com.deskbridge.ebay.EbayCallLimits;
import com.deskbridge.ebay.EbayClient;
import com.deskbridge.ebay.EbayEndpoints;
import com.deskbridge.ebay.EbayInbox;
import com.deskbridge.ebay.EbaySecretAccounts;
import com.deskbridge.channels.PollingPlan;
import com.deskbridge.http.Sleeper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Lambda entry point for the eBay buyer-message poll (template.yaml EbayMessagePollFunction, a schedule): runs
 * {@link EbayMessagePoll} once. The event's content is not used.
 */
public final class EbayMessagePollHandler implements RequestHandler<Map<String, Object>, Map<String, Integer>> {

    static {
        JsonLogging.install();
    }

    private final EbayMessagePoll poll;

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;

    /** Used by the Lambda runtime: everything from the environment, built once per container. */
    public EbayMessagePollHandler() {
        this(fromEnvironment());
        priming = SnapStartPriming.register(EbayMessagePollHandler.class,
                () -> poll.prime(SnapStartPriming.RESERVED_SELLER)); // reads only (EbayMessagePoll#prime)
    }

    public EbayMessagePollHandler(EbayMessagePoll poll) {
        this.poll = poll;
    }

    /**
     * TICKETS_TABLE, INTAKE_QUEUE_URL, EBAY_SECRET_PREFIX (default {@code deskbridge/ebay/}), EBAY_ENDPOINT (empty:
     * eBay's production hosts), EBAY_MESSAGE_DAILY_LIMIT (the application's Message API calls a day, default eBay's
     * default 5,000), EBAY_POLL_MINIMUM_SECONDS (shortest interval between two polls of one seller, default 120).
     */
    static EbayMessagePoll fromEnvironment() {
        Clock clock = Clock.systemUTC();
        SecretsManagerClient secretsClient = SecretsManagerSource.sharedClient();
        SqsClient sqs = AwsClients.sqs();
        String prefix = Env.get("EBAY_SECRET_PREFIX").filter(s -> !s.isBlank()).orElse("deskbridge/ebay/");
        EbayEndpoints endpoints = Env.get("EBAY_ENDPOINT").filter(s -> !s.isBlank()).map(EbayEndpoints::local)
                .orElseGet(EbayEndpoints::production);
        long dailyLimit = Env.get("EBAY_MESSAGE_DAILY_LIMIT").filter(s -> !s.isBlank()).map(Long::parseLong)
                .orElse(EbayApi.MESSAGE.defaultDailyLimit());
        Duration minimum = Duration.ofSeconds(Env.get("EBAY_POLL_MINIMUM_SECONDS").filter(s -> !s.isBlank())
                .map(Long::parseLong).orElse(120L));
        EbayCallLimits limits = new EbayCallLimits(clock, api -> api == EbayApi.MESSAGE ? dailyLimit : api.defaultDailyLimit());
        EbayClient ebay = new EbayClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), clock,
                Sleeper.REAL, new SecretsManagerSource(secretsClient, clock), endpoints, limits);
        SecretsManagerSellerDirectory sellers = new SecretsManagerSellerDirectory(secretsClient, prefix);
        int[] sellerCount = {1};
        PollingPlan plan = new PollingPlan(dailyLimit, 0.6, minimum, Duration.ofMinutes(30).compareTo(minimum) < 0
                ? minimum : Duration.ofMinutes(30));
        EbayInbox inbox = new EbayInbox(ebay, new EbaySecretAccounts(new SecretsManagerSource(secretsClient, clock), prefix),
                plan, () -> sellerCount[0], clock);
        return new EbayMessagePoll(() -> {
            List<String> all = sellers.get();
            sellerCount[0] = Math.max(1, all.size()); // the plan shares the daily limit among them
            return all;
        }, new DynamoDbPollCursors(AwsClients.dynamoDb(), Env.require("TICKETS_TABLE")), inbox,
                new SqsChannelIntake(sqs, Env.require("INTAKE_QUEUE_URL")), clock);
    }

    @Override
    public Map<String, Integer> handleRequest(Map<String, Object> event, Context context) {
        try {
            return Correlation.invocation(context, () -> {
                EbayMessagePoll.Report r = poll.run();
                return Map.of("sellers", r.sellers(), "polled", r.polled(), "notDue", r.notDue(), "failed", r.failed(),
                        "messagesQueued", r.messagesQueued(), "ebayCalls", r.ebayCalls());
            });
        } finally {
            Metrics.flush();
        }
    }
}
