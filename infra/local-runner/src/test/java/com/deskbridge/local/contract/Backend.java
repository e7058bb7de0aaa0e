package com.deskbridge.local.contract;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Where the contract runs: the embedded emulators here, LocalStack where Docker exists. */
public interface Backend extends AutoCloseable {
    DynamoDbClient dynamo();

    SqsClient sqs();

    S3Client s3();

    String ticketsTable();

    String deadLetterQueueUrl();

    String rawMailBucket();
}
