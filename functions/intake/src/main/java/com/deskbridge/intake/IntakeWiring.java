package com.deskbridge.intake;

import com.deskbridge.adapters.sqs.DeadLetterQueue;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.adapters.settings.DynamoDbSellerSettings;
import com.deskbridge.adapters.settings.SellerDocuments;
import com.deskbridge.adapters.settings.SellerSetting;
import com.deskbridge.adapters.settings.SellerSettings;
import com.deskbridge.adapters.settings.SlaPolicyJson;
import com.deskbridge.adapters.settings.TagRulesJson;
import com.deskbridge.domain.intake.IntakeService;
import com.deskbridge.intent.IntentClassifier;
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
public record IntakeWiring(IntakeMessageDecoder decoder, IntakeService intake, DeadLetterQueue deadLetters, Clock clock) {

    /** From the environment template.yaml sets (TICKETS_TABLE, INTAKE_DLQ_URL, PERSONAL_DATA_RETENTION_DAYS). */
    public static IntakeWiring fromEnvironment() {
        return of(AwsClients.dynamoDb(),
                AwsClients.configure(S3Client.builder(), "S3").forcePathStyle(Env.get("AWS_ENDPOINT_URL_S3").isPresent()).build(),
                AwsClients.configure(SqsClient.builder(), "SQS").build(),
                Env.require("TICKETS_TABLE"), Env.require("INTAKE_DLQ_URL"),
                Env.days("PERSONAL_DATA_RETENTION_DAYS", 30), Env.get("SLA_TIME_ZONE").orElse("UTC"), Clock.systemUTC());
    }

    /** From given clients: tests and benchmarks point these at emulators. */
    public static IntakeWiring of(DynamoDbClient dynamo, S3Client s3, SqsClient sqs, String table, String deadLetterQueueUrl,
                                  Duration personalDataRetention, String slaTimeZone, Clock clock) {
        SellerSettings settings = new DynamoDbSellerSettings(dynamo, table, clock);
        IntakeTriage triage = new IntakeTriage(new IntentClassifier(),
                new SellerDocuments<>(settings, SellerSetting.TAG_RULES, new Tagger(List.of()),
                        document -> new Tagger(new TagRulesJson().parse(document))),
                new SellerDocuments<>(settings, SellerSetting.SLA_POLICY,
                        new SlaPolicyJson().parse(SlaPolicyJson.defaultDocument(slaTimeZone)), new SlaPolicyJson()::parse));
        IntakeService intake = new IntakeService(new DynamoDbTicketStore(dynamo, table), clock, personalDataRetention, triage);
        IntakeMessageDecoder decoder = new IntakeMessageDecoder(new ObjectMapper(),
                new RelayMail(new InboundMailParser(), new S3RawMailStore(s3)));
        return new IntakeWiring(decoder, intake, new DeadLetterQueue(sqs, deadLetterQueueUrl), clock);
    }
}
