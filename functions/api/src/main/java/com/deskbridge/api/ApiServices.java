package com.deskbridge.api;

import com.deskbridge.actions.ActionStore;
import com.deskbridge.actions.ActionsWiring;
import com.deskbridge.actions.OrderActions;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog;
import com.deskbridge.adapters.dynamodb.DynamoDbSlaMetricsArchive;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.adapters.dynamodb.ResponseRecords;
import com.deskbridge.adapters.settings.DynamoDbSellerSettings;
import com.deskbridge.adapters.settings.SellerSettings;
import com.deskbridge.adapters.settings.SlaPolicyJson;
import com.deskbridge.adapters.sqs.SqsReplyDispatcher;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.domain.command.TicketCommands;
import com.deskbridge.domain.port.ReplyDispatcher;
import com.deskbridge.domain.port.ResponseLog;
import com.deskbridge.domain.port.SlaMetricsArchive;
import com.deskbridge.domain.query.TicketQueries;
import com.deskbridge.enrichment.AgentTrackingRefresh;
import com.deskbridge.enrichment.TicketEnrichmentReader;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the API handler works with. {@code orderActions} is built on first use: most API calls never refund, so a
 * container does not pay for the SP-API client at start.
 *
 * @param defaultPolicy the SLA policy document of sellers who stored none
 */
public record ApiServices(TicketQueries queries, TicketCommands commands, SellerSettings settings,
                          ReplyDispatcher dispatcher, ResponseLog responses, SlaMetricsArchive dailyMetrics,
                          Supplier<OrderActions> orderActions, TicketContext context,
                          Supplier<AgentTrackingRefresh> trackingRefresh, ComplianceChecker compliance, Clock clock,
                          String defaultPolicy) {

    /** The real adapters, from the environment template.yaml sets; SDK clients are shared. */
    public static ApiServices fromEnvironment() {
        var dynamo = AwsClients.dynamoDb();
        String table = Env.require("TICKETS_TABLE");
        Clock clock = Clock.systemUTC();
        DynamoDbTicketStore store = new DynamoDbTicketStore(dynamo, table);
        Duration retention = Env.days("PERSONAL_DATA_RETENTION_DAYS", 30);
        SqsClient sqs = AwsClients.configure(SqsClient.builder(), "SQS").build();
        return new ApiServices(new TicketQueries(store, clock), new TicketCommands(store, clock, retention),
                new DynamoDbSellerSettings(dynamo, table, clock), new SqsReplyDispatcher(sqs, Env.require("OUTBOUND_QUEUE_URL")),
                new ResponseRecords(dynamo, table), new DynamoDbSlaMetricsArchive(dynamo, table),
                memoized(() -> ActionsWiring.fromEnvironment().orderActions()),
                TicketContext.of(TicketEnrichmentReader.create(dynamo, table), new ActionStore(dynamo, table),
                        new DynamoDbEvidenceLog(dynamo, table, clock)),
                memoized(() -> AgentTrackingRefresh.create(dynamo, table, sqs, Env.require("ENRICHMENT_QUEUE_URL"), clock)),
                new ComplianceChecker(), clock,
                SlaPolicyJson.defaultDocument(Env.get("SLA_TIME_ZONE").orElse("UTC")));
    }

    static <T> Supplier<T> memoized(Supplier<T> build) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = build.get();
                        }
                        v = value;
                    }
                }
                return v;
            }
        };
    }
}
