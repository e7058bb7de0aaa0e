package com.deskbridge.localaws.api;

import java.util.List;

/**
 * The authorization a route requires, as declared in the template.
 *
 * @param authorizerName authorizer name, or null when the route is open
 * @param type JWT or LAMBDA, or null when open
 * @param issuer JWT issuer, or null
 * @param audiences JWT audiences (empty when not JWT)
 * @param identitySource IdentitySource, e.g. {@code $request.header.Authorization}, or null
 * @param scopes AuthorizationScopes the route requires
 * @param lambdaAuthorizerFunction function logical id of a LAMBDA authorizer, or null
 */
public record RouteAuth(String authorizerName, String type, String issuer, List<String> audiences,
                        String identitySource, List<String> scopes, String lambdaAuthorizerFunction) {

    /** @return auth for an open route */
    public static RouteAuth none() {
        return new RouteAuth(null, null, null, List.of(), null, List.of(), null);
    }

    /** @return whether the route requires an authorizer */
    public boolean required() {
        return authorizerName != null;
    }
}
