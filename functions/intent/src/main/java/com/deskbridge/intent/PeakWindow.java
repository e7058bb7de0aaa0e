package com.deskbridge.intent;

import com.deskbridge.domain.ticket.InvalidInputException;

import java.time.LocalDate;

/** A dated peak-event window, both ends inclusive, e.g. this year's Prime Day as Amazon announced it. */
public record PeakWindow(String tag, LocalDate from, LocalDate to) {
    public PeakWindow {
        if (tag == null || tag.isBlank()) {
            throw new InvalidInputException("tag", "is required");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("to", "must be on or after from");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
