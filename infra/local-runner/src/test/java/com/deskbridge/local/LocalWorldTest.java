package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.adapters.secrets.SecretsManagerSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Who may call the simulated SP-API locally, read through the functions' own Secrets Manager adapter: the sellers a
 * world fixture names for each Amazon seller account get that account; every other seller gets the first account
 * by default (a local user signs in with any seller id), and nobody else once that is turned off.
 */
class LocalWorldTest {
    private static final String PREFIX = LocalRunner.SPAPI_SECRET_PREFIX;

    @Test
    void fixtureSellersGetTheirOwnAccountAndEveryOtherSellerTheFirstUntilTurnedOff() throws Exception {
        ObjectNode world = (ObjectNode) LocalWorld.demoWorld();
        ObjectNode north = ((com.fasterxml.jackson.databind.node.ArrayNode) world.with("spapi").withArray("credentials"))
                .addObject().put("sellerId", "A3NORTHSELLER").put("clientId", "amzn1.application-oa2-client.north");
        north.putArray("localSellers").add("north-shop").add("north-outlet");
        Path file = Files.createTempFile("world", ".json");
        new ObjectMapper().writeValue(file.toFile(), world);

        try (LocalWorld local = LocalWorld.start(file, 0, 0, Clock.systemUTC());
             SecretsManagerClient client = SecretsManagerClient.builder().endpointOverride(local.secrets().endpoint())
                     .region(Region.EU_WEST_1).httpClient(UrlConnectionHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            assertThat(local.grantFixtureSellers(PREFIX)).containsExactly("north-shop", "north-outlet");
            local.grantSpApiToEverySeller(PREFIX, true);

            assertThat(fresh(client).secret(PREFIX + "north-shop")).isEqualTo(local.spApi().credentials("A3NORTHSELLER").orElseThrow());
            assertThat(fresh(client).secret(PREFIX + "north-outlet").get("client_id")).isEqualTo("amzn1.application-oa2-client.north");
            assertThat(fresh(client).secret(PREFIX + "anyone-who-signs-in")).isEqualTo(local.spApi().credentials().get(0));
            assertThatThrownBy(() -> fresh(client).secret("deskbridge/carriers/not-granted")).hasMessageContaining("does not exist");

            local.grantSpApiToEverySeller(PREFIX, false);
            assertThatThrownBy(() -> fresh(client).secret(PREFIX + "anyone-who-signs-in"))
                    .hasMessage("secret " + PREFIX + "anyone-who-signs-in does not exist");
            assertThat(fresh(client).secret(PREFIX + "north-shop").get("client_id")).isEqualTo("amzn1.application-oa2-client.north");
        }
    }

    /** The adapter caches for minutes: a new one reads what the stand-in holds now. */
    private static SecretsManagerSource fresh(SecretsManagerClient client) {
        return new SecretsManagerSource(client, Clock.systemUTC());
    }
}
