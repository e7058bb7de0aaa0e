package com.deskbridge.localaws.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::HttpApi} (with {@code Globals.HttpApi} merged), or the implicit
 * {@code ServerlessHttpApi}.
 *
 * @param logicalId logical id
 * @param authorizers authorizers by name
 * @param defaultAuthorizer DefaultAuthorizer, or null
 * @param cors CorsConfiguration, or null when CORS is off
 */
public record HttpApiSpec(String logicalId, Map<String, AuthorizerSpec> authorizers, String defaultAuthorizer,
                          CorsSpec cors) {

    /**
     * An authorizer.
     *
     * @param name authorizer name
     * @param type JWT or LAMBDA
     * @param issuer JwtConfiguration.issuer (JWT)
     * @param audiences JwtConfiguration.audience (JWT)
     * @param identitySource IdentitySource, or null
     * @param functionLogicalId FunctionArn's function (LAMBDA), else null
     */
    public record AuthorizerSpec(String name, String type, String issuer, List<String> audiences,
                                 String identitySource, String functionLogicalId) {
    }

    /**
     * CORS configuration.
     *
     * @param allowOrigins AllowOrigins
     * @param allowHeaders AllowHeaders
     * @param allowMethods AllowMethods
     * @param exposeHeaders ExposeHeaders
     * @param maxAge MaxAge seconds, or null
     * @param allowCredentials AllowCredentials
     */
    public record CorsSpec(List<String> allowOrigins, List<String> allowHeaders, List<String> allowMethods,
                           List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {
    }
}
