package com.deskbridge.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.intent.IntentClassifier;
import com.deskbridge.intent.LanguageDetector;
import com.deskbridge.intent.TextNormalizer;
import com.deskbridge.nlp.testing.Corpora;
import com.deskbridge.nlp.testing.IntentRecord;
import com.deskbridge.nlp.testing.Throughput;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the intent model and the language detection cost on one thread, on the intent training corpus's messages,
 * as messages per second and as ratios against a baseline measured in the same run (tokenising the same texts),
 * and their load times in a fresh JVM. Prints; asserts nothing about time. Run with
 * {@code mvn -B -pl functions/language -am verify -Dgroups=benchmark -DexcludedGroups=none -Dtest=LanguageModelsBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class LanguageModelsBenchmarkTest {
    private static final int PASSES = 5;

    @Test
    void printsMessagesPerSecondAndLoadTimes() throws Exception {
        String line = LoadTimes.measure(System.getProperty("java.class.path"));
        System.out.println("[benchmark] load times (fresh JVM, C1 as in Lambda): " + line);
        assertThat(line).contains("intent-model-ms=", "lingua-ms=");

        List<IntentRecord> texts = Corpora.readDirectory(Path.of("..", "intent", "corpus", "train"), IntentRecord.class);
        IntentClassifier modelOnly = new IntentClassifier(LanguageDetector.NONE);
        IntentClassifier withLanguage = new IntentClassifier(LinguaLanguageDetector.get());
        LinguaLanguageDetector lingua = LinguaLanguageDetector.get();
        for (int warm = 0; warm < 2; warm++) {
            Throughput.measure(texts, 1, r -> withLanguage.classify(r.subject(), r.body()).intent().ordinal());
            Throughput.measure(texts, 1, r -> TextNormalizer.tokens(r.body()).size());
        }
        Throughput baseline = Throughput.measure(texts, PASSES, r -> TextNormalizer.tokens(r.subject()).size()
                + TextNormalizer.tokens(r.body()).size());
        Throughput model = Throughput.measure(texts, PASSES,
                r -> modelOnly.classify(r.subject(), r.body()).intent().ordinal());
        Throughput language = Throughput.measure(texts, PASSES, r -> lingua.detect(r.body()).language().ordinal());
        Throughput both = Throughput.measure(texts, PASSES,
                r -> withLanguage.classify(r.subject(), r.body()).intent().ordinal());
        System.out.printf(Locale.ROOT, "[benchmark] one thread, %d training messages x %d; baseline (tokenising "
                + "subject and body) %.0f/s%n", texts.size(), PASSES, baseline.perSecond());
        print("intent model (quote stripping, features, scoring)", model, baseline);
        print("language detection (Lingua, 8 languages)", language, baseline);
        print("intent model + language detection (as intake runs it)", both, baseline);
        assertThat(both.items()).isEqualTo((long) PASSES * texts.size());
    }

    private static void print(String what, Throughput t, Throughput baseline) {
        System.out.printf(Locale.ROOT, "[benchmark]   %-55s %7.0f messages/s (%6.1f µs each; target >= 5,000/s: "
                        + "%s), %5.1fx the baseline's time%n", what, t.perSecond(), t.microsPerItem(),
                t.perSecond() >= 5_000 ? "met" : "NOT met", t.microsPerItem() / baseline.microsPerItem());
    }
}
