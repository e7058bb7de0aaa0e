package com.deskbridge.localaws.sqs;

import com.deskbridge.localaws.dynamodb.DynamoDbLocalServer;
import com.deskbridge.localaws.template.IntrinsicResolver;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ, the SQS-compatible server, embedded and bound to 127.0.0.1. */
public final class ElasticMqServer implements AutoCloseable {
    private final SQSRestServer server;
    private final int port;

    /**
     * Starts ElasticMQ.
     *
     * @param port port, 0 for a free one
     * @param region region used in queue ARNs
     */
    public ElasticMqServer(int port, String region) {
        this.port = port == 0 ? DynamoDbLocalServer.freePort() : port;
        server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(this.port)
                .withServerAddress(NodeAddress.apply("http", "127.0.0.1", this.port, ""))
                .withAWSRegion(region)
                .withAWSAccountId(IntrinsicResolver.ACCOUNT_ID)
                .start();
        server.waitUntilStarted();
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return the endpoint for SDK clients */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
