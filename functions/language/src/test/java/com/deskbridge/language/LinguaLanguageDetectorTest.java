package com.deskbridge.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.intent.Language;
import com.deskbridge.intent.LanguageDetector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LinguaLanguageDetectorTest {
    private static final LinguaLanguageDetector LINGUA = LinguaLanguageDetector.get();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            EN | Where is my order? I have not received it yet and the tracking has not moved.
            DE | Ich habe die Bestellung noch nicht bekommen, wo bleibt mein Paket?
            FR | Je n'ai toujours pas reçu ma commande, pouvez-vous vérifier le suivi ?
            IT | Non ho ancora ricevuto il mio ordine, potete controllare la spedizione?
            ES | Todavía no he recibido mi pedido, ¿podéis revisar el envío?
            NL | Ik heb mijn bestelling nog steeds niet ontvangen, kunnen jullie kijken waar het pakket is?
            PL | Nadal nie otrzymałem zamówienia, czy mogą Państwo sprawdzić, gdzie jest paczka?
            SV | Jag har fortfarande inte fått min beställning, kan ni kolla var paketet är?
            """)
    void detectsTheEightMarketplaceLanguages(Language expected, String text) {
        LanguageDetector.Detected d = LINGUA.detect(text);
        assertThat(d.language()).isEqualTo(expected);
        assertThat(d.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void tooLittleTextIsUnknown() {
        assertThat(LINGUA.detect("ok").language()).isEqualTo(Language.UNKNOWN);
        assertThat(LINGUA.detect("302-1234567-1234567 !!!").language()).isEqualTo(Language.UNKNOWN);
        assertThat(LINGUA.detect(null)).isEqualTo(LanguageDetector.Detected.UNKNOWN);
    }

    @Test
    void codesRoundTrip() {
        for (Language l : Language.values()) {
            assertThat(Language.fromCode(l.code())).isEqualTo(l);
        }
        assertThat(Language.fromCode("pt")).isEqualTo(Language.UNKNOWN);
    }
}
