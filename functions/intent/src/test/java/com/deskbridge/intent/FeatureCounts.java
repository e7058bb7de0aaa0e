package com.deskbridge.intent;

import java.util.HashMap;
import java.util.Map;

/**
 * One text's features as the model sees them, for training: every key's occurrences times its block's weight over
 * the square root of the block's occurrences — exactly what {@link LinearModel.Scorer} computes at run time.
 */
public final class FeatureCounts implements TextFeatures.Sink {
    private final Map<Long, int[]> counts = new HashMap<>();
    private final int[] totals = new int[TextFeatures.Block.values().length];

    @Override
    public void add(TextFeatures.Block block, long key) {
        totals[block.ordinal()]++;
        counts.computeIfAbsent(key, k -> new int[] {block.ordinal(), 0})[1]++;
    }

    /** Every key with its value under {@code blockWeights}. */
    public Map<Long, Float> values(float[] blockWeights) {
        Map<Long, Float> values = new HashMap<>(counts.size() * 2);
        counts.forEach((key, bc) -> values.put(key,
                (float) (bc[1] * blockWeights[bc[0]] / Math.sqrt(totals[bc[0]]))));
        return values;
    }

    /** The distinct keys. */
    public java.util.Set<Long> keys() {
        return counts.keySet();
    }
}
