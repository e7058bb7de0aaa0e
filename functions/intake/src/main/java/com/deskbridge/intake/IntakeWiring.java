package com.deskbridge.intake;

import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.domain.intake.IntakeService;
import com.deskbridge.mail.InboundMailParser;
import com.deskbridge.mail.S3RawMailStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The intake function's object graph, built once per Lambda container from the environment in template.yaml. */
record IntakeWiring(IntakeMessageDecoder decoder, IntakeService intake, DeadLetterQueue deadLetters, Clock clock) {

    static IntakeWiring fromEnvironment() {
        Clock clock = Clock.systemUTC();
        DynamoDbTicketStore store = new DynamoDbTicketStore(AwsClients.dynamoDb(), Env.require("TICKETS_TABLE"));
        IntakeService intake = new IntakeService(store, clock, Env.days("PERSONAL_DATA_RETENTION_DAYS", 30));
        S3Client s3 = AwsClients.configure(S3Client.builder(), "S3").forcePathStyle(Env.get("AWS_ENDPOINT_URL_S3").isPresent()).build();
        SqsClient sqs = AwsClients.configure(SqsClient.builder(), "SQS").build();
        IntakeMessageDecoder decoder = new IntakeMessageDecoder(new ObjectMapper(), new RelayMail(new InboundMailParser(), new S3RawMailStore(s3)));
        return new IntakeWiring(decoder, intake, new DeadLetterQueue(sqs, Env.require("INTAKE_DLQ_URL")), clock);
    }
}
