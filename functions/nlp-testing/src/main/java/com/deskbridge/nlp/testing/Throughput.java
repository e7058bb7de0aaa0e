package com.deskbridge.nlp.testing;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A single-threaded throughput measurement: every item {@code passes} times after one untimed warm-up pass.
 * A measurement, not a benchmark harness; tests print it and never assert on it.
 */
public record Throughput(long items, long nanos) {

    public double perSecond() {
        return nanos == 0 ? 0 : items * 1_000_000_000.0 / nanos;
    }

    public double microsPerItem() {
        return items == 0 ? 0 : nanos / 1000.0 / items;
    }

    /** Measures {@code work} (whose result is kept observable) over {@code items}. */
    public static <T> Throughput measure(List<T> items, int passes, ToIntFunction<T> work) {
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be at least 1");
        }
        long sink = 0;
        for (T t : items) {
            sink += work.applyAsInt(t);
        }
        long start = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (T t : items) {
                sink += work.applyAsInt(t);
            }
        }
        long nanos = System.nanoTime() - start;
        if (sink == Long.MIN_VALUE) {
            throw new IllegalStateException("unreachable: keeps the work observable");
        }
        return new Throughput((long) passes * items.size(), nanos);
    }
}
