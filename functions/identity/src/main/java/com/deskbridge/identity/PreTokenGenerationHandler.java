package com.deskbridge.identity;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.crac.Core;
import org.crac.Resource;

/**
 * Cognito's pre-token-generation trigger, event version 2 (template.yaml: PreTokenGenerationFunction): copies the
 * user's {@code custom:seller_id} attribute into the access token as {@value #SELLER_CLAIM}.
 *
 * <p>API Gateway's JWT authorizer validates access tokens, and Cognito writes custom attributes into ID tokens only;
 * a version-2 trigger may add claims to the access token (user pools on the Essentials or Plus plan):
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html. Roles need no
 * help: Cognito puts the user's groups into both tokens as {@code cognito:groups}.
 *
 * <p>A user without the attribute (an operator, who belongs to no seller) gets no seller claim. A malformed value
 * fails the sign-in with a message saying so, rather than minting a token every API call would refuse.
 */
public final class PreTokenGenerationHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Resource {
    /** The access-token claim the API reads the seller from. */
    public static final String SELLER_CLAIM = "seller_id";
    /** The user pool attribute administrators set (template.yaml: UserPool Schema). */
    public static final String SELLER_ATTRIBUTE = "custom:seller_id";
    /** The API's seller id: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit. */
    private static final Pattern SELLER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Used by the Lambda runtime; registers the SnapStart priming. */
    public PreTokenGenerationHandler() {
        Core.getGlobalContext().register(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> request = event.get("request") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of();
        Map<String, Object> attributes = request.get("userAttributes") instanceof Map<?, ?> a
                ? (Map<String, Object>) a : Map.of();
        Object seller = attributes.get(SELLER_ATTRIBUTE);
        Map<String, Object> claims = new LinkedHashMap<>();
        if (seller != null) {
            if (!(seller instanceof String s) || !SELLER_ID.matcher(s).matches()) {
                throw new IllegalStateException("this user's " + SELLER_ATTRIBUTE + " is not a seller id (1-64 letters,"
                        + " digits, '.', '_' or '-'); an administrator must correct it before the user can sign in");
            }
            claims.put(SELLER_CLAIM, s);
        }
        Map<String, Object> accessToken = new LinkedHashMap<>();
        accessToken.put("claimsToAddOrOverride", claims);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("accessTokenGeneration", accessToken);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("claimsAndScopeOverrideDetails", details);
        Map<String, Object> answer = new LinkedHashMap<>(event);
        answer.put("response", response);
        return answer;
    }

    /** SnapStart priming: one sign-in's worth of work, so that the first real sign-in finds its classes loaded. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        // LinkedHashMaps, as the Lambda runtime hands over the event it deserialised
        handleRequest(new java.util.LinkedHashMap<>(Map.of("version", "2", "triggerSource", "TokenGeneration_HostedAuth",
                "request", new java.util.LinkedHashMap<>(Map.of("userAttributes",
                        new java.util.LinkedHashMap<>(Map.of("sub", "snapstart-priming", SELLER_ATTRIBUTE, "priming")),
                        "groupConfiguration", Map.of("groupsToOverride", List.of("agent")),
                        "scopes", List.of("openid"))),
                "response", new java.util.LinkedHashMap<>())), null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing captured at init that a restore would make stale
    }
}
