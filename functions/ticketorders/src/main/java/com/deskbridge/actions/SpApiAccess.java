package com.deskbridge.actions;

import com.deskbridge.adapters.config.Env;
import com.deskbridge.http.Backoff;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.Sleeper;
import com.deskbridge.spapi.InMemoryQuotaProvider;
import com.deskbridge.spapi.QuotaProvider;
import com.deskbridge.spapi.Region;
import com.deskbridge.spapi.SpApiClient;
import com.deskbridge.spapi.SpApiEndpoints;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * How a function that acts on orders reaches SP-API: the endpoints, the sellers' authorisations (one Secrets Manager
 * secret per seller) and the per-seller quotas shared through DynamoDB ({@link SharedQuotaProvider}). Built once per
 * container from the clients the function already has, so the API function and the actions functions build it the
 * same way and neither makes a second DynamoDB client for it.
 */
public final class SpApiAccess {
    private final HttpClient http;
    private final SecretSource secrets;
    private final QuotaProvider quotas;
    private final SpApiEndpoints endpoints;
    private final SellerAccounts accounts;
    private final Clock clock;

    public SpApiAccess(HttpClient http, SecretSource secrets, QuotaProvider quotas, SpApiEndpoints endpoints,
                       SellerAccounts accounts, Clock clock) {
        this.http = Objects.requireNonNull(http);
        this.secrets = Objects.requireNonNull(secrets);
        this.quotas = Objects.requireNonNull(quotas);
        this.endpoints = Objects.requireNonNull(endpoints);
        this.accounts = Objects.requireNonNull(accounts);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * From the environment template.yaml sets: SPAPI_SECRET_PREFIX (default {@code deskbridge/spapi/}), SPAPI_REGION
     * (NA|EU|FE, default EU), optional SPAPI_ENDPOINT + SPAPI_LWA_URL (the simulator).
     */
    public static SpApiAccess fromEnvironment(DynamoDbClient dynamo, String table, SecretSource secrets, Clock clock) {
        SpApiEndpoints endpoints = Env.get("SPAPI_ENDPOINT")
                .map(base -> SpApiEndpoints.local(base, Env.require("SPAPI_LWA_URL"))).orElseGet(SpApiEndpoints::production);
        QuotaProvider quotas = new SharedQuotaProvider(new com.deskbridge.quota.DynamoDbQuotaCounters(dynamo, table), clock, SharedQuotaProvider.DEFAULT_SHARED,
                new InMemoryQuotaProvider(clock));
        SellerAccounts accounts = SellerAccounts.byPrefix(Env.get("SPAPI_SECRET_PREFIX").orElse("deskbridge/spapi/"),
                Region.valueOf(Env.get("SPAPI_REGION").orElse("EU")));
        return new SpApiAccess(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), secrets, quotas,
                endpoints, accounts, clock);
    }

    private volatile SpApiClient standard;

    /**
     * The client with the standard retries: one per container, so every caller (refunds, review requests) shares its
     * cached Login with Amazon tokens instead of exchanging each seller's refresh token again.
     */
    public SpApiClient client() {
        SpApiClient c = standard;
        if (c == null) {
            synchronized (this) {
                if (standard == null) {
                    standard = new SpApiClient(http, clock, Sleeper.REAL, secrets, quotas, endpoints);
                }
                c = standard;
            }
        }
        return c;
    }

    /** A client with its own retry policy (createFeed: one attempt). */
    public SpApiClient client(Backoff backoff, Duration maxQuotaWait) {
        return new SpApiClient(http, clock, Sleeper.REAL, secrets, quotas, endpoints, backoff, maxQuotaWait);
    }

    public SellerAccounts accounts() {
        return accounts;
    }
}
