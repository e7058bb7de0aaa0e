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
             SecretsManagerClient client = SecretsManagerClient.builder().endpointOverride(local.endpoint())
                     .region(Region.EU_WEST_1).httpClient(UrlConnectionHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
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
}
