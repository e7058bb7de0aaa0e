package com.deskbridge.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.ticket.InvalidInputException;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextProcessingTest {

    @Test
    void normalisesCaseAccentsApostrophesAndNumbers() {
        assertThat(TextNormalizer.tokens("Je n'ai PAS reçu l’article 302-1234567-7654321, Straße!"))
                .containsExactly("je", "n", "ai", "pas", "recu", "l", "article", "#", "#", "#", "|", "strasse", "|");
        assertThat(TextNormalizer.tokens("Œuvre, ¿Dónde?")).containsExactly("oeuvre", "|", "donde", "|");
    }

    @Test
    void stripsQuotedRepliesHeadersAndSignatures() {
        assertThat(QuotedTextStripper.strip("Hello\n> old text\nbye")).isEqualTo("Hello\nbye\n");
        assertThat(QuotedTextStripper.strip("Neu\n\nAm 5. Nov. 2025 um 10:00 schrieb Shop <a@b.de>:\nalt"))
                .isEqualTo("Neu\n\n");
        assertThat(QuotedTextStripper.strip("New\nOn Tue, 4 Nov 2025, Shop <a@b.c>\nwrote:\nold")).isEqualTo("New\n");
        assertThat(QuotedTextStripper.strip("Nuevo\n-----Original Message-----\nviejo")).isEqualTo("Nuevo\n");
        assertThat(QuotedTextStripper.strip("Text\nDe : Shop\nObjet : Commande\nancien")).isEqualTo("Text\n");
        assertThat(QuotedTextStripper.strip("Text\n-- \nAnna Rossi\nsignature")).isEqualTo("Text\n");
        assertThat(QuotedTextStripper.strip("Text\nSent from my iPhone")).isEqualTo("Text\n");
        assertThat(QuotedTextStripper.strip("On Monday it arrived broken.")).isEqualTo("On Monday it arrived broken.\n");
    }

    @Test
    void detectsLanguagesFromStopWordsAndAdmitsUncertainty() {
        assertThat(LanguageDetector.detect("Where is my order? I have not received it.")).isEqualTo(Language.EN);
        assertThat(LanguageDetector.detect("Ich habe die Bestellung noch nicht bekommen.")).isEqualTo(Language.DE);
        assertThat(LanguageDetector.detect("Je n'ai pas reçu ma commande.")).isEqualTo(Language.FR);
        assertThat(LanguageDetector.detect("Non ho ancora ricevuto il mio ordine.")).isEqualTo(Language.IT);
        assertThat(LanguageDetector.detect("Todavía no he recibido mi pedido.")).isEqualTo(Language.ES);
        assertThat(LanguageDetector.detect("ok")).isEqualTo(Language.UNKNOWN);
    }

    @Test
    void readsJsonLinesWithEscapesAndRejectsBadLines() {
        String jsonl = "{\"id\":\"x-1\",\"lang\":\"fr\",\"intent\":\"RETURN\",\"subject\":\"Re\\u00e7u\","
                + "\"body\":\"a \\\"b\\\"\\nc\",\"split\":\"holdout\",\"extra\":null}\n\n"
                + "{\"id\":\"x-2\",\"lang\":\"en\",\"intent\":\"OTHER\",\"body\":\"ok\"}\n";
        List<CorpusEntry> entries = JsonLinesCorpus.read(new StringReader(jsonl));
        assertThat(entries).hasSize(2);
        CorpusEntry e = entries.get(0);
        assertThat(e.subject()).isEqualTo("Reçu");
        assertThat(e.body()).isEqualTo("a \"b\"\nc");
        assertThat(e.language()).isEqualTo(Language.FR);
        assertThat(e.holdout()).isTrue();
        assertThat(entries.get(1).subject()).isEmpty();
        assertThat(entries.get(1).holdout()).isFalse();
        assertThatThrownBy(() -> JsonLinesCorpus.read(new StringReader("{\"id\":\"a\",\"intent\":\"NOPE\"}")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> JsonLinesCorpus.read(new StringReader("{\"id\":\"a\"\n")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> JsonLinesCorpus.read(new StringReader("{\"id\":\"a\",\"intent\":\"OTHER\",\"x\":[1]}")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void evaluationComputesPrecisionRecallAndConfusion() {
        List<CorpusEntry> entries = List.of(
                new CorpusEntry("1", Language.EN, Intent.REFUND_REQUEST, "", "refund please", null, null),
                new CorpusEntry("2", Language.EN, Intent.REFUND_REQUEST, "", "ok", null, null),
                new CorpusEntry("3", Language.EN, Intent.OTHER, "", "give me a refund", null, null));
        EvaluationReport r = new IntentEvaluation(new IntentClassifier()).evaluate("t", entries);
        IntentMetrics refund = r.metrics(Intent.REFUND_REQUEST);
        assertThat(refund.precision()).isEqualTo(0.5);
        assertThat(refund.recall()).isEqualTo(0.5);
        assertThat(refund.f1()).isEqualTo(0.5);
        assertThat(refund.support()).isEqualTo(2);
        assertThat(r.accuracy()).isEqualTo(1.0 / 3);
        assertThat(r.confusion()[Intent.REFUND_REQUEST.ordinal()][Intent.OTHER.ordinal()]).isEqualTo(1);
        assertThat(r.macroF1()).isEqualTo(0.25);
        assertThat(r.errors()).containsExactly("2: REFUND_REQUEST → OTHER", "3: OTHER → REFUND_REQUEST");
        assertThat(r.format()).contains("REFUND_REQUEST", "macro-F1 0.250");
    }
}
