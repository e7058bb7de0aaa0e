package com.deskbridge.domain.query;

import com.deskbridge.domain.port.ResponseLog;
import com.deskbridge.domain.port.SlaMetricsArchive;
import com.deskbridge.domain.sla.ResponseMetrics;
import com.deskbridge.domain.sla.ResponseReport;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The SLA metrics a lead reads, with their window rules: a live report over an instant window (default: the 30 days
 * up to now) and the nightly reports of past days (default: the 30 days up to today, UTC; at most 366 days).
 */
public final class SlaMetricsQueries {
    /** The window a caller gets when it names none. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    /** The most days one request may read. */
    public static final int MAX_DAYS = 366;

    private final ResponseLog responses;
    private final SlaMetricsArchive archive;
    private final Clock clock;

    public SlaMetricsQueries(ResponseLog responses, SlaMetricsArchive archive, Clock clock) {
        this.responses = Objects.requireNonNull(responses);
        this.archive = archive;
        this.clock = Objects.requireNonNull(clock);
    }

    /** The report over [from, to) with the window actually used. */
    public record Window(Instant from, Instant to, ResponseReport report) {
    }

    /** @param from null: 30 days before {@code to}; @param to null: now */
    public Window report(SellerId seller, Instant from, Instant to) {
        Instant now = clock.instant();
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : from;
        return new Window(start, end, ResponseMetrics.compute(responses.responses(seller, start, end, now), now));
    }

    /**
     * The stored days in [from, to].
     *
     * @param from null: 30 days before {@code to}; @param to null: today (UTC)
     * @throws InvalidInputException naming "from" when the window is backwards or longer than {@value #MAX_DAYS} days
     */
    public List<SlaMetricsArchive.DailyReport> days(SellerId seller, LocalDate from, LocalDate to) {
        LocalDate end = to == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : to;
        LocalDate start = from == null ? end.minusDays(DEFAULT_WINDOW.toDays()) : from;
        if (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidInputException("from", "must be on or before to, at most " + MAX_DAYS + " days earlier");
        }
        return archive.days(seller, start, end);
    }
}
