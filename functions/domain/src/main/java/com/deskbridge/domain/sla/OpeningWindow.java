package com.deskbridge.domain.sla;

import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * One opening period of a business day in the seller's local wall-clock time: open from {@code opens}
 * (inclusive) until {@code closes} (exclusive).
 *
 * <p>A window never crosses midnight. A {@code closes} of {@link LocalTime#MIDNIGHT} means "24:00", the end of
 * the day the window belongs to (so 00:00–00:00 is the whole day). Opening hours past midnight are written as two
 * windows, e.g. 22:00–24:00 on Friday and 00:00–02:00 on Saturday; the calendar treats them as one continuous
 * stretch of open time.
 */
public record OpeningWindow(LocalTime opens, LocalTime closes) {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /** @throws InvalidInputException naming {@code opens} or {@code closes} */
    public OpeningWindow {
        if (opens == null) {
            throw new InvalidInputException("opens", "is required");
        }
        if (closes == null) {
            throw new InvalidInputException("closes", "is required");
        }
        if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
            throw new InvalidInputException("closes", "must be after opens (" + opens + "), windows may not cross"
                    + " midnight: split them at 24:00 (was " + closes + ")");
        }
    }

    /**
     * Parses {@code HH:mm} (or {@code HH:mm:ss}) times; {@code closes} also accepts {@code 24:00}, the end of the day.
     *
     * @throws InvalidInputException naming {@code opens} or {@code closes}
     */
    public static OpeningWindow parse(String opens, String closes) {
        LocalTime closing = "24:00".equals(closes == null ? null : closes.trim()) ? LocalTime.MIDNIGHT
                : time(closes, "closes");
        return new OpeningWindow(time(opens, "opens"), closing);
    }

    /** Whether the window runs to the end of its day (24:00). */
    public boolean closesAtEndOfDay() {
        return closes.equals(LocalTime.MIDNIGHT);
    }

    /** Whether the two windows share any moment (touching windows such as 08:00–12:00 and 12:00–13:00 do not). */
    public boolean overlaps(OpeningWindow other) {
        return opens.toNanoOfDay() < other.endNanoOfDay() && other.opens.toNanoOfDay() < endNanoOfDay();
    }

    private long endNanoOfDay() {
        return closesAtEndOfDay() ? NANOS_PER_DAY : closes.toNanoOfDay();
    }

    private static LocalTime time(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a time of day HH:mm (was '" + value + "')");
        }
    }
}
