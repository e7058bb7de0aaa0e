package com.deskbridge.nlp.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What turns held-out model scores into calibrated confidences and a needs-triage threshold: stratified folds for
 * cross-validation, temperature scaling (one parameter fitted by minimising the negative log-likelihood of the
 * held-out labels; Guo et al., "On Calibration of Modern Neural Networks", 2017), and the threshold choice.
 */
public final class Calibration {
    private Calibration() {
    }

    /** A writer's id prefix: "r12" in "r12-it-0001". */
    private static final java.util.regex.Pattern WRITER = java.util.regex.Pattern.compile("^(r\\d+)-");

    /** The writer of a record id ("r12" for "r12-it-0001"), or empty for records without one (the older corpora). */
    public static java.util.Optional<String> writer(String id) {
        java.util.regex.Matcher m = WRITER.matcher(id);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    /**
     * Folds by writer: a fold number 0 … k-1 per record id, every writer's records ({@link #writer}) in one fold, so
     * a fold measures a model on writers it was not trained on, as a frozen split written by others and real mail
     * do. Writers are dealt, largest first, to the fold with the fewest records. Records without a writer are in no
     * fold (-1): trained on in every fold, never held out.
     */
    public static int[] writerFolds(List<String> ids, int k) {
        java.util.Map<String, Integer> sizes = new java.util.TreeMap<>();
        for (String id : ids) {
            writer(id).ifPresent(w -> sizes.merge(w, 1, Integer::sum));
        }
        List<String> writers = new ArrayList<>(sizes.keySet());
        writers.sort(java.util.Comparator.comparing((String w) -> -sizes.get(w)).thenComparing(w -> w));
        long[] load = new long[k];
        java.util.Map<String, Integer> foldOf = new java.util.HashMap<>();
        for (String w : writers) {
            int f = 0;
            for (int i = 1; i < k; i++) {
                f = load[i] < load[f] ? i : f;
            }
            foldOf.put(w, f);
            load[f] += sizes.get(w);
        }
        return ids.stream().mapToInt(id -> writer(id).map(foldOf::get).orElse(-1)).toArray();
    }

    /** A fold number 0 … k-1 per item, stratified by {@code strata} (items of a stratum spread evenly). */
    public static int[] folds(int[] strata, int k, long seed) {
        int[] fold = new int[strata.length];
        Integer[] order = new Integer[strata.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<Integer> shuffled = new ArrayList<>(Arrays.asList(order));
        java.util.Collections.shuffle(shuffled, new Random(seed));
        shuffled.sort(java.util.Comparator.comparingInt(i -> strata[i]));
        for (int pos = 0; pos < shuffled.size(); pos++) {
            fold[shuffled.get(pos)] = pos % k;
        }
        return fold;
    }

    /** The softmax of {@code scores / t}. */
    public static double[] softmax(double[] scores, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s / t);
        }
        double[] p = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(scores[i] / t - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** The mean negative log-likelihood of {@code labels} under {@code softmax(scores / t)}. */
    public static double nll(double[][] scores, int[] labels, double t) {
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            sum -= Math.log(Math.max(1e-12, softmax(scores[i], t)[labels[i]]));
        }
        return sum / scores.length;
    }

    /** The temperature in [0.05, 20] that minimises the held-out NLL (golden-section search on log t). */
    public static double temperature(double[][] scores, int[] labels) {
        double lo = Math.log(0.05);
        double hi = Math.log(20);
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo);
        double b = lo + g * (hi - lo);
        double fa = nll(scores, labels, Math.exp(a));
        double fb = nll(scores, labels, Math.exp(b));
        for (int it = 0; it < 60; it++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = nll(scores, labels, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = nll(scores, labels, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /**
     * A needs-triage threshold and what it does on held-out items.
     *
     * @param triaged          the share of items below the threshold
     * @param accuracyAnswered the accuracy on the items at or above it
     */
    public record Threshold(double value, double triaged, double accuracyAnswered) {
    }

    /**
     * The lowest confidence threshold at which the items at or above it reach {@code targetAccuracy}, but never
     * one that sends more than {@code maxTriaged} of the items to triage (then the accuracy target is missed, and
     * the result says by how much).
     */
    public static Threshold threshold(double[] confidence, boolean[] correct, double targetAccuracy,
                                      double maxTriaged) {
        int n = confidence.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(confidence[x], confidence[y]));
        int correctAbove = 0;
        for (boolean c : correct) {
            correctAbove += c ? 1 : 0;
        }
        int maxCut = (int) Math.floor(maxTriaged * n);
        for (int cut = 0; cut <= maxCut; cut++) {
            // items order[0 .. cut-1] are triaged; the threshold sits at order[cut]'s confidence
            if (cut > 0) {
                correctAbove -= correct[order[cut - 1]] ? 1 : 0;
                if (confidence[order[cut - 1]] == confidence[order[Math.min(cut, n - 1)]] && cut < maxCut) {
                    continue;
                }
            }
            double acc = (double) correctAbove / (n - cut);
            if (acc >= targetAccuracy || cut == maxCut) {
                double value = cut == 0 ? 0 : (confidence[order[cut - 1]] + confidence[order[cut]]) / 2;
                return new Threshold(value, (double) cut / n, acc);
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
