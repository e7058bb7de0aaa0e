package com.deskbridge.adapters.aws;

import com.deskbridge.adapters.config.Env;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds SDK clients the same way for every function: one HTTP client implementation (URLConnection, the smallest
 * and quickest to start), the region from AWS_REGION, the default credentials chain (not environment-variable
 * credentials, which break under SnapStart), and the standard {@code AWS_ENDPOINT_URL_<SERVICE>} override so
 * the local runner and tests can point a function at an emulator.
 */
public final class AwsClients {
    private static final SdkHttpClient HTTP = UrlConnectionHttpClient.builder().build();

    private AwsClients() {
    }

    /** One DynamoDB client per container (per endpoint and region), shared by everything that asks. */
    private static final java.util.Map<String, DynamoDbClient> DYNAMODB = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The container's DynamoDB client: built on first use, then shared (clients are thread-safe and live as long as the
     * container). Sharing it is also what lets SnapStart priming ready the very client the handler uses. Never close it.
     */
    public static DynamoDbClient dynamoDb() {
        return DYNAMODB.computeIfAbsent(key("DYNAMODB"), k -> configure(DynamoDbClient.builder(), "DYNAMODB").build());
    }

    /** One SQS client per container (per endpoint and region), as {@link #dynamoDb()}. */
    private static final java.util.Map<String, SqsClient> SQS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The container's SQS client: built on first use, then shared, so that a function builds one SQS client however
     * many of its parts send, and SnapStart priming readies that client ({@link SnapStartPriming}). Never close it.
     */
    public static SqsClient sqs() {
        return SQS.computeIfAbsent(key("SQS"), k -> configure(SqsClient.builder(), "SQS").build());
    }

    /** The container's SQS client if something built it already (priming readies only the clients a function uses). */
    static java.util.Optional<SqsClient> sqsIfBuilt() {
        return java.util.Optional.ofNullable(SQS.get(key("SQS")));
    }

    private static String key(String serviceId) {
        return Env.get("AWS_REGION").orElseGet(() -> Env.get("aws.region").orElse("")) + " "
                + Env.get("AWS_ENDPOINT_URL_" + serviceId).or(() -> Env.get("AWS_ENDPOINT_URL")).orElse("");
    }

    /** Applies the shared settings to any service client builder; {@code serviceId} as in AWS_ENDPOINT_URL_&lt;ID&gt;. */
    public static <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C>
            B configure(B builder, String serviceId) {
        builder.httpClient(HTTP)
                .region(Region.of(Env.get("AWS_REGION").orElseGet(() -> Env.require("aws.region"))))
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        Env.get("AWS_ENDPOINT_URL_" + serviceId).or(() -> Env.get("AWS_ENDPOINT_URL"))
                .ifPresent(url -> builder.endpointOverride(URI.create(url)));
        return builder;
    }

    /**
     * A client for SnapStart priming against a server on the loopback interface started for the purpose
     * ({@code HttpPriming.withLoopback}): the shared HTTP client and region, {@code loopback} as its endpoint and
     * placeholder credentials (the container's are not read), so that the SDK's request, signing and response code runs
     * on recorded answers and nothing leaves the container. Close it after priming.
     */
    public static <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C>
            B loopback(B builder, URI loopback) {
        builder.httpClient(HTTP).region(Region.of(Env.get("AWS_REGION").or(() -> Env.get("aws.region")).orElse("us-east-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SnapStartPriming.RESERVED_SELLER, SnapStartPriming.RESERVED_SELLER)))
                .endpointOverride(loopback);
        return builder;
    }
}
