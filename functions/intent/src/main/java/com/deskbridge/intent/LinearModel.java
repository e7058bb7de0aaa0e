package com.deskbridge.intent;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trained linear model over {@link TextFeatures} in a compact format of its own (written at build time by the
 * trainer, read by the functions; no machine-learning library at run time): per label a bias and per feature key
 * a weight, a weight per feature block, a softmax temperature from calibration, and named parameters (e.g. the
 * needs-triage threshold). The score of a label is {@code bias + Σ_block w_block / √n_block · Σ_occurrences
 * weight(key, label)}; probabilities are the softmax of the scores divided by the temperature. Keys are looked up
 * in an open-addressing table built on load. Immutable and thread-safe.
 *
 * <p>Format (big-endian): magic "DBLM", version 1, labels (count, UTF strings), blocks (count, float weights),
 * temperature, parameters (count, UTF name and double), features (count n), n longs (keys), n × labels floats
 * (weights, feature-major), labels floats (bias).
 */
public final class LinearModel {
    private static final int MAGIC = 0x44424C4D; // "DBLM"
    private static final int VERSION = 1;

    private final List<String> labels;
    final float[] blockWeights;
    private final double temperature;
    private final Map<String, Double> parameters;
    final long[] keys;
    final float[] weights;
    final float[] bias;
    private final long[] table;
    private final int[] rows;
    private final int mask;

    /**
     * @param keys    the feature keys, one per row of {@code weights}
     * @param weights {@code weights[row * labels + label]}
     */
    public LinearModel(List<String> labels, float[] blockWeights, double temperature, Map<String, Double> parameters,
                       long[] keys, float[] weights, float[] bias) {
        this.labels = List.copyOf(labels);
        if (blockWeights.length != TextFeatures.Block.values().length) {
            throw new IllegalArgumentException("one weight per feature block expected");
        }
        if (weights.length != keys.length * labels.size() || bias.length != labels.size() || !(temperature > 0)) {
            throw new IllegalArgumentException("inconsistent model: " + keys.length + " features, " + labels.size()
                    + " labels, " + weights.length + " weights, " + bias.length + " biases, temperature " + temperature);
        }
        this.blockWeights = blockWeights.clone();
        this.temperature = temperature;
        this.parameters = Map.copyOf(parameters);
        this.keys = keys.clone();
        this.weights = weights.clone();
        this.bias = bias.clone();
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
        this.table = new long[capacity];
        this.rows = new int[capacity];
        this.mask = capacity - 1;
        for (int r = 0; r < keys.length; r++) {
            if (keys[r] == 0) {
                throw new IllegalArgumentException("key 0 is reserved");
            }
            int slot = (int) keys[r] & mask;
            while (table[slot] != 0) {
                if (table[slot] == keys[r]) {
                    throw new IllegalArgumentException("duplicate key " + keys[r]);
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = keys[r];
            rows[slot] = r;
        }
    }

    public List<String> labels() {
        return labels;
    }

    public double temperature() {
        return temperature;
    }

    /** A named parameter the trainer stored, e.g. a threshold. */
    public double parameter(String name) {
        Double v = parameters.get(name);
        if (v == null) {
            throw new IllegalStateException("model has no parameter " + name);
        }
        return v;
    }

    public Map<String, Double> parameters() {
        return parameters;
    }

    /** How many features carry a weight. */
    public int features() {
        return keys.length;
    }

    /** The same model with another temperature and parameters (calibration after training). */
    public LinearModel calibrated(double newTemperature, Map<String, Double> newParameters) {
        return new LinearModel(labels, blockWeights, newTemperature, newParameters, keys, weights, bias);
    }

    /** The weight of block {@code b}. */
    public float blockWeight(TextFeatures.Block b) {
        return blockWeights[b.ordinal()];
    }

    /** Accumulates one message's feature occurrences; not thread-safe, one per call. */
    public final class Scorer implements TextFeatures.Sink {
        private final double[][] perBlock = new double[TextFeatures.Block.values().length][labels.size()];
        private final int[] counts = new int[TextFeatures.Block.values().length];
        private final int[] known = new int[TextFeatures.Block.values().length];

        @Override
        public void add(TextFeatures.Block block, long key) {
            counts[block.ordinal()]++;
            int slot = (int) key & mask;
            long k;
            while ((k = table[slot]) != 0) {
                if (k == key) {
                    known[block.ordinal()]++;
                    int base = rows[slot] * perBlock[0].length;
                    double[] acc = perBlock[block.ordinal()];
                    for (int l = 0; l < acc.length; l++) {
                        acc[l] += weights[base + l];
                    }
                    return;
                }
                slot = (slot + 1) & mask;
            }
        }

        /** The raw scores (before temperature). */
        /** How many of the reported occurrences of {@code block} the model has a weight for. */
        public int known(TextFeatures.Block block) {
            return known[block.ordinal()];
        }

        /** How many occurrences of {@code block} were reported. */
        public int reported(TextFeatures.Block block) {
            return counts[block.ordinal()];
        }

        public double[] scores() {
            double[] s = new double[labels.size()];
            for (int l = 0; l < s.length; l++) {
                s[l] = bias[l];
            }
            for (int b = 0; b < counts.length; b++) {
                if (counts[b] > 0) {
                    double scale = blockWeights[b] / Math.sqrt(counts[b]);
                    for (int l = 0; l < s.length; l++) {
                        s[l] += scale * perBlock[b][l];
                    }
                }
            }
            return s;
        }

        /** The calibrated probabilities, in label order. */
        public double[] probabilities() {
            return softmax(scores(), temperature);
        }
    }

    /**
     * The raw scores of feature values that are already scaled per block (as the trainer holds them): bias plus
     * the weighted sum. Keys the model does not know weigh nothing.
     */
    public double[] scoreValues(Map<Long, Float> values) {
        int k = labels.size();
        double[] s = new double[k];
        for (int l = 0; l < k; l++) {
            s[l] = bias[l];
        }
        values.forEach((key, value) -> {
            int slot = (int) (long) key & mask;
            long found;
            while ((found = table[slot]) != 0) {
                if (found == key) {
                    int base = rows[slot] * k;
                    for (int l = 0; l < k; l++) {
                        s[l] += weights[base + l] * value;
                    }
                    return;
                }
                slot = (slot + 1) & mask;
            }
        });
        return s;
    }

    /** A fresh scorer for one message. */
    public Scorer scorer() {
        return new Scorer();
    }

    /** The softmax of {@code scores / temperature}. */
    public static double[] softmax(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s / temperature);
        }
        double sum = 0;
        double[] p = new double[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(scores[i] / temperature - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Writes the compact format. */
    public void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(labels.size());
        for (String l : labels) {
            d.writeUTF(l);
        }
        d.writeInt(blockWeights.length);
        for (float w : blockWeights) {
            d.writeFloat(w);
        }
        d.writeDouble(temperature);
        d.writeInt(parameters.size());
        for (Map.Entry<String, Double> e : new java.util.TreeMap<>(parameters).entrySet()) {
            d.writeUTF(e.getKey());
            d.writeDouble(e.getValue());
        }
        d.writeInt(keys.length);
        ByteBuffer buf = ByteBuffer.allocate(keys.length * 8 + weights.length * 4 + bias.length * 4);
        buf.asLongBuffer().put(keys);
        buf.position(keys.length * 8);
        buf.asFloatBuffer().put(weights);
        buf.position(keys.length * 8 + weights.length * 4);
        buf.asFloatBuffer().put(bias);
        d.write(buf.array());
        d.flush();
    }

    /** Reads the compact format. */
    public static LinearModel read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != MAGIC || d.readInt() != VERSION) {
            throw new IOException("not a Deskbridge linear model (version " + VERSION + ")");
        }
        List<String> labels = new ArrayList<>();
        for (int i = d.readInt(); i > 0; i--) {
            labels.add(d.readUTF());
        }
        float[] blocks = new float[d.readInt()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = d.readFloat();
        }
        double temperature = d.readDouble();
        Map<String, Double> parameters = new LinkedHashMap<>();
        for (int i = d.readInt(); i > 0; i--) {
            parameters.put(d.readUTF(), d.readDouble());
        }
        int n = d.readInt();
        byte[] bytes = new byte[n * 8 + n * labels.size() * 4 + labels.size() * 4];
        d.readFully(bytes);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        long[] keys = new long[n];
        buf.asLongBuffer().get(keys);
        buf.position(n * 8);
        float[] weights = new float[n * labels.size()];
        buf.asFloatBuffer().get(weights);
        buf.position(n * 8 + weights.length * 4);
        float[] bias = new float[labels.size()];
        buf.asFloatBuffer().get(bias);
        return new LinearModel(labels, blocks, temperature, parameters, keys, weights, bias);
    }

    /** Reads a model from the classpath; a missing resource is a build error, reported as such. */
    public static LinearModel resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            Objects.requireNonNull(in, () -> name + " is not on the classpath: the build trains it (mvn package), "
                    + "see README 'Language models'");
            return read(new java.io.BufferedInputStream(in, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + name, e);
        }
    }

    /** The serialised bytes (for tests). */
    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
