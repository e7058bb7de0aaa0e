package com.deskbridge.sim.carriers;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Fixture times: absolute ISO instants/offset date-times, or durations relative to the simulator's start ("-PT30H"). */
final class SimTime {
    private SimTime() {
    }

    static Instant resolve(String value, Instant start) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.startsWith("-P") || v.startsWith("+P") || v.startsWith("P")) {
            return start.plus(Duration.parse(v));
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(v).toInstant();
        }
    }
}
