package com.deskbridge.localaws.sqs;

import com.deskbridge.localaws.dynamodb.DynamoDbLocalServer;
import com.deskbridge.localaws.template.IntrinsicResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.concurrent.Await;
import scala.util.Either;

/**
 * ElasticMQ, the SQS-compatible server, embedded and bound to 127.0.0.1: in memory, or with its queues and messages
 * persisted in an H2 database under a data directory (ElasticMQ's own SQL message storage, {@code messages-storage}
 * in its server configuration, wired here as its {@code ElasticMQServer} wires it). With storage, ElasticMQ answers a
 * SendMessage only after the message is written, every receive, visibility change and delete is written too, and on
 * start the stored queues and messages are restored before the server accepts requests: a message the queue accepted
 * survives a kill -9 of the process and is delivered again after its visibility timeout.
 */
public final class ElasticMqServer implements AutoCloseable {
    /** H2 writes each commit at once (no write delay), so a kill -9 loses nothing that was acknowledged. */
    private static final String H2_OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    private static final Duration RESTORE_LIMIT = Duration.ofSeconds(60);

    private final SQSRestServer server;
    private final ActorSystem actors;
    private final int port;
    private final boolean persistent;

    /**
     * Starts ElasticMQ in memory.
     *
     * @param port port, 0 for a free one
     * @param region region used in queue ARNs
     */
    public ElasticMqServer(int port, String region) {
        this(port, region, null);
    }

    /**
     * Starts ElasticMQ.
     *
     * @param port port, 0 for a free one
     * @param region region used in queue ARNs
     * @param dataDir directory for the persistent queues and messages, or null for in memory
     */
    public ElasticMqServer(int port, String region, Path dataDir) {
        this.port = port == 0 ? DynamoDbLocalServer.freePort() : port;
        this.persistent = dataDir != null;
        RestSettings builder = new RestSettings(this.port, region);
        if (dataDir == null) {
            actors = null;
            server = builder.plain().start();
        } else {
            actors = ActorSystem.create("elasticmq-local");
            try {
                server = startPersistent(builder, dataDir, actors);
            } catch (RuntimeException e) {
                actors.terminate();
                throw e;
            }
        }
        server.waitUntilStarted();
    }

    private static SQSRestServer startPersistent(RestSettings builder, Path dataDir, ActorSystem actors) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the SQS data directory " + dataDir, e);
        }
        String uri = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("elasticmq") + H2_OPTIONS;
        SqlQueuePersistenceConfig storage = new SqlQueuePersistenceConfig(true, "org.h2.Driver", uri, "sa", "", false);
        // ElasticMQ keeps one JDBC pool per JVM and sets it only once; set it here so that a restart in the same JVM
        // (or another data directory) uses this database.
        scalikejdbc.ConnectionPool$ pools = scalikejdbc.ConnectionPool$.MODULE$;
        try {
            Class.forName("org.h2.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("H2 (ElasticMQ's SQL storage) is not on the classpath", e);
        }
        pools.singleton(uri, "sa", "", pools.singleton$default$4(), pools.singleton$default$5(uri, "sa", "", pools.singleton$default$4()));
        ActorRef store = actors.actorOf(Props.create(SqlQueuePersistenceActor.class, storage,
                scala.collection.immutable.Nil$.MODULE$), "queue-storage");
        ActorRef queues = actors.actorOf(Props.create(QueueManagerActor.class, new NowProvider(), StrictSQSLimits$.MODULE$,
                scala.Option.apply(store)), "queue-manager");
        Object restored;
        try {
            restored = Await.result(Patterns.ask(store, new QueueEvent.Restore(queues), RESTORE_LIMIT.toMillis()),
                    scala.concurrent.duration.Duration.create(RESTORE_LIMIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("ElasticMQ could not restore its queues from " + dataDir + ": " + e, e);
        }
        if (restored instanceof Either<?, ?> either && either.isLeft()) {
            throw new IllegalStateException("ElasticMQ could not restore its queues from " + dataDir + ": " + either.left().get());
        }
        return builder.persistent(actors, queues, store).start();
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return whether queues and messages outlive the process */
    public boolean persistent() {
        return persistent;
    }

    /** @return the endpoint for SDK clients */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        server.stopAndWait();
        if (actors != null) {
            try {
                Await.result(actors.terminate(), scala.concurrent.duration.Duration.create(30, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException("ElasticMQ's actors did not stop: " + e, e);
            } finally {
                scalikejdbc.ConnectionPool$.MODULE$.closeAll();
            }
        }
    }

    /** The REST server's settings, shared by both modes. */
    private record RestSettings(int port, String region) {
        org.elasticmq.rest.sqs.TheSQSRestServerBuilder plain() {
            return SQSRestServerBuilder.withInterface("127.0.0.1")
                    .withPort(port)
                    .withServerAddress(NodeAddress.apply("http", "127.0.0.1", port, ""))
                    .withAWSRegion(region)
                    .withAWSAccountId(IntrinsicResolver.ACCOUNT_ID);
        }

        org.elasticmq.rest.sqs.TheSQSRestServerBuilder persistent(ActorSystem actors, ActorRef queues, ActorRef store) {
            return plain().withActorSystem(actors).withQueueManagerActor(queues).withQueueEventListener(store);
        }
    }
}
