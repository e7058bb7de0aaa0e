package com.deskbridge.sim.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.sim.support.SimServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in over raw HTTP: the JSON 1.1 protocol, Amazon's validation and error bodies. */
class TranslateSimulatorTest {

    private TranslateSimulator sim;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        sim = TranslateSimulator.start(0, SimServer.JSON.createObjectNode());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void returnsTheSourceTextMarkedAsStillInItsSourceLanguage() throws Exception {
        HttpResponse<String> r = call(TranslateSimulator.TARGET, "{\"Text\":\"Wo ist mein Paket?\",\"SourceLanguageCode\":\"de\",\"TargetLanguageCode\":\"en\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = SimServer.JSON.readTree(r.body());
        assertThat(body.path("TranslatedText").asText()).isEqualTo("Wo ist mein Paket?");
        assertThat(body.path("SourceLanguageCode").asText()).isEqualTo("de");
        assertThat(body.path("TargetLanguageCode").asText()).isEqualTo("de");
        assertThat(r.headers().firstValue("x-deskbridge-translation")).contains("untranslated");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(sim.callCount()).isEqualTo(1);
    }

    @Test
    void enforcesAmazonsLimitsAndNamesTheErrorShape() throws Exception {
        String big = "a".repeat(10_001);
        HttpResponse<String> tooBig = call(TranslateSimulator.TARGET, "{\"Text\":\"" + big + "\",\"SourceLanguageCode\":\"de\",\"TargetLanguageCode\":\"en\"}");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(SimServer.JSON.readTree(tooBig.body()).path("__type").asText()).endsWith("#TextSizeLimitExceededException");

        HttpResponse<String> pair = call(TranslateSimulator.TARGET, "{\"Text\":\"x\",\"SourceLanguageCode\":\"de\",\"TargetLanguageCode\":\"tlh\"}");
        assertThat(pair.statusCode()).isEqualTo(400);
        JsonNode p = SimServer.JSON.readTree(pair.body());
        assertThat(p.path("__type").asText()).endsWith("#UnsupportedLanguagePairException");
        assertThat(p.path("TargetLanguageCode").asText()).isEqualTo("tlh");
        assertThat(pair.headers().firstValue("x-amzn-ErrorType")).contains("UnsupportedLanguagePairException");

        assertThat(SimServer.JSON.readTree(call(TranslateSimulator.TARGET, "{\"Text\":\"x\"}").body()).path("__type").asText())
                .endsWith("#ValidationException");
        assertThat(SimServer.JSON.readTree(call(TranslateSimulator.TARGET, "not json").body()).path("__type").asText())
                .endsWith("#SerializationException");
        assertThat(SimServer.JSON.readTree(call("AWSShineFrontendService_20170701.TranslateDocument", "{}").body()).path("__type").asText())
                .endsWith("#UnknownOperationException");
    }

    @Test
    void refusesUnsignedRequests() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/"))
                .header("X-Amz-Target", TranslateSimulator.TARGET).header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("MissingAuthenticationTokenException");
    }

    @Test
    void injectedFaultsUseTranslatesExceptionNames() throws Exception {
        sim.injectFault(429, 1);
        sim.injectFault(503, 1);
        String ok = "{\"Text\":\"x\",\"SourceLanguageCode\":\"de\",\"TargetLanguageCode\":\"en\"}";
        assertThat(call(TranslateSimulator.TARGET, ok).body()).contains("TooManyRequestsException");
        HttpResponse<String> unavailable = call(TranslateSimulator.TARGET, ok);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).contains("ServiceUnavailableException");
        assertThat(call(TranslateSimulator.TARGET, ok).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> call(String target, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/"))
                .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Date", "20261120T100000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20261120/eu-west-1/translate/aws4_request, "
                        + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=00")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
