package com.deskbridge.adapters.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Configuration named in template.yaml. Read from the process environment (as Lambda provides it) and, failing
 * that, from a Java system property of the same name (as the local runner provides it, since one JVM hosts every
 * function there and cannot change its own environment).
 */
public final class Env {
    private Env() {
    }

    public static Optional<String> get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public static String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException(
                "configuration " + name + " is not set (template.yaml declares it for this function)"));
    }

    public static Duration days(String name, long defaultDays) {
        String raw = get(name).orElse(Long.toString(defaultDays));
        try {
            long days = Long.parseLong(raw);
            if (days <= 0) {
                throw new IllegalStateException("configuration " + name + " must be a positive number of days, was " + raw);
            }
            return Duration.ofDays(days);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("configuration " + name + " must be a number of days, was '" + raw + "'", e);
        }
    }
}
