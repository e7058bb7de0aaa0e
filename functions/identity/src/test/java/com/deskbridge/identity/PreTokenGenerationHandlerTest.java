package com.deskbridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trigger with a version-2 event as Cognito sends it (the documented shape, as JSON the runtime turns into a Map). */
class PreTokenGenerationHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PreTokenGenerationHandler handler = new PreTokenGenerationHandler();

    @Test
    void putsTheUsersSellerIntoTheAccessTokenAndEchoesTheEvent() throws IOException {
        Map<String, Object> event = event();
        Map<String, Object> answer = JSON.readValue(JSON.writeValueAsString(handler.handleRequest(event, null)),
                new TypeReference<>() { });
        assertThat(answer).containsEntry("userPoolId", "eu-west-1_EXAMPLE").containsEntry("triggerSource",
                "TokenGeneration_HostedAuth").containsKey("request");
        assertThat(answer).extractingByKey("response").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .isEqualTo(Map.of("claimsAndScopeOverrideDetails",
                        Map.of("accessTokenGeneration", Map.of("claimsToAddOrOverride", Map.of("seller_id", "acme-gmbh")))));
    }

    @Test
    void aUserOfNoSellerGetsNoSellerClaim() throws IOException {
        Map<String, Object> event = event();
        userAttributes(event).remove("custom:seller_id");
        assertThat(handler.handleRequest(event, null).get("response")).isEqualTo(Map.of("claimsAndScopeOverrideDetails",
                Map.of("accessTokenGeneration", Map.of("claimsToAddOrOverride", Map.of()))));
    }

    @Test
    void aMalformedSellerFailsTheSignInWithTheReason() throws IOException {
        Map<String, Object> event = event();
        userAttributes(event).put("custom:seller_id", "acme gmbh/../other");
        assertThatThrownBy(() -> handler.handleRequest(event, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("custom:seller_id is not a seller id").hasMessageContaining("administrator");
    }

    @Test
    void primingRunsTheSignInPathWithoutFailing() {
        handler.beforeCheckpoint(null);
    }

    private static Map<String, Object> event() throws IOException {
        try (InputStream in = PreTokenGenerationHandlerTest.class.getResourceAsStream("/pre-token-generation-v2.json")) {
            return JSON.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() { });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> userAttributes(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("request")).get("userAttributes");
    }
}
