package com.deskbridge.sim.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Fixture times: an absolute ISO-8601 instant ({@code 2026-11-20T10:00:00Z}, with or without offset) or an ISO-8601
 * duration relative to the simulator's clock at load ({@code -P3D} three days ago, {@code PT6H} in six hours), so a
 * fixture stays "three days ago" whenever it is loaded. Durations may also be plain milliseconds.
 */
public final class SimTime {

    private SimTime() {
    }

    public static Instant at(String value, Instant now) {
        String v = value.trim();
        if (v.startsWith("P") || v.startsWith("-P") || v.startsWith("+P")) {
            return now.plus(Duration.parse(v.startsWith("+") ? v.substring(1) : v));
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(v).toInstant();
        }
    }

    /** The time in {@code node.field}, or {@code fallback} when absent. */
    public static Instant at(JsonNode node, String field, Instant now, Instant fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? fallback : at(v.asText(), now);
    }

    /** An ISO-8601 duration or plain milliseconds in {@code node.field}, or {@code fallback}. */
    public static Duration duration(JsonNode node, String field, Duration fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isNumber()) {
            return Duration.ofMillis(v.asLong());
        }
        String s = v.asText().trim();
        return s.chars().allMatch(Character::isDigit) ? Duration.ofMillis(Long.parseLong(s)) : Duration.parse(s);
    }
}
