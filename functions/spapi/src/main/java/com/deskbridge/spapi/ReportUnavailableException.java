package com.deskbridge.spapi;

import java.time.Duration;
import java.util.Optional;

/**
 * A report Deskbridge asked for did not arrive: Amazon ended it FATAL, or it was still IN_QUEUE/IN_PROGRESS when the
 * bounded wait ran out. Callers show the reason (a ticket turns PARTIAL); they never treat it as "no data".
 */
public final class ReportUnavailableException extends RuntimeException {

    /** Why the report is missing. */
    public enum Reason { FATAL, TIMED_OUT }

    private final Reason reason;
    private final String reportId;

    ReportUnavailableException(Reason reason, String reportType, String reportId, Duration waited) {
        super(reportType + " report " + reportId + (reason == Reason.FATAL ? " ended FATAL at Amazon"
                : " not ready after " + waited.toSeconds() + " s (still processing at Amazon)"));
        this.reason = reason;
        this.reportId = reportId;
    }

    public Reason reason() {
        return reason;
    }

    public Optional<String> reportId() {
        return Optional.ofNullable(reportId);
    }
}
