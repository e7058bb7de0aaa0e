package com.deskbridge.orderactions.feed;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What Amazon did with one feed message: {@code COMPLETED}, {@code FAILED} with Amazon's own error text, or
 * {@code UNCONFIRMED} when the report does not say (feed still processing, or the summary does not account for
 * the message) so that the caller keeps the action visible instead of guessing.
 */
public record MessageOutcome(long messageId, Status status, List<ProcessingReport.Result> results) {

    public enum Status {
        COMPLETED,
        FAILED,
        UNCONFIRMED
    }

    public MessageOutcome {
        results = List.copyOf(results);
    }

    /** Amazon's error text for a failed message, e.g. {@code "18028: The data you submitted is incomplete or invalid."}. */
    public String errorText() {
        return results.stream().filter(ProcessingReport.Result::isError)
                .map(r -> r.resultMessageCode() + ": " + r.description()).collect(Collectors.joining("; "));
    }

    public List<ProcessingReport.Result> warnings() {
        return results.stream().filter(r -> !r.isError()).toList();
    }
}
