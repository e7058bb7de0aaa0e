package com.deskbridge.intent;

import com.deskbridge.nlp.testing.LinearTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training step both trainers share: a vocabulary of the feature keys seen in at least
 * {@value #MIN_DOCUMENT_FREQUENCY} training items, the items as sparse vectors over it, Tribuo's training
 * ({@link LinearTrainer}), and the result as a {@link LinearModel} holding only the features with a weight.
 */
public final class SparseTraining {
    /** Features seen in fewer training items are dropped. */
    public static final int MIN_DOCUMENT_FREQUENCY = 2;

    private SparseTraining() {
    }

    /** A model trained on some items, with its vocabulary. */
    public record Fitted(Map<Long, Integer> vocabulary, long[] keys, LinearTrainer.Weights weights) {
        /** The raw scores of a vector of normalised feature values. */
        public double[] scores(Map<Long, Float> vector) {
            int[] f = new int[vector.size()];
            float[] v = new float[vector.size()];
            int n = 0;
            for (Map.Entry<Long, Float> e : vector.entrySet()) {
                Integer id = vocabulary.get(e.getKey());
                if (id != null) {
                    f[n] = id;
                    v[n++] = e.getValue();
                }
            }
            return weights.scores(Arrays.copyOf(f, n), Arrays.copyOf(v, n));
        }

        /** The compact model: only the features some label weighs. */
        public LinearModel model(List<String> labels, float[] blockWeights, double temperature,
                                 Map<String, Double> parameters) {
            int k = labels.size();
            List<Integer> used = new ArrayList<>();
            for (int f = 0; f < keys.length; f++) {
                if (weights.used(f)) {
                    used.add(f);
                }
            }
            long[] usedKeys = new long[used.size()];
            float[] w = new float[used.size() * k];
            for (int r = 0; r < used.size(); r++) {
                int f = used.get(r);
                usedKeys[r] = keys[f];
                System.arraycopy(weights.weights(), f * k, w, r * k, k);
            }
            return new LinearModel(labels, blockWeights, temperature, parameters, usedKeys, w, weights.bias().clone());
        }
    }

    /** Trains on the items {@code items} of {@code vectors} with labels {@code y} (0 … labels-1). */
    public static Fitted fit(List<Map<Long, Float>> vectors, int[] y, List<Integer> items, int labels,
                             LinearTrainer.Options options) {
        Map<Long, Integer> df = new HashMap<>();
        for (int i : items) {
            for (Long key : vectors.get(i).keySet()) {
                df.merge(key, 1, Integer::sum);
            }
        }
        long[] keys = df.entrySet().stream().filter(e -> e.getValue() >= MIN_DOCUMENT_FREQUENCY)
                .mapToLong(Map.Entry::getKey).sorted().toArray();
        Map<Long, Integer> vocabulary = new HashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            vocabulary.put(keys[i], i);
        }
        List<LinearTrainer.Example> examples = new ArrayList<>(items.size());
        for (int i : items) {
            Map<Long, Float> vector = vectors.get(i);
            long[] present = vector.keySet().stream().filter(vocabulary::containsKey).mapToLong(Long::longValue)
                    .sorted().toArray();
            int[] f = new int[present.length];
            float[] v = new float[present.length];
            for (int j = 0; j < present.length; j++) {
                f[j] = vocabulary.get(present[j]);
                v[j] = vector.get(present[j]);
            }
            if (f.length > 0) {
                examples.add(new LinearTrainer.Example(y[i], f, v));
            }
        }
        return new Fitted(vocabulary, keys, LinearTrainer.train(examples, labels, keys.length, options));
    }
}
