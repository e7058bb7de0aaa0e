package com.deskbridge.local.contract;

import com.deskbridge.localaws.s3.LocalS3;
import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.localaws.ProjectRoot;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The contract on this machine's emulators: DynamoDB Local, ElasticMQ and S3Mock, provisioned from template.yaml. */
class EmulatorContractTest extends IntakeAndApiContract {
    private static LocalS3 s3;
    private static LocalAwsStack stack;
    private static final String BUCKET = "contract-raw-mail";

    @BeforeAll
    static void start() throws Exception {
        s3 = LocalS3.start(0, Files.createTempDirectory("contract-s3"), "eu-west-1");
        s3.createBuckets(List.of(BUCKET));
        stack = LocalAwsStack.builder().template(ProjectRoot.find().resolve("template.yaml"))
                .pollers(false).schedules(false).start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Override
    protected Backend backend() {
        return new Backend() {
            @Override
            public DynamoDbClient dynamo() {
                return stack.dynamoDbClient();
            }

            @Override
            public SqsClient sqs() {
                return stack.sqsClient();
            }

            @Override
            public S3Client s3() {
                return s3.client();
            }

            @Override
            public String ticketsTable() {
                return stack.tableName("TicketsTable");
            }

            @Override
            public String deadLetterQueueUrl() {
                return stack.queueUrl("IntakeDeadLetterQueue");
            }

            @Override
            public String rawMailBucket() {
                return BUCKET;
            }

            @Override
            public void close() {
                // the class-wide emulators are stopped in @AfterAll
            }
        };
    }
}
