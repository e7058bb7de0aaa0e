package com.deskbridge.adapters.aws;

import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.logging.JsonLogging;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * SnapStart priming for a handler (template.yaml: every function has SnapStart). Lambda snapshots a published version
 * after its init and runs the registered runtime hooks before that: whatever priming loads is in the snapshot, and
 * the first request after a restore does not pay for it.
 * https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks.html
 *
 * <p>Priming never changes anything an agent or Amazon could see. It
 * <ol>
 *   <li>loads and initialises the classes the handler's first request loads, listed one per line in the
 *       resource {@code /snapstart/<Handler>.classes} - written by the cold-start benchmark
 *       ({@code -Dbench.writeClassLists=true}, DEVELOPERS.md) from a real first request;</li>
 *   <li>readies the container's SDK clients (the handler's own: {@link AwsClients#dynamoDb()},
 *       {@link AwsClients#sqs()}) on every operation kind the functions' requests use, so that their first request
 *       does not build the operations' marshallers, endpoint rules and field accessors: on the tickets table it reads
 *       the reserved key {@code PRIMING#snapstart-priming} (GetItem, Query, BatchGetItem) and asks for writes whose
 *       condition can never hold ({@code attribute_exists(PK) AND attribute_not_exists(PK)}: PutItem, UpdateItem,
 *       DeleteItem, TransactWriteItems), which DynamoDB refuses without writing; on SQS it sends to a queue that
 *       does not exist (a sibling of the function's own queue named {@value #ABSENT_QUEUE}), which SQS refuses;
 *       with Secrets Manager it asks for a secret that does not exist. Nothing is stored, sent or read;</li>
 *   <li>runs the handler's own priming request where that request is harmless (a read, a message of the reserved seller
 *       {@value #RESERVED_SELLER}, a notification for a feed that is not ours).</li>
 * </ol>
 * A failing step is logged and skipped: priming must never stop a version from being published.
 */
public final class SnapStartPriming implements Resource {
    /** The seller id priming may use; never a real seller's (onboarding must refuse it). */
    public static final String RESERVED_SELLER = "snapstart-priming";
    /** How often the priming request runs (the first for what is lazily built, the others for the JIT). */
    public static final int ROUNDS = 8;
    /**
     * Rounds for a handler whose priming runs its real write paths on refusing clients ({@link PrimingWrites}): the
     * cold-start benchmark measured the first request after 20 rounds against the median of the next hundred at 1.8x
     * (intake), 2.0x (sender) and 1.4x (scheduled audit), after 8 rounds at 1.9x, 2.4x and 2.0x (the same machine,
     * median of 3 runs): the code they share with the requests keeps compiling over the rounds.
     */
    public static final int WRITE_PATH_ROUNDS = 20;
    /** The queue name SQS priming sends to: no such queue exists, so SQS refuses the message. */
    static final String ABSENT_QUEUE = "snapstart-priming-no-such-queue";
    /** A condition no item can meet: the write is refused and nothing changes, whatever the table holds. */
    private static final String NEVER = "attribute_exists(PK) AND attribute_not_exists(PK)";
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final Class<?> handler;
    private final Runnable request;
    private final int rounds;

    private SnapStartPriming(Class<?> handler, Runnable request, int rounds) {
        this.handler = handler;
        this.request = request;
        this.rounds = rounds;
    }

    /**
     * Registers priming for {@code handler}. Keep the returned object in a field of the handler: the CRaC context
     * holds its resources weakly.
     *
     * @param request the handler's harmless priming request, or null
     */
    public static SnapStartPriming register(Class<?> handler, Runnable request) {
        return register(handler, request, ROUNDS);
    }

    /**
     * Registers priming for {@code handler} whose request runs {@code rounds} times (a handler whose first requests
     * still warm up after {@value #ROUNDS} rounds, e.g. the API's reflection accessors).
     */
    public static SnapStartPriming register(Class<?> handler, Runnable request, int rounds) {
        SnapStartPriming priming = new SnapStartPriming(handler, request, rounds);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: SDK clients reconnect on demand, and no clock or id was captured during init
    }

    /**
     * What a priming run did.
     *
     * @param classesLoaded classes of the list that were loaded
     * @param failure       why a step failed (it was skipped), or null
     * @param requests      how often the handler's own priming request ran to its end (0 without one)
     */
    public record Report(int classesLoaded, String failure, int requests) {
    }

    /** Runs the priming now (the runtime hook calls it; so do the cold-start benchmark and the tests). */
    public Report prime() {
        long start = System.nanoTime();
        int loaded = loadClasses();
        String failure = null;
        int rounds = Env.get("SNAPSTART_PRIMING_ROUNDS").map(Integer::parseInt).orElse(this.rounds);
        // the SDK operations each round too: like the handler's own request, they are code the JIT should compile
        for (int round = 0; round < rounds && failure == null; round++) {
            String dynamoFailure = primeDynamoDb();
            String sqsFailure = primeSqs();
            String secretsFailure = primeSecrets();
            failure = dynamoFailure != null ? dynamoFailure : sqsFailure != null ? sqsFailure : secretsFailure;
        }
        int heldBack = 0;
        int[] requests = {0};
        if (request != null) {
            try {
                // the requests' refused writes log WARN lines (a context hand-over that "failed", a batch "retried"):
                // expected here, so kept off the log (ERROR lines are written); real requests log as always
                heldBack = JsonLogging.quietly(() -> {
                    for (int round = 0; round < rounds; round++) {
                        request.run();
                        requests[0]++;
                    }
                });
            } catch (RuntimeException e) {
                failure = "priming request: " + e;
                LOG.warn("SnapStart priming request of {} failed (the first request will pay instead): {}",
                        handler.getSimpleName(), e.toString());
            }
        }
        LOG.info("SnapStart priming of {}: {} classes loaded, {} ms, {} log lines of its dummy requests below ERROR not "
                + "written", handler.getSimpleName(), loaded, (System.nanoTime() - start) / 1_000_000, heldBack);
        return new Report(loaded, failure, requests[0]);
    }

    private int loadClasses() {
        String resource = "/snapstart/" + handler.getSimpleName() + ".classes";
        int loaded = 0;
        try (InputStream in = handler.getResourceAsStream(resource)) {
            if (in == null) {
                return 0;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            ClassLoader loader = handler.getClassLoader();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String name = line.trim();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    // loaded and initialised, as the first request would: static initialisers (the SDK's model
                    // classes build their field tables there) are a large part of a first request
                    Class.forName(name, true, loader);
                    loaded++;
                } catch (ClassNotFoundException e) {
                    // the list is older than the code: that class is simply not primed
                } catch (LinkageError e) {
                    LOG.warn("SnapStart priming could not load {}: {}", name, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("SnapStart class list {} unreadable: {}", resource, e.toString());
        }
        return loaded;
    }

    /** @return why a step failed (not a refusal priming asked for), or null */
    private String primeDynamoDb() {
        String table = Env.get("TICKETS_TABLE").orElse(null);
        if (table == null) {
            return null;
        }
        try {
            DynamoDbClient dynamo = AwsClients.dynamoDb(); // the handler's own client (one per container)
            Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("PRIMING#" + RESERVED_SELLER),
                    "SK", AttributeValue.fromS("PRIMING"));
            dynamo.getItem(g -> g.tableName(table).key(key).consistentRead(true));
            // the reserved key has no item: a response holding one is built in memory, so that the SDK's copier of a
            // found item (AttributeMapCopier, GetItem's Item and a write's returned Attributes) is linked before the
            // first request that finds one (the API's first GET /tickets/{id} linked its lambda)
            GetItemResponse.builder().item(key).build();
            dynamo.query(q -> q.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                    .expressionAttributeValues(Map.of(":pk", key.get("PK"), ":sk", AttributeValue.fromS("PRIMING")))
                    .limit(1));
            dynamo.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder().keys(key).build())));
            refused(() -> dynamo.putItem(p -> p.tableName(table).item(Map.of("PK", key.get("PK"), "SK", key.get("SK"),
                    "v", AttributeValue.fromN("1"))).conditionExpression(NEVER)));
            refused(() -> dynamo.updateItem(u -> u.tableName(table).key(key).updateExpression("SET #v = :v")
                    .expressionAttributeNames(Map.of("#v", "v")).expressionAttributeValues(Map.of(":v",
                            AttributeValue.fromN("1"))).conditionExpression(NEVER)));
            refused(() -> dynamo.deleteItem(d -> d.tableName(table).key(key).conditionExpression(NEVER)));
            refused(() -> dynamo.transactWriteItems(t -> t.transactItems(i -> i.update(u -> u.tableName(table).key(key)
                    .updateExpression("SET #v = :v").expressionAttributeNames(Map.of("#v", "v"))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1"))).conditionExpression(NEVER)))));
            return null;
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming could not use table {}: {}", table, e.toString());
            return "table: " + e;
        }
    }

    private static void refused(Runnable write) {
        try {
            write.run();
            throw new IllegalStateException("DynamoDB accepted a write whose condition cannot hold");
        } catch (ConditionalCheckFailedException | TransactionCanceledException expected) {
            // refused, as asked: nothing was written
        } catch (SdkServiceException refused) {
            if (refused.statusCode() >= 500) {
                throw refused;
            }
            // refused otherwise (in AWS a role without write access to the table gets AccessDenied): nothing written
        }
    }

    /** @return why the step failed, or null; nothing when the function built no SQS client */
    private String primeSqs() {
        SqsClient sqs = AwsClients.sqsIfBuilt().orElse(null);
        String ownQueue = sqs == null ? null : ownQueueUrl();
        if (ownQueue == null) {
            return null;
        }
        String absent = ownQueue.substring(0, ownQueue.lastIndexOf('/') + 1) + ABSENT_QUEUE;
        try {
            sqs.sendMessage(m -> m.queueUrl(absent).messageBody("{}"));
            return "SQS accepted a message for " + absent;
        } catch (SdkServiceException expected) {
            // no such queue: nothing was sent
        }
        try {
            sqs.sendMessageBatch(b -> b.queueUrl(absent).entries(SendMessageBatchRequestEntry.builder().id("priming")
                    .messageBody("{}").delaySeconds(0).build()));
            return "SQS accepted a message batch for " + absent;
        } catch (SdkServiceException expected) {
            return null;
        }
    }

    /** @return why the step failed, or null; nothing when the function's jar or wiring has no Secrets Manager */
    private String primeSecrets() {
        try {
            Class.forName("software.amazon.awssdk.services.secretsmanager.SecretsManagerClient", false,
                    SnapStartPriming.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
        try {
            com.deskbridge.adapters.secrets.SecretsManagerSource.primeIfUsed();
            return null;
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming could not ready Secrets Manager: {}", e.toString());
            return "secrets: " + e;
        }
    }

    /** One of the function's queue URLs (configuration ending in _QUEUE_URL), or null. */
    private static String ownQueueUrl() {
        java.util.stream.Stream<String> names = java.util.stream.Stream.concat(System.getenv().keySet().stream(),
                System.getProperties().stringPropertyNames().stream());
        return names.filter(n -> n.endsWith("_QUEUE_URL")).sorted().map(n -> Env.get(n).orElse(""))
                .filter(u -> u.startsWith("http") && u.lastIndexOf('/') > u.indexOf("//") + 1).findFirst().orElse(null);
    }
}
