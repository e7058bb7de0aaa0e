package com.deskbridge.localaws.api;

import com.deskbridge.localaws.template.HttpApiSpec;
import java.util.List;
import java.util.Map;

/**
 * An HTTP API's settings as plain values for the API Gateway emulator.
 *
 * @param logicalId logical id
 * @param apiId local API id
 * @param jwtIssuers issuers of its JWT authorizers
 * @param jwtAudiences audiences of its JWT authorizers (union)
 * @param defaultAuthorizer DefaultAuthorizer, or null
 * @param authorizers authorizers by name
 * @param cors CORS configuration, or null when CORS is off
 */
public record HttpApiInfo(String logicalId, String apiId, List<String> jwtIssuers, List<String> jwtAudiences,
                          String defaultAuthorizer, Map<String, HttpApiSpec.AuthorizerSpec> authorizers,
                          HttpApiSpec.CorsSpec cors) {
}
