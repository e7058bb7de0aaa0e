package com.deskbridge.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.nlp.testing.Corpora;
import com.deskbridge.nlp.testing.IntentRecord;
import com.deskbridge.nlp.testing.Throughput;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Prints what the intent model and the language detection cost (load times in a fresh JVM, messages per second on
 * one thread) on the training corpus's texts; measurements, not assertions on time.
 */
class IntentMeasurementTest {
    @Test
    void loadTimesAndThroughputArePrinted() throws Exception {
        String line = LoadTimes.measure(System.getProperty("java.class.path"));
        System.out.println("load times (fresh JVM, C1 as in Lambda): " + line);
        assertThat(line).contains("intent-model-ms=", "lingua-ms=");

        List<IntentRecord> texts = Corpora.readDirectory(Path.of("corpus", "train"), IntentRecord.class);
        IntentClassifier classifier = new IntentClassifier();
        Throughput.measure(texts, 2, r -> classifier.classify(r.subject(), r.body()).intent().ordinal());
        Throughput all = Throughput.measure(texts, 5, r -> classifier.classify(r.subject(), r.body()).intent().ordinal());
        Throughput modelOnly = Throughput.measure(texts, 5, r -> {
            LinearModel.Scorer s = classifier.model().scorer();
            IntentClassifier.Text.of(r.subject(), r.body()).features(s);
            return (int) s.scores()[0];
        });
        Throughput language = Throughput.measure(texts, 5,
                r -> LanguageDetection.detect(r.body()).language().ordinal());
        System.out.printf(Locale.ROOT, "throughput on one thread: %.0f messages/s classified with language "
                        + "(%.1f µs each); model alone %.0f/s (%.1f µs); Lingua alone %.0f/s (%.1f µs)%n",
                all.perSecond(), all.microsPerItem(), modelOnly.perSecond(), modelOnly.microsPerItem(),
                language.perSecond(), language.microsPerItem());
        assertThat(all.items()).isEqualTo(5L * texts.size());
    }
}
