package com.deskbridge.localaws.template;

import java.util.List;

/**
 * An {@code AWS::Cognito::UserPool} with its app clients, groups and pre-token-generation trigger. Locally a user pool
 * is not emulated by itself: the runner's OIDC issuer plays it (same token formats, the template's clients and
 * groups, the template's trigger function).
 *
 * @param logicalId logical id
 * @param poolId the local pool id ({@code <region>_<logicalId>}, the shape of Cognito's ids)
 * @param providerUrl what {@code !GetAtt Pool.ProviderURL} gives in AWS: {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}
 * @param groups the pool's group names ({@code AWS::Cognito::UserPoolGroup})
 * @param clients the pool's app clients ({@code AWS::Cognito::UserPoolClient})
 * @param preTokenGenerationFunction logical id of the pre-token-generation trigger's function, or null
 * @param preTokenGenerationVersion the trigger's event version (V1_0, V2_0, V3_0), or null without a trigger
 */
public record UserPoolSpec(String logicalId, String poolId, String providerUrl, List<String> groups,
                           List<ClientSpec> clients, String preTokenGenerationFunction,
                           String preTokenGenerationVersion) {

    /**
     * An app client.
     *
     * @param logicalId logical id
     * @param clientId the local client id (the logical id in lower case)
     * @param publicClient true when GenerateSecret is false (a browser or native app)
     * @param oauthFlows AllowedOAuthFlows ({@code code}, {@code implicit}, {@code client_credentials})
     * @param scopes AllowedOAuthScopes
     * @param callbackUrls CallbackURLs
     * @param logoutUrls LogoutURLs
     * @param accessTokenMinutes access (and ID) token lifetime in minutes
     */
    public record ClientSpec(String logicalId, String clientId, boolean publicClient, List<String> oauthFlows,
                             List<String> scopes, List<String> callbackUrls, List<String> logoutUrls,
                             int accessTokenMinutes) {
    }
}
