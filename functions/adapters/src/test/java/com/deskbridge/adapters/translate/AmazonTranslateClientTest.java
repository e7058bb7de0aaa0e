package com.deskbridge.adapters.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.sim.support.SimServer;
import com.deskbridge.sim.translate.TranslateSimulator;
import com.deskbridge.translation.Translation;
import com.deskbridge.translation.TranslationUnavailableException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The functions' Amazon Translate adapter (AWS JSON 1.1, SigV4-signed by the SDK's signer) over HTTP against the
 * wire-level stand-in, which checks the request's protocol headers and SigV4 form: its untranslated answer is reported
 * as such (with the stand-in mark), Translate's errors become the port's answers, throttling is retried.
 */
class AmazonTranslateClientTest {
    private TranslateSimulator sim;
    private AmazonTranslateClient translator;

    @BeforeEach
    void start() {
        sim = TranslateSimulator.start(0, SimServer.JSON.createObjectNode());
        translator = new AmazonTranslateClient(UrlConnectionHttpClient.builder().build(), URI.create(sim.baseUrl()),
                "eu-west-1", StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theStandInsAnswerIsUntranslatedAndMarkedAsTheStandIns() {
        Translation t = translator.translate("Wo ist mein Paket?", "de", "en");
        assertThat(t.translated()).isFalse();
        assertThat(t.fromStandIn()).isTrue();
        assertThat(t.text()).isEqualTo("Wo ist mein Paket?");
        assertThat(t.sourceLanguage()).isEqualTo("de");
        assertThat(t.billedCharacters()).isEqualTo(18);
        assertThat(sim.callCount()).isEqualTo(1);
    }

    @Test
    void anUnsupportedPairIsAnUntranslatedAnswer() {
        Translation t = translator.translate("Hello", "en", "tlh");
        assertThat(t.translated()).isFalse();
        assertThat(t.fromStandIn()).isFalse();
        assertThat(t.note()).isEqualTo("Amazon Translate does not translate en into tlh");
    }

    @Test
    void throttlingIsRetriedAndAPersistentOutageIsUnavailable() {
        sim.injectFault(429, 1);
        assertThat(translator.translate("Hallo", "de", "en").text()).isEqualTo("Hallo");
        assertThat(sim.callCount()).isEqualTo(2);

        sim.injectFault(503, 10);
        assertThatThrownBy(() -> translator.translate("Hallo", "de", "en"))
                .isInstanceOf(TranslationUnavailableException.class)
                .hasMessageContaining("ServiceUnavailableException");
        assertThat(sim.callCount()).isEqualTo(5);
    }

    @Test
    void aTextOverTheLimitIsTheCallersMistake() {
        assertThatThrownBy(() -> translator.translate("a".repeat(10_001), "de", "en"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10,000-byte");
    }
}
