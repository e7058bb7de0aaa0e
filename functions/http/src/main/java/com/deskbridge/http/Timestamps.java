package com.deskbridge.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the timestamps upstream APIs send: ISO-8601 in UTC ({@code …Z}) or with an offset ({@code …+01:00}). */
public final class Timestamps {

    private Timestamps() {
    }

    /** The instant, or empty when {@code text} is null or not an ISO-8601 timestamp. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
