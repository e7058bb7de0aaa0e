package com.deskbridge.localapigw;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A Cognito user pool as the local issuer plays it: the pool id (the issuer becomes
 * {@code <base>/local-issuer/<poolId>}, the shape of {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}), its
 * groups, its app clients and, optionally, its pre-token-generation trigger.
 *
 * @param poolId                pool id, e.g. {@code eu-west-1_UserPool}
 * @param region                the pool's region (in trigger events)
 * @param groups                the groups a local user may pick on the login page
 * @param clients               the app clients that may use the authorization code grant
 * @param preTokenGeneration    the trigger: Cognito's event JSON in, the function's answer JSON out; null for none
 * @param preTokenGenerationVersion the trigger's event version ({@code V2_0} customises access tokens too)
 */
public record LocalUserPool(String poolId, String region, List<String> groups, List<Client> clients,
                            UnaryOperator<String> preTokenGeneration, String preTokenGenerationVersion) {

    public LocalUserPool {
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(region, "region");
        if (!poolId.matches("[\\w-]+_[0-9a-zA-Z]+")) {
            throw new IllegalArgumentException("not a user pool id: " + poolId);
        }
        groups = List.copyOf(groups);
        clients = List.copyOf(clients);
    }

    /**
     * An app client.
     *
     * @param clientId      the client id ({@code client_id} of access tokens, {@code aud} of ID tokens)
     * @param callbackUrls  allowed {@code redirect_uri} values, compared exactly
     * @param logoutUrls    allowed {@code logout_uri} values
     * @param scopes        allowed OAuth scopes
     * @param tokenLifetime lifetime of the access and ID tokens
     */
    public record Client(String clientId, List<String> callbackUrls, List<String> logoutUrls, List<String> scopes,
                         Duration tokenLifetime) {

        public Client {
            Objects.requireNonNull(clientId, "clientId");
            callbackUrls = List.copyOf(callbackUrls);
            logoutUrls = List.copyOf(logoutUrls);
            scopes = List.copyOf(scopes);
            Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        }
    }

    /** @return the client with that id, or null */
    Client client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElse(null);
    }
}
