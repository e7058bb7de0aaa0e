package com.deskbridge.domain.port;

import com.deskbridge.domain.sla.ResponseReport;
import com.deskbridge.domain.ticket.SellerId;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Daily SLA reports per seller, as the nightly job computed them, and which sellers were active on a day. */
public interface SlaMetricsArchive {

    /** One stored day. */
    record DailyReport(LocalDate day, ResponseReport report) {
    }

    /** Sellers who received a buyer message or sent a reply on {@code day} (UTC). */
    Set<SellerId> activeOn(LocalDate day);

    /** Stores (or replaces: the job may run twice) the seller's report for the day. */
    void save(SellerId seller, LocalDate day, ResponseReport report);

    /** The seller's stored days in [from, to], oldest first. */
    List<DailyReport> days(SellerId seller, LocalDate from, LocalDate to);
}
