package com.deskbridge.localaws.testhandlers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test handlers saw, by key. */
public final class Recorder {
    private static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();

    private Recorder() {
    }

    public static void record(String key, String value) {
        SEEN.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(value);
    }

    public static List<String> seen(String key) {
        return List.copyOf(SEEN.getOrDefault(key, List.of()));
    }

    public static void clear() {
        SEEN.clear();
    }
}
