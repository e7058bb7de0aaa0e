package com.deskbridge.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.nlp.testing.Corpora;
import com.deskbridge.nlp.testing.IntentRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class ThreadSafetyTest {

    @Test
    void parallelClassificationAndTaggingGiveTheSameResultsAsSequential() throws Exception {
        List<IntentRecord> corpus = Corpora.read(Objects.requireNonNull(
                getClass().getResourceAsStream("/intent-corpus.jsonl")), "intent-corpus.jsonl", IntentRecord.class);
        IntentClassifier classifier = new IntentClassifier(LanguageDetector.NONE);
        Tagger tagger = new Tagger(List.of(SellerTagRule.of("vip", RuleKind.REGEX, "\\border\\b", "mentions-order")));
        LocalDate day = LocalDate.of(2025, 11, 28);
        List<String> expected = new ArrayList<>();
        for (IntentRecord e : corpus) {
            expected.add(describe(classifier, tagger, e, day));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>();
                    for (int pass = 0; pass < 5; pass++) {
                        out.clear();
                        for (IntentRecord e : corpus) {
                            out.add(describe(classifier, tagger, e, day));
                        }
                    }
                    return out;
                }));
            }
            for (Future<List<String>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String describe(IntentClassifier c, Tagger tagger, IntentRecord e, LocalDate day) {
        IntentResult r = c.classify(e.subject(), e.body());
        return e.id() + " " + r + " " + tagger.tag(r, e.subject(), e.body(), day);
    }
}
