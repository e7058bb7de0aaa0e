package com.deskbridge.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelStack} scores several models in one pass exactly as each model's own {@link LinearModel.Scorer}
 * does (bit for bit: the compliance checker's decisions must not move), also when the models weigh different
 * features; and a recording scorer's {@link ModelStack.Scorer#part} of a sentence's tokens equals extracting the
 * sentence alone.
 */
class ModelStackTest {
    private static final String TEXT = "Hello! We didn't ship it yet, sorry.\nPlease leave us a 5-star review if you"
            + " liked it. Nicht erhalten? Écrivez-nous: réponse rapide… Thanks";

    /** A model over the features of {@code texts}, with random weights, keeping each key with probability keep. */
    private static LinearModel model(Random random, List<String> texts, int labels, double keep) {
        Set<Long> keys = new HashSet<>();
        for (String t : texts) {
            TextFeatures.extractBody(TextNormalizer.tokens(t), (block, key) -> {
                if (random.nextDouble() < keep) {
                    keys.add(key);
                }
            });
        }
        long[] k = keys.stream().mapToLong(Long::longValue).sorted().toArray();
        float[] w = new float[k.length * labels];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
        float[] bias = new float[labels];
        for (int i = 0; i < labels; i++) {
            bias[i] = (float) random.nextGaussian();
        }
        float[] blocks = {1.0f, 0.6f, 0.4f, 0.3f, 0.3f, 1.0f};
        List<String> names = new ArrayList<>();
        for (int i = 0; i < labels; i++) {
            names.add("L" + i);
        }
        return new LinearModel(names, blocks, 0.5 + random.nextDouble(), Map.of(), k, w, bias);
    }

    @Test
    void scoresEveryModelExactlyAsItsOwnScorer() {
        Random random = new Random(7);
        List<String> texts = List.of(TEXT, "Kijk op onze website voor 20% korting", "Tack för din beställning");
        List<LinearModel> models = List.of(model(random, texts, 2, 0.9), model(random, texts, 3, 0.5),
                model(random, texts, 2, 1.0));
        ModelStack stack = new ModelStack(models);
        for (String t : texts) {
            ModelStack.Scorer together = stack.scorer();
            TextFeatures.extractBody(TextNormalizer.tokens(t), together);
            for (int m = 0; m < models.size(); m++) {
                LinearModel.Scorer alone = models.get(m).scorer();
                TextFeatures.extractBody(TextNormalizer.tokens(t), alone);
                assertThat(together.probabilities(m)).as("model %d on %s", m, t).isEqualTo(alone.probabilities());
            }
        }
    }

    @Test
    void aPartOfARecordingScorerEqualsTheSentenceExtractedAlone() {
        Random random = new Random(11);
        List<LinearModel> models = List.of(model(random, List.of(TEXT), 2, 0.7), model(random, List.of(TEXT), 2, 0.7));
        ModelStack stack = new ModelStack(models);
        TextNormalizer.Tokenized tokenized = TextNormalizer.tokenize(TEXT);
        assertThat(tokenized.tokens()).isEqualTo(TextNormalizer.tokens(TEXT));
        ModelStack.Scorer whole = stack.recordingScorer();
        TextFeatures.extractBody(tokenized.tokens(), whole);
        // sentences end at clause punctuation or line breaks: [start, end) of each, and its tokens
        int[][] sentences = {{0, 6}, {7, 36}, {37, 85}, {86, 101}, {102, 131}, {132, TEXT.length()}};
        for (int[] s : sentences) {
            int from = 0;
            while (from < tokenized.starts().length && tokenized.starts()[from] < s[0]) {
                from++;
            }
            int to = from;
            while (to < tokenized.starts().length && tokenized.starts()[to] < s[1]) {
                to++;
            }
            ModelStack.Scorer alone = stack.scorer();
            TextFeatures.extractBody(TextNormalizer.tokens(TEXT.substring(s[0], s[1])), alone);
            ModelStack.Scorer part = whole.part(from, to);
            for (int m = 0; m < models.size(); m++) {
                assertThat(part.probabilities(m)).as("model %d on \"%s\"", m, TEXT.substring(s[0], s[1]))
                        .isEqualTo(alone.probabilities(m));
            }
        }
    }
}
