package com.deskbridge.intent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several {@link LinearModel}s that read the same {@link TextFeatures}, scored in one pass: one key table for the
 * union of their features (the compliance checker's three rule models share theirs), each occurrence looked up
 * once and added to every model's sums. A model without a feature adds 0 for it, so every model's scores and
 * probabilities are exactly what its own {@link LinearModel.Scorer} computes (same sums in the same order).
 * Immutable and thread-safe; a {@link Scorer} is one text's and not thread-safe.
 */
public final class ModelStack {
    private static final int BLOCKS = TextFeatures.Block.values().length;

    private final List<LinearModel> models;
    /** Each model's first column in a row of {@link #weights}. */
    private final int[] offset;
    private final int width;
    private final long[] table;
    private final int[] rows;
    private final int mask;
    private final float[] weights;

    public ModelStack(List<LinearModel> models) {
        this.models = List.copyOf(models);
        this.offset = new int[models.size()];
        int w = 0;
        for (int m = 0; m < models.size(); m++) {
            offset[m] = w;
            w += models.get(m).labels().size();
        }
        this.width = w;
        long[] shared = models.get(0).keys;
        boolean same = models.stream().allMatch(m -> java.util.Arrays.equals(m.keys, shared));
        long[] keys;
        if (same) { // the usual case (models trained on the same vocabulary): rows as in every model
            keys = shared;
            this.weights = new float[keys.length * width];
            for (int m = 0; m < models.size(); m++) {
                LinearModel model = models.get(m);
                int k = model.labels().size();
                for (int r = 0; r < keys.length; r++) {
                    System.arraycopy(model.weights, r * k, weights, r * width + offset[m], k);
                }
            }
        } else {
            Map<Long, Integer> rowOf = new LinkedHashMap<>();
            for (LinearModel model : models) {
                for (long key : model.keys) {
                    rowOf.putIfAbsent(key, rowOf.size());
                }
            }
            keys = new long[rowOf.size()];
            rowOf.forEach((key, row) -> keys[row] = key);
            this.weights = new float[keys.length * width];
            for (int m = 0; m < models.size(); m++) {
                LinearModel model = models.get(m);
                int k = model.labels().size();
                for (int r = 0; r < model.keys.length; r++) {
                    System.arraycopy(model.weights, r * k, weights, rowOf.get(model.keys[r]) * width + offset[m], k);
                }
            }
        }
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
        this.table = new long[capacity];
        this.rows = new int[capacity];
        this.mask = capacity - 1;
        for (int row = 0; row < keys.length; row++) {
            int slot = (int) keys[row] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = keys[row];
            rows[slot] = row;
        }
    }

    /** The row of a feature key, or -1 when no model has it. */
    private int row(long key) {
        int slot = (int) key & mask;
        long k;
        while ((k = table[slot]) != 0) {
            if (k == key) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The models, in the order their probabilities are asked for. */
    public List<LinearModel> models() {
        return models;
    }

    /** A fresh scorer for one text. */
    public Scorer scorer() {
        return new Scorer(false);
    }

    /**
     * A fresh scorer for one text that also remembers each occurrence with its body token, so that
     * {@link Scorer#part} can score a run of the text's tokens without extracting their features again.
     */
    public Scorer recordingScorer() {
        return new Scorer(true);
    }

    /** Accumulates one text's feature occurrences for every model at once. */
    public final class Scorer implements TextFeatures.Sink {
        private final double[] perBlock = new double[BLOCKS * width];
        private final int[] counts = new int[BLOCKS];
        private final boolean recording;
        private int token = Integer.MAX_VALUE;
        private int size;
        /** When recording: per occurrence its body token, block and row (-1: no model has the feature). */
        private int[] tokens;
        private int[] blocks;
        private int[] found;

        private Scorer(boolean recording) {
            this.recording = recording;
            if (recording) {
                tokens = new int[256];
                blocks = new int[256];
                found = new int[256];
            }
        }

        @Override
        public void token(int index) {
            token = index;
        }

        /** Occurrences added from now on belong to no body token (e.g. cues of the whole text). */
        public void endOfTokens() {
            token = Integer.MAX_VALUE;
        }

        @Override
        public void add(TextFeatures.Block block, long key) {
            int b = block.ordinal();
            int row = row(key);
            if (recording) {
                if (size == tokens.length) {
                    tokens = java.util.Arrays.copyOf(tokens, size * 2);
                    blocks = java.util.Arrays.copyOf(blocks, size * 2);
                    found = java.util.Arrays.copyOf(found, size * 2);
                }
                tokens[size] = token;
                blocks[size] = b;
                found[size++] = row;
            }
            add(b, row);
        }

        private void add(int b, int row) {
            counts[b]++;
            if (row >= 0) {
                int base = row * width;
                int acc = b * width;
                for (int l = 0; l < width; l++) {
                    perBlock[acc + l] += weights[base + l];
                }
            }
        }

        /**
         * A new scorer holding the recorded occurrences of body tokens {@code from} (inclusive) to {@code to}
         * (exclusive), in their order: what extracting the features of those tokens alone would add, when they
         * start and end at clause boundaries. More occurrences (e.g. cues) can be added to it.
         */
        public Scorer part(int from, int to) {
            if (!recording) {
                throw new IllegalStateException("not a recording scorer");
            }
            Scorer p = new Scorer(false);
            for (int i = 0; i < size; i++) {
                if (tokens[i] >= from && tokens[i] < to) {
                    p.add(blocks[i], found[i]);
                }
            }
            return p;
        }

        /** Model {@code m}'s calibrated probabilities, in its label order (as {@link LinearModel.Scorer}). */
        public double[] probabilities(int m) {
            LinearModel model = models.get(m);
            double[] s = new double[model.labels().size()];
            for (int l = 0; l < s.length; l++) {
                s[l] = model.bias[l];
            }
            for (int b = 0; b < BLOCKS; b++) {
                if (counts[b] > 0) {
                    double scale = model.blockWeights[b] / Math.sqrt(counts[b]);
                    for (int l = 0; l < s.length; l++) {
                        s[l] += scale * perBlock[b * width + offset[m] + l];
                    }
                }
            }
            return LinearModel.softmax(s, model.temperature());
        }
    }
}
