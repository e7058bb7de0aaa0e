package com.deskbridge.adapters.aws;

import com.deskbridge.adapters.config.Env;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
 *   <li>reads one item that never exists from the tickets table with the container's DynamoDB client
 *       ({@link AwsClients#dynamoDb()}), which readies the client the handler uses;</li>
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
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final Class<?> handler;
    private final Runnable request;

    private SnapStartPriming(Class<?> handler, Runnable request) {
        this.handler = handler;
        this.request = request;
    }

    /**
     * Registers priming for {@code handler}. Keep the returned object in a field of the handler: the CRaC context
     * holds its resources weakly.
     *
     * @param request the handler's harmless priming request, or null
     */
    public static SnapStartPriming register(Class<?> handler, Runnable request) {
        SnapStartPriming priming = new SnapStartPriming(handler, request);
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
     */
    public record Report(int classesLoaded, String failure) {
    }

    /** Runs the priming now (the runtime hook calls it; so do the cold-start benchmark and the tests). */
    public Report prime() {
        long start = System.nanoTime();
        int loaded = loadClasses();
        String failure = readTicketsTable();
        if (request != null) {
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    request.run();
                }
            } catch (RuntimeException e) {
                failure = "priming request: " + e;
                LOG.warn("SnapStart priming request of {} failed (the first request will pay instead): {}",
                        handler.getSimpleName(), e.toString());
            }
        }
        LOG.info("SnapStart priming of {}: {} classes loaded, {} ms", handler.getSimpleName(), loaded,
                (System.nanoTime() - start) / 1_000_000);
        return new Report(loaded, failure);
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

    /** @return why the read failed, or null */
    private String readTicketsTable() {
        String table = Env.get("TICKETS_TABLE").orElse(null);
        if (table == null) {
            return null;
        }
        try {
            DynamoDbClient dynamo = AwsClients.dynamoDb(); // the handler's own client (one per container)
            dynamo.getItem(g -> g.tableName(table).key(Map.of("PK", AttributeValue.fromS("PRIMING#" + RESERVED_SELLER),
                    "SK", AttributeValue.fromS("PRIMING"))));
            return null;
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming could not read table {}: {}", table, e.toString());
            return "table read: " + e;
        }
    }
}
