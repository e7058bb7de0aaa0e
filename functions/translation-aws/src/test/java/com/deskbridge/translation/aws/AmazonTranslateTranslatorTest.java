package com.deskbridge.translation.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.sim.support.SimServer;
import com.deskbridge.sim.translate.TranslateSimulator;
import com.deskbridge.translation.Translation;
import com.deskbridge.translation.TranslationService;
import com.deskbridge.translation.TranslationUnavailableException;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.translate.TranslateClient;

/**
 * The adapter with the real AWS SDK client against the wire-level stand-in: SigV4-signed JSON 1.1 requests, Translate's
 * error shapes mapped to the port's answers, the SDK's retries of throttling.
 */
class AmazonTranslateTranslatorTest {

    private TranslateSimulator sim;
    private TranslateClient client;
    private AmazonTranslateTranslator translator;

    @BeforeEach
    void start() {
        sim = TranslateSimulator.start(0, SimServer.JSON.createObjectNode());
        client = AmazonTranslateTranslator.client(Region.EU_WEST_1, Optional.of(URI.create(sim.baseUrl())));
        translator = new AmazonTranslateTranslator(client);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    @Test
    void theStandInsAnswerIsReportedAsUntranslatedWithTheReason() {
        Translation t = translator.translate("Wo ist mein Paket?", "de", "en");
        assertThat(t.translated()).isFalse();
        assertThat(t.text()).isEqualTo("Wo ist mein Paket?");
        assertThat(t.note()).contains("stand-in cannot translate");
        assertThat(t.sourceLanguage()).isEqualTo("de");
        assertThat(t.targetLanguage()).isEqualTo("en");
        assertThat(t.billedCharacters()).isEqualTo(18);
        assertThat(sim.callCount()).isEqualTo(1);
    }

    @Test
    void throughTheServiceTheAgentSeesTheOriginalAndWhy() {
        Translation t = new TranslationService(translator, s -> s.equals("seller-1")).translate("seller-1",
                "Bonjour, où est mon colis ?", "fr", "de");
        assertThat(t.translated()).isFalse();
        assertThat(t.text()).isEqualTo("Bonjour, où est mon colis ?");
        assertThat(t.note()).contains("stand-in");
    }

    @Test
    void anUnsupportedLanguagePairIsAnUntranslatedAnswerNotAnError() {
        Translation t = translator.translate("Hello", "en", "tlh");
        assertThat(t.translated()).isFalse();
        assertThat(t.note()).isEqualTo("Amazon Translate does not translate en into tlh");
        assertThat(t.billedCharacters()).isZero();
    }

    @Test
    void throttlingIsRetriedByTheSdkAndPersistentOutagesAreUnavailable() {
        sim.injectFault(429, 1);
        assertThat(translator.translate("Hallo", "de", "en").text()).isEqualTo("Hallo");
        assertThat(sim.callCount()).isEqualTo(2);

        sim.injectFault(503, 10);
        assertThatThrownBy(() -> translator.translate("Hallo", "de", "en"))
                .isInstanceOf(TranslationUnavailableException.class)
                .hasMessageContaining("ServiceUnavailableException")
                .hasMessageNotContaining("Hallo");
    }

    @Test
    void textOverTheLimitIsAProgrammingErrorTheServicePrevents() {
        String big = "Das Paket ist nicht angekommen. ".repeat(400);
        assertThatThrownBy(() -> translator.translate(big, "de", "en")).isInstanceOf(IllegalArgumentException.class);
        int before = sim.callCount();
        Translation viaService = new TranslationService(translator, s -> true).translate("s", big, "de", "en");
        assertThat(viaService.text()).isEqualTo(big);
        assertThat(sim.callCount() - before).isEqualTo(2);
    }
}
