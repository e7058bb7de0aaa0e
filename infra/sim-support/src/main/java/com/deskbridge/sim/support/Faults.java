package com.deskbridge.sim.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Injected faults per operation id: "the next {@code count} calls of operation X answer status S", in order. */
public final class Faults {

    private final Map<String, List<int[]>> queued = new LinkedHashMap<>();

    /** Queues {@code count} answers of {@code status} for {@code operation} (after any already queued). */
    public synchronized void inject(String operation, int status, int count) {
        queued.computeIfAbsent(operation, k -> new ArrayList<>()).add(new int[] {status, count});
    }

    /** Takes the next injected fault of {@code operation}, if any. */
    public synchronized Optional<Integer> next(String operation) {
        List<int[]> list = queued.get(operation);
        if (list == null || list.isEmpty()) {
            return Optional.empty();
        }
        int[] f = list.get(0);
        if (--f[1] <= 0) {
            list.remove(0);
        }
        return Optional.of(f[0]);
    }
}
