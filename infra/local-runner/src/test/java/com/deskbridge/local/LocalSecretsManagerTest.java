package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.adapters.secrets.SecretsManagerSource;
import com.deskbridge.http.MissingSecretException;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The functions' Secrets Manager adapter against the local stand-in, as a seller's own carrier account goes through it:
 * created, replaced, deleted without a recovery window (read as missing at once, also by the container that deleted it,
 * whose cache forgets it), deleted again without error, and created again under the same name.
 */
class LocalSecretsManagerTest {

    @Test
    void aSecretIsCreatedReplacedDeletedAndCreatedAgain() {
        try (LocalSecretsManager local = LocalSecretsManager.start();
             SecretsManagerClient client = client(local)) {
            SecretsManagerSource secrets = new SecretsManagerSource(client, Clock.systemUTC());
            String name = "deskbridge/seller-carriers/north-shop/ups";

            secrets.put(name, Map.of("clientId", "a", "clientSecret", "b"));
            secrets.put(name, Map.of("clientId", "a", "clientSecret", "c"));
            assertThat(new SecretsManagerSource(client, Clock.systemUTC()).secret(name)).containsEntry("clientSecret", "c");

            secrets.delete(name);
            assertThat(local.has(name)).isFalse();
            assertThatThrownBy(() -> secrets.secret(name)).isInstanceOf(MissingSecretException.class);
            secrets.delete(name);

            secrets.put(name, Map.of("clientId", "a", "clientSecret", "d"));
            assertThat(new SecretsManagerSource(client, Clock.systemUTC()).secret(name)).containsEntry("clientSecret", "d");
        }
    }

    /**
     * The negative cache of the per-message paths: a seller without a secret (no Shopify store, say) is asked about once
     * per {@link SecretsManagerSource#MISSING}, not on every message; a put through the same source is visible at once,
     * a delete is missing at once, and another container's put is seen once the missing answer has expired. A source
     * without it (the API's) asks every time and sees another container's put at once.
     */
    @Test
    void aMissingSecretIsAskedForOncePerMinuteAndAPutMakesItVisibleAtOnce() {
        try (LocalSecretsManager local = LocalSecretsManager.start();
             SecretsManagerClient client = client(local)) {
            com.deskbridge.testing.MutableClock clock = new com.deskbridge.testing.MutableClock(java.time.Instant.parse("2026-12-07T10:00:00Z"));
            SecretsManagerSource secrets = new SecretsManagerSource(client, clock, SecretsManagerSource.MISSING);
            String name = "deskbridge/shopify/no-store-seller";

            assertThatThrownBy(() -> secrets.secret(name)).isInstanceOf(MissingSecretException.class);
            assertThat(local.calls("GetSecretValue")).isEqualTo(1);
            assertThatThrownBy(() -> secrets.secret(name)).isInstanceOf(MissingSecretException.class);
            assertThat(local.calls("GetSecretValue")).as("the second look-up of a missing secret asks nobody").isEqualTo(1);

            clock.advance(SecretsManagerSource.MISSING);
            assertThatThrownBy(() -> secrets.secret(name)).isInstanceOf(MissingSecretException.class);
            assertThat(local.calls("GetSecretValue")).as("asked again once the missing answer expired").isEqualTo(2);

            secrets.put(name, Map.of("shop", "no-store-seller.myshopify.com", "accessToken", "shpat_1"));
            assertThat(secrets.secret(name)).containsEntry("accessToken", "shpat_1");
            assertThat(local.calls("GetSecretValue")).as("a put is visible at once, without a read").isEqualTo(2);

            secrets.delete(name);
            assertThatThrownBy(() -> secrets.secret(name)).isInstanceOf(MissingSecretException.class);
            assertThat(local.calls("GetSecretValue")).as("a delete is missing at once, without a read").isEqualTo(2);

            SecretsManagerSource api = new SecretsManagerSource(client, clock); // without a negative cache
            assertThatThrownBy(() -> api.secret(name)).isInstanceOf(MissingSecretException.class);
            assertThatThrownBy(() -> api.secret(name)).isInstanceOf(MissingSecretException.class);
            assertThat(local.calls("GetSecretValue")).as("the default asks every time").isEqualTo(4);

            new SecretsManagerSource(client, clock).put(name, Map.of("shop", "no-store-seller.myshopify.com", "accessToken", "shpat_2"));
            assertThat(api.secret(name)).as("another container's put, without a negative cache: at once")
                    .containsEntry("accessToken", "shpat_2");
            assertThatThrownBy(() -> secrets.secret(name)).as("another container's put: not yet").isInstanceOf(MissingSecretException.class);
            clock.advance(SecretsManagerSource.MISSING);
            assertThat(secrets.secret(name)).containsEntry("accessToken", "shpat_2");
            assertThat(local.calls("GetSecretValue")).isEqualTo(6);
        }
    }

    private static SecretsManagerClient client(LocalSecretsManager local) {
        return SecretsManagerClient.builder().endpointOverride(local.endpoint()).region(Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }
}
