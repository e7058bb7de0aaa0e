package com.deskbridge.localapigw;

import java.util.List;

/**
 * Authorization of one route, like a route's {@code AuthorizationType} and {@code AuthorizationScopes} in API Gateway.
 *
 * @param useAuthorizer whether the API's JWT authorizer protects the route (ignored when the API has no authorizer)
 * @param scopes        authorization scopes; when non-empty the token must carry at least one of them
 */
public record RouteAuth(boolean useAuthorizer, List<String> scopes) {

    /** Copies the scopes, treating null as none. */
    public RouteAuth {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /**
     * The route uses the API's JWT authorizer, if one is configured.
     *
     * @param scopes optional authorization scopes, at least one of which the token must carry
     * @return the route authorization
     */
    public static RouteAuth jwt(String... scopes) {
        return new RouteAuth(true, List.of(scopes));
    }

    /**
     * The route is public ({@code AuthorizationType: NONE}) even when the API has a JWT authorizer.
     *
     * @return the route authorization
     */
    public static RouteAuth none() {
        return new RouteAuth(false, List.of());
    }
}
