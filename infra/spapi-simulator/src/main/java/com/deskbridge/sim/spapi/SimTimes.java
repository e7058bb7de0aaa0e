package com.deskbridge.sim.spapi;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads fixture times: absolute ISO-8601 instants ({@code 2026-11-20T10:00:00Z}) or offsets from the
 * simulator's start time on the injected clock ({@code -P3D}, {@code +PT4H}, {@code PT0S}), so that a
 * fixture stays "three days ago" whenever it is loaded.
 */
final class SimTimes {

    private SimTimes() {
    }

    static Instant resolve(String value, Instant now) {
        String v = value.trim();
        if (v.startsWith("P") || v.startsWith("-P") || v.startsWith("+P")) {
            return now.plus(duration(v));
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(v).toInstant();
        }
    }

    /** ISO-8601 duration; a plain number is read as milliseconds. */
    static Duration duration(String value) {
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            return Duration.ofMillis(Long.parseLong(v));
        }
        return Duration.parse(v);
    }
}
