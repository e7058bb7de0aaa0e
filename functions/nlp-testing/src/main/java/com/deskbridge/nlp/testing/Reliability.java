package com.deskbridge.nlp.testing;

import java.util.List;
import java.util.Locale;

/**
 * A reliability table for calibrated confidences: items binned by confidence (ten bins of 0.1), each bin's mean
 * confidence against its accuracy, and the expected calibration error (the support-weighted mean gap).
 */
public final class Reliability {
    /** One scored item. */
    public record Item(double confidence, boolean correct) {
    }

    private Reliability() {
    }

    /** The expected calibration error over ten equal-width bins. */
    public static double expectedCalibrationError(List<Item> items) {
        double[][] bins = bins(items);
        double ece = 0;
        for (double[] b : bins) {
            if (b[0] > 0) {
                ece += b[0] / items.size() * Math.abs(b[1] / b[0] - b[2] / b[0]);
            }
        }
        return ece;
    }

    /** The printed table. */
    public static String format(String name, List<Item> items) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%s: reliability (%d items, expected calibration error %.3f)%n  %-11s %6s %10s %9s%n", name,
                items.size(), expectedCalibrationError(items), "confidence", "n", "mean conf", "accuracy"));
        double[][] bins = bins(items);
        for (int i = 0; i < bins.length; i++) {
            if (bins[i][0] > 0) {
                sb.append(String.format(Locale.ROOT, "  %.1f - %.1f %7d %10.3f %9.3f%n", i / 10.0, (i + 1) / 10.0,
                        (int) bins[i][0], bins[i][1] / bins[i][0], bins[i][2] / bins[i][0]));
            }
        }
        return sb.toString();
    }

    /** {count, sum of confidences, number correct} per bin. */
    private static double[][] bins(List<Item> items) {
        double[][] bins = new double[10][3];
        for (Item it : items) {
            int b = Math.min(9, Math.max(0, (int) Math.floor(it.confidence() * 10)));
            bins[b][0]++;
            bins[b][1] += it.confidence();
            bins[b][2] += it.correct() ? 1 : 0;
        }
        return bins;
    }
}
