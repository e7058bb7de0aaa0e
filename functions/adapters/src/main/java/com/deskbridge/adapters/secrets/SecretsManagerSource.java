package com.deskbridge.adapters.secrets;

import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.http.MissingSecretException;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.SecretStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * {@link SecretSource} on AWS Secrets Manager: a secret is a JSON object of string fields (e.g. {@code client_id},
 * {@code client_secret}). Values are cached for {@link #CACHE} per container so rotated secrets arrive within minutes
 * without a call per request. Errors name the secret, never its value. Writes ({@link SecretStore}) go to
 * {@code PutSecretValue}, or {@code CreateSecret} for a secret that does not exist yet
 * (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutSecretValue.html,
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html), and replace this container's
 * cached value; deletes go to {@code DeleteSecret} with {@code ForceDeleteWithoutRecovery}, so that the name can be
 * created again at once (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html), and drop
 * it from this container's cache (other containers stop using it within {@link #CACHE}).
 *
 * <p>Where a secret is looked up per message (enrichment), a secret Secrets Manager does not have can be remembered as
 * missing for a while ({@code missingFor}, {@link #MISSING} there; a negative cache): a seller without, say, a Shopify
 * store is then asked about once a minute per container, not on every message. A put through this source makes the
 * secret visible here at once; other containers see it within {@code missingFor}. Without it (the default, and the
 * API's choice: it stores accounts and acts on them at once) a missing secret is asked for every time.
 */
public final class SecretsManagerSource implements SecretSource, SecretStore {
    static final Duration CACHE = Duration.ofMinutes(5);
    /** How long a per-message path answers a secret found missing as missing without asking again. */
    public static final Duration MISSING = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient client;
    private final Clock clock;
    private final Duration missingFor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** A secret's fields until {@code until}; {@code fields} null: the secret is missing. */
    private record Cached(Map<String, String> fields, Instant until) {
    }

    /** A missing secret is asked for every time. */
    public SecretsManagerSource(SecretsManagerClient client, Clock clock) {
        this(client, clock, Duration.ZERO);
    }

    /** @param missingFor how long a secret found missing is answered as missing without asking (ZERO: never) */
    public SecretsManagerSource(SecretsManagerClient client, Clock clock, Duration missingFor) {
        this.client = Objects.requireNonNull(client);
        this.clock = Objects.requireNonNull(clock);
        this.missingFor = Objects.requireNonNull(missingFor);
    }

    /** The container's Secrets Manager clients (one per endpoint), shared by every source built from the environment. */
    private static final Map<String, SecretsManagerClient> CLIENTS = new ConcurrentHashMap<>();
    /** The secret SnapStart priming asks for: it never exists. */
    static final String ABSENT_SECRET = "deskbridge/snapstart-priming/no-such-secret";

    /**
     * With the shared SDK settings (region, credentials, AWS_ENDPOINT_URL_SECRETS_MANAGER) and the container's client;
     * a missing secret is asked for every time.
     */
    public static SecretsManagerSource fromEnvironment() {
        return fromEnvironment(Duration.ZERO);
    }

    /** With the container's client, remembering a missing secret for {@code missingFor}. */
    public static SecretsManagerSource fromEnvironment(Duration missingFor) {
        return new SecretsManagerSource(sharedClient(), Clock.systemUTC(), missingFor);
    }

    /**
     * The container's Secrets Manager client (shared SDK settings, AWS_ENDPOINT_URL_SECRETS_MANAGER), built on first use:
     * one per container however many parts read secrets, and the one SnapStart priming readies. Never close it.
     */
    public static SecretsManagerClient sharedClient() {
        return CLIENTS.computeIfAbsent(endpoint(),
                k -> AwsClients.configure(SecretsManagerClient.builder(), "SECRETS_MANAGER").build());
    }

    private static String endpoint() {
        return com.deskbridge.adapters.config.Env.get("AWS_ENDPOINT_URL_SECRETS_MANAGER")
                .or(() -> com.deskbridge.adapters.config.Env.get("AWS_ENDPOINT_URL")).orElse("");
    }

    /**
     * SnapStart priming (called by {@code SnapStartPriming}): if the function reads secrets, its client asks once for a
     * secret that does not exist ({@value #ABSENT_SECRET}), which readies GetSecretValue's request and error paths and
     * the connection; no secret is read, none is cached in the snapshot.
     */
    public static void primeIfUsed() {
        SecretsManagerClient client = CLIENTS.get(endpoint());
        if (client == null) {
            return;
        }
        try {
            client.getSecretValue(r -> r.secretId(ABSENT_SECRET));
            throw new IllegalStateException("the secret " + ABSENT_SECRET + " exists");
        } catch (ResourceNotFoundException expected) {
            // as asked: no such secret
        } catch (software.amazon.awssdk.core.exception.SdkServiceException refused) {
            if (refused.statusCode() >= 500) {
                throw refused;
            }
            // in AWS a role allowed only its own secrets' prefix is refused (AccessDenied): nothing read either
        }
    }

    @Override
    public Map<String, String> secret(String name) {
        Instant now = clock.instant();
        Cached cached = cache.get(name);
        if (cached != null && now.isBefore(cached.until())) {
            if (cached.fields() == null) {
                throw new MissingSecretException(name);
            }
            return cached.fields();
        }
        String value;
        try {
            value = client.getSecretValue(r -> r.secretId(name)).secretString();
        } catch (ResourceNotFoundException e) {
            rememberMissing(name, now);
            throw new MissingSecretException(name);
        }
        Map<String, String> fields = parse(name, value);
        cache.put(name, new Cached(fields, now.plus(CACHE)));
        return fields;
    }

    @Override
    public void put(String name, Map<String, String> fields) {
        String value;
        try {
            value = JSON.writeValueAsString(new java.util.TreeMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("secret " + name + " cannot be written as JSON");
        }
        try {
            client.putSecretValue(r -> r.secretId(name).secretString(value));
        } catch (ResourceNotFoundException e) {
            try {
                client.createSecret(r -> r.name(name).secretString(value));
            } catch (ResourceExistsException raced) {
                client.putSecretValue(r -> r.secretId(name).secretString(value));
            }
        }
        cache.put(name, new Cached(Map.copyOf(fields), clock.instant().plus(CACHE)));
    }

    @Override
    public void delete(String name) {
        try {
            client.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
        } catch (ResourceNotFoundException e) {
            // nothing stored under the name: deleting it again is no error
        }
        cache.remove(name);
        rememberMissing(name, clock.instant());
    }

    private void rememberMissing(String name, Instant now) {
        if (!missingFor.isZero() && !missingFor.isNegative()) {
            cache.put(name, new Cached(null, now.plus(missingFor)));
        }
    }

    static Map<String, String> parse(String name, String value) {
        try {
            JsonNode node = value == null ? null : JSON.readTree(value);
            if (node == null || !node.isObject()) {
                throw new IllegalStateException("secret " + name + " is not a JSON object of string fields");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
            return Map.copyOf(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("secret " + name + " is not valid JSON");
        }
    }
}
