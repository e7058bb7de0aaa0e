package com.deskbridge.local.contract;

import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.localaws.dynamodb.TableProvisioner;
import com.deskbridge.localaws.sqs.QueueProvisioner;
import com.deskbridge.localaws.template.SamTemplate;
import com.deskbridge.localaws.template.TemplateModel;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The same contract against LocalStack, where a Docker engine runs. Without Docker, JUnit reports it as skipped
 * ("disabledWithoutDocker is true and Docker is not available").
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackContractTest extends IntakeAndApiContract {
    private static final String BUCKET = "contract-raw-mail";
    private static LocalStackContainer localstack;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;
    private static S3Client s3;
    private static String table;
    private static String dlq;

    @BeforeAll
    static void start() {
        localstack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SQS,
                        LocalStackContainer.Service.S3);
        localstack.start();
        Region region = Region.of(localstack.getRegion());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey()));
        dynamo = DynamoDbClient.builder().endpointOverride(localstack.getEndpoint()).region(region)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(localstack.getEndpoint()).region(region)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        s3 = S3Client.builder().endpointOverride(localstack.getEndpoint()).region(region).forcePathStyle(true)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        TemplateModel model = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"))
                .model(Map.of(), region.id(), "localstack");
        new TableProvisioner(dynamo).ensure(model.tables().get("TicketsTable"));
        table = model.tables().get("TicketsTable").tableName();
        dlq = new QueueProvisioner(sqs, region.id(), null).createAll(model.queues().values()).get("IntakeDeadLetterQueue");
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stop() {
        if (localstack != null) {
            dynamo.close();
            sqs.close();
            s3.close();
            localstack.stop();
        }
    }

    @Override
    protected Backend backend() {
        return new Backend() {
            @Override
            public DynamoDbClient dynamo() {
                return dynamo;
            }

            @Override
            public SqsClient sqs() {
                return sqs;
            }

            @Override
            public S3Client s3() {
                return s3;
            }

            @Override
            public String ticketsTable() {
                return table;
            }

            @Override
            public String deadLetterQueueUrl() {
                return dlq;
            }

            @Override
            public String rawMailBucket() {
                return BUCKET;
            }

            @Override
            public void close() {
                // stopped in @AfterAll
            }
        };
    }
}
