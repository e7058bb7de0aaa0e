package com.deskbridge.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The days an audit samples, in UTC: {@code from} inclusive, {@code to} exclusive. Audit copies are kept in a
 * partition per seller and calendar quarter ({@link #quarters()}), so a period reads only its quarters.
 */
public record AuditPeriod(LocalDate from, LocalDate to) {
    /** The longest period an on-demand audit may cover (a year and a day, so any full year fits). */
    public static final int MAX_DAYS = 366;

    public AuditPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("a period covers at most " + MAX_DAYS + " days");
        }
    }

    /** The calendar quarter that contains {@code day}. */
    public static AuditPeriod quarterOf(LocalDate day) {
        LocalDate start = day.withDayOfMonth(1).withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1);
        return new AuditPeriod(start, start.plusMonths(3));
    }

    /** The last quarter that ended before {@code now} (UTC). */
    public static AuditPeriod lastFullQuarter(Instant now) {
        return quarterOf(quarterOf(LocalDate.ofInstant(now, ZoneOffset.UTC)).from().minusDays(1));
    }

    /** The last calendar month that ended before {@code now} (UTC). */
    public static AuditPeriod lastFullMonth(Instant now) {
        LocalDate start = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        return new AuditPeriod(start, start.plusMonths(1));
    }

    /** The quarter key of a day ({@code 2026Q3}), as the copies' partitions name it. */
    public static String quarterKey(LocalDate day) {
        return day.getYear() + "Q" + day.get(IsoFields.QUARTER_OF_YEAR);
    }

    /** The quarter keys this period touches, oldest first. */
    public List<String> quarters() {
        List<String> keys = new ArrayList<>();
        for (LocalDate q = quarterOf(from).from(); q.isBefore(to); q = q.plusMonths(3)) {
            keys.add(quarterKey(q));
        }
        return keys;
    }

    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
        return to.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }

    /** {@code 2026-Q3} for a calendar quarter, {@code 2026-09} for a month, else {@code 2026-07-01..2026-08-15}. */
    public String label() {
        if (equals(quarterOf(from))) {
            return from.getYear() + "-Q" + from.get(IsoFields.QUARTER_OF_YEAR);
        }
        if (from.getDayOfMonth() == 1 && to.equals(from.plusMonths(1))) {
            return from.toString().substring(0, 7);
        }
        return from + ".." + to.minusDays(1);
    }
}
