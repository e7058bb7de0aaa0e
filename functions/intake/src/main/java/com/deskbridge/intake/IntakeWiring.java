package com.deskbridge.intake;

import com.deskbridge.adapters.sqs.DeadLetterQueue;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.adapters.sellers.DynamoDbSellerRegistry;
import com.deskbridge.adapters.settings.DynamoDbSellerSettings;
import com.deskbridge.adapters.settings.ReplySettings;
import com.deskbridge.adapters.settings.ReplySettingsJson;
import com.deskbridge.adapters.settings.SellerDocuments;
import com.deskbridge.adapters.sqs.SqsEnrichmentTrigger;
import com.deskbridge.adapters.sqs.SqsReplyDispatcher;
import com.deskbridge.domain.port.EnrichmentTrigger;
import com.deskbridge.domain.command.TicketCommands;
import com.deskbridge.domain.sla.SlaPolicies;
import com.deskbridge.adapters.settings.SellerSetting;
import com.deskbridge.adapters.settings.SellerSettings;
import com.deskbridge.adapters.settings.SlaPolicyJson;
import com.deskbridge.adapters.settings.TagRulesJson;
import com.deskbridge.domain.intake.IntakeService;
import com.deskbridge.intent.IntentClassifier;
import com.deskbridge.language.LinguaLanguageDetector;
import com.deskbridge.intent.Tagger;
import com.deskbridge.mail.InboundMailParser;
import com.deskbridge.mail.S3RawMailStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The intake function's object graph: built once per Lambda container, from the environment or from given clients. */
public record IntakeWiring(IntakeMessageDecoder decoder, IntakeService intake, AutoReplies autoReplies,
                           EnrichmentTrigger enrichment, DeadLetterQueue deadLetters, Clock clock) {

    /**
     * From the environment template.yaml sets (TICKETS_TABLE, INTAKE_DLQ_URL, OUTBOUND_QUEUE_URL,
     * ENRICHMENT_QUEUE_URL, PERSONAL_DATA_RETENTION_DAYS, SLA_TIME_ZONE, MAIL_DOMAIN).
     */
    public static IntakeWiring fromEnvironment() {
        return fromEnvironment(Clients.fromEnvironment());
    }

    /** From the environment, on the container's one set of SDK clients. */
    public static IntakeWiring fromEnvironment(Clients clients) {
        IntakeWiring wiring = of(clients.dynamo(), clients.s3(), clients.sqs(), Env.require("TICKETS_TABLE"),
                Env.require("INTAKE_DLQ_URL"), Env.require("OUTBOUND_QUEUE_URL"),
                Env.days("PERSONAL_DATA_RETENTION_DAYS", 30), Env.get("SLA_TIME_ZONE").orElse("UTC"), Clock.systemUTC());
        wiring = Env.get("MAIL_DOMAIN").filter(d -> !d.isBlank()).map(wiring::receivingMailFor).orElse(wiring);
        return wiring.withEnrichment(new SqsEnrichmentTrigger(clients.sqs(), Env.require("ENRICHMENT_QUEUE_URL")));
    }

    /** The SDK clients of one intake container, built once and shared by everything in it. */
    public record Clients(DynamoDbClient dynamo, S3Client s3, SqsClient sqs) {
        public static Clients fromEnvironment() {
            return new Clients(AwsClients.dynamoDb(), AwsClients.configure(S3Client.builder(), "S3")
                    .forcePathStyle(Env.get("AWS_ENDPOINT_URL_S3").isPresent()).build(),
                    AwsClients.sqs());
        }

        /** These clients refusing every write while {@code writes} runs SnapStart priming (passing through otherwise). */
        public Clients refusingWritesDuring(com.deskbridge.adapters.aws.PrimingWrites writes) {
            return new Clients(writes.guard(dynamo), s3, writes.guard(sqs));
        }
    }

    /** The same wiring, asking {@code trigger} for order and tracking context of messages that name an order. */
    public IntakeWiring withEnrichment(EnrichmentTrigger trigger) {
        return new IntakeWiring(decoder, intake, autoReplies, trigger, deadLetters, clock);
    }

    /**
     * The same wiring, turning SES's notifications for mail to {@code <alias>@domain} into the alias's seller's
     * tickets (template.yaml MailDomain, MAIL_DOMAIN).
     */
    public IntakeWiring receivingMailFor(String domain) {
        return new IntakeWiring(decoder.receivingMailFor(domain), intake, autoReplies, enrichment, deadLetters, clock);
    }

    /** From given clients: tests and benchmarks point these at emulators. */
    public static IntakeWiring of(DynamoDbClient dynamo, S3Client s3, SqsClient sqs, String table, String deadLetterQueueUrl,
                                  String outboundQueueUrl, Duration personalDataRetention, String slaTimeZone, Clock clock) {
        SellerSettings settings = new DynamoDbSellerSettings(dynamo, table, clock);
        SellerDocuments<SlaPolicies> policies = new SellerDocuments<>(settings, SellerSetting.SLA_POLICY,
                new SlaPolicyJson().parse(SlaPolicyJson.defaultDocument(slaTimeZone)), new SlaPolicyJson()::parse);
        // Both language models load here, in the container's init phase, not on the first message.
        IntakeTriage triage = new IntakeTriage(new IntentClassifier(LinguaLanguageDetector.get().preload()),
                new SellerDocuments<>(settings, SellerSetting.TAG_RULES, new Tagger(List.of()),
                        document -> new Tagger(new TagRulesJson().parse(document))),
                policies);
        DynamoDbTicketStore store = new DynamoDbTicketStore(dynamo, table);
        IntakeService intake = new IntakeService(store, clock, personalDataRetention, triage);
        AutoReplies autoReplies = new AutoReplies(store, new TicketCommands(store, clock, personalDataRetention),
                new SqsReplyDispatcher(sqs, outboundQueueUrl),
                new SellerDocuments<>(settings, SellerSetting.REPLY_SETTINGS, ReplySettings.DEFAULT, new ReplySettingsJson()::parse),
                policies, clock);
        IntakeMessageDecoder decoder = new IntakeMessageDecoder(new ObjectMapper(),
                new RelayMail(new InboundMailParser(), new S3RawMailStore(s3)), new DynamoDbSellerRegistry(dynamo, table));
        return new IntakeWiring(decoder, intake, autoReplies, EnrichmentTrigger.NONE, new DeadLetterQueue(sqs, deadLetterQueueUrl),
                clock);
    }
}
