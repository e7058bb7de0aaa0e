package com.deskbridge.automation;

import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A stretch of the week in the seller's wall-clock time, from {@code start} (inclusive) to {@code end} (exclusive),
 * e.g. Friday 20:00 – Monday 08:00. It may wrap over the end of the week (Sunday → Monday), as the weekend window
 * does; a range that starts and ends at the same moment is rejected because it is ambiguous (nothing or all week).
 *
 * <p>Membership is decided on the local date and time of the instant in the seller's zone, so the window follows
 * the seller's clock across daylight-saving changes: on the night clocks go back, 02:30 happens twice and both are
 * in a range that contains 02:30; on the night they jump forward, the skipped hour simply never occurs.
 */
public record WeeklyRange(DayOfWeek startDay, LocalTime startTime, DayOfWeek endDay, LocalTime endTime) {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /** @throws InvalidInputException naming {@code start}/{@code end} */
    public WeeklyRange {
        if (startDay == null || startTime == null) {
            throw new InvalidInputException("start", "is required");
        }
        if (endDay == null || endTime == null) {
            throw new InvalidInputException("end", "is required");
        }
        if (position(startDay, startTime) == position(endDay, endTime)) {
            throw new InvalidInputException("end", "must differ from start (" + describe(startDay, startTime)
                    + "); a range of zero length is ambiguous");
        }
    }

    /**
     * Parses {@code "FRI 20:00"}-style bounds: a day ({@code mon}…{@code sun} or {@code monday}…{@code sunday}, any
     * case) and a time {@code HH:mm}.
     *
     * @throws InvalidInputException naming {@code start} or {@code end}
     */
    public static WeeklyRange parse(String start, String end) {
        DayOfWeek sd = day(start, "start");
        LocalTime st = time(start, "start");
        DayOfWeek ed = day(end, "end");
        LocalTime et = time(end, "end");
        return new WeeklyRange(sd, st, ed, et);
    }

    /** Whether the seller-local time of {@code instant} in {@code zone} is in the range. */
    public boolean contains(Instant instant, ZoneId zone) {
        return contains(LocalDateTime.ofInstant(instant, zone));
    }

    /** Whether a local date-time is in the range. */
    public boolean contains(LocalDateTime local) {
        long p = position(local.getDayOfWeek(), local.toLocalTime());
        long s = position(startDay, startTime);
        long e = position(endDay, endTime);
        return s < e ? p >= s && p < e : p >= s || p < e;
    }

    @Override
    public String toString() {
        return describe(startDay, startTime) + " – " + describe(endDay, endTime);
    }

    private static long position(DayOfWeek day, LocalTime time) {
        return (day.getValue() - 1) * NANOS_PER_DAY + time.toNanoOfDay();
    }

    private static String describe(DayOfWeek day, LocalTime time) {
        return day.name().substring(0, 3) + " " + time;
    }

    private static String[] split(String value, String field) {
        String v = value == null ? "" : value.trim();
        String[] parts = v.split("\\s+");
        if (v.isEmpty() || parts.length != 2) {
            throw new InvalidInputException(field, "must be a day and a time such as 'FRI 20:00' (was '" + value
                    + "')");
        }
        return parts;
    }

    private static DayOfWeek day(String value, String field) {
        String d = split(value, field)[0].toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (d.equals(day.name()) || d.length() == 3 && day.name().startsWith(d)) {
                return day;
            }
        }
        throw new InvalidInputException(field, "has an unknown day '" + split(value, field)[0]
                + "' (mon … sun or monday … sunday)");
    }

    private static LocalTime time(String value, String field) {
        String t = split(value, field)[1];
        try {
            return LocalTime.parse(t);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "has a bad time '" + t + "' (HH:mm, 00:00 to 23:59)");
        }
    }
}
