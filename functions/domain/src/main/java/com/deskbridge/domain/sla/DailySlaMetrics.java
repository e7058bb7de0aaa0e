package com.deskbridge.domain.sla;

import com.deskbridge.domain.port.ResponseLog;
import com.deskbridge.domain.port.SlaMetricsArchive;
import com.deskbridge.domain.ticket.SellerId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The nightly SLA report: for every seller active on a day (UTC), the {@link ResponseMetrics} of the waiting periods
 * that began that day, judged at the time of the run (so a message from 23:00 still pending at 00:15 counts as
 * pending, and the next run of that day, if any, settles it). Stored per seller and day; running twice replaces.
 */
public final class DailySlaMetrics {
    private final SlaMetricsArchive archive;
    private final ResponseLog responses;
    private final Clock clock;

    public DailySlaMetrics(SlaMetricsArchive archive, ResponseLog responses, Clock clock) {
        this.archive = Objects.requireNonNull(archive);
        this.responses = Objects.requireNonNull(responses);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Reports {@code day} for every active seller; returns how many sellers were reported. */
    public int report(LocalDate day) {
        Instant now = clock.instant();
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int sellers = 0;
        for (SellerId seller : archive.activeOn(day)) {
            archive.save(seller, day, ResponseMetrics.compute(responses.responses(seller, from, to, now), now));
            sellers++;
        }
        return sellers;
    }

    /** Yesterday (UTC), the usual run. */
    public int reportYesterday() {
        return report(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1));
    }
}
