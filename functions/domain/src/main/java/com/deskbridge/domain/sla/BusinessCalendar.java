package com.deskbridge.domain.sla;

import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a seller is open: weekly {@link BusinessHours} in a time zone, minus holidays (closed all day, local date).
 *
 * <h2>Windows as instants</h2>
 * The window {@code opens–closes} of local date D is the half-open interval of instants {@code [open, close)}
 * where each boundary is the local time on D resolved in the zone:
 * <ul>
 *   <li>a time that exists once is that instant;</li>
 *   <li>a time in a spring-forward gap (02:30 on a day the clocks jump from 02:00 to 03:00) is the instant the
 *       gap ends, the first moment the clock has passed it; a window wholly inside the gap is empty;</li>
 *   <li>a time in a fall-back overlap (02:30 when the clocks go from 03:00 back to 02:00) is its first occurrence,
 *       the earlier offset;</li>
 *   <li>a closing of 24:00 is the first instant of D + 1.</li>
 * </ul>
 * Open time is therefore real elapsed time: 01:00–04:00 is two hours on a spring-forward night and four on a
 * fall-back night. The resolution is monotone in the local time, so a window never has its end before its start.
 */
public record BusinessCalendar(ZoneId zone, BusinessHours hours, Set<LocalDate> holidays) {

    /** @throws InvalidInputException naming {@code timeZone}, {@code businessHours} or {@code holidays} */
    public BusinessCalendar {
        if (zone == null) {
            throw new InvalidInputException("timeZone", "is required");
        }
        if (hours == null) {
            throw new InvalidInputException("businessHours", "is required");
        }
        if (holidays == null || holidays.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("holidays", "must be a list of dates");
        }
        holidays = Set.copyOf(holidays);
    }

    /** Whether the business is open at the instant (at a window's opening: yes; at its closing: no). */
    public boolean isOpenAt(Instant instant) {
        for (Interval interval : openIntervalsOn(localDate(instant))) {
            if (interval.contains(instant)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the instant falls within a business day's span: from the first opening to the last closing of its
     * local date, breaks between windows included (a lunch break is part of the business day; the evening after
     * closing, closed days and holidays are not).
     */
    public boolean isWithinBusinessDay(Instant instant) {
        List<Interval> intervals = openIntervalsOn(localDate(instant));
        return !intervals.isEmpty() && !instant.isBefore(intervals.get(0).start())
                && instant.isBefore(intervals.get(intervals.size() - 1).end());
    }

    /** Whether there is no open time in any week (holidays aside). */
    public boolean neverOpen() {
        return hours.isEmpty();
    }

    /**
     * The earliest instant by which {@code amount} of open time has passed since {@code start}: counting only
     * open time, starting at {@code start} or, when closed then, at the next opening. A zero amount gives
     * {@code start}.
     *
     * @param horizon the search stops here: the result is empty when the instant would be after it (and when the
     *                business never opens), so the work is bounded by the horizon
     */
    public Optional<Instant> addOpenTime(Instant start, Duration amount, Instant horizon) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start.isAfter(horizon) ? Optional.empty() : Optional.of(start);
        }
        if (neverOpen()) {
            return Optional.empty();
        }
        Duration remaining = amount;
        for (LocalDate date = localDate(start); !startOfDay(date).isAfter(horizon); date = date.plusDays(1)) {
            for (Interval interval : openIntervalsOn(date)) {
                Instant from = interval.start().isAfter(start) ? interval.start() : start;
                if (!from.isBefore(interval.end())) {
                    continue;
                }
                Duration available = Duration.between(from, interval.end());
                if (available.compareTo(remaining) >= 0) {
                    Instant reached = from.plus(remaining);
                    return reached.isAfter(horizon) ? Optional.empty() : Optional.of(reached);
                }
                remaining = remaining.minus(available);
            }
        }
        return Optional.empty();
    }

    /** The open time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public Duration openTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        for (LocalDate date = localDate(from); !date.isAfter(localDate(to)); date = date.plusDays(1)) {
            for (Interval interval : openIntervalsOn(date)) {
                Instant s = interval.start().isAfter(from) ? interval.start() : from;
                Instant e = interval.end().isBefore(to) ? interval.end() : to;
                if (s.isBefore(e)) {
                    total = total.plus(Duration.between(s, e));
                }
            }
        }
        return total;
    }

    /** The open intervals of one local date, in order; empty on holidays and closed days. */
    List<Interval> openIntervalsOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<Interval> result = new ArrayList<>();
        for (OpeningWindow window : hours.on(date.getDayOfWeek())) {
            Instant open = resolve(date, window.opens());
            Instant close = window.closesAtEndOfDay() ? startOfDay(date.plusDays(1)) : resolve(date, window.closes());
            if (open.isBefore(close)) {
                result.add(new Interval(open, close));
            }
        }
        return result;
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private Instant startOfDay(LocalDate date) {
        return resolve(date, LocalTime.MIDNIGHT);
    }

    private Instant resolve(LocalDate date, LocalTime time) {
        LocalDateTime local = date.atTime(time);
        ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** A half-open stretch {@code [start, end)} of open time. */
    record Interval(Instant start, Instant end) {
        boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }
}
