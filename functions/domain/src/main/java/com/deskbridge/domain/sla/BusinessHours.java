package com.deskbridge.domain.sla;

import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The weekly opening hours: zero or more non-overlapping {@link OpeningWindow}s per day of the week, sorted by
 * opening time. A day without windows is closed all day; hours without any window at all mean the business is
 * never open (only the out-of-hours target applies).
 */
public record BusinessHours(Map<DayOfWeek, List<OpeningWindow>> windows) {

    /** @throws InvalidInputException naming {@code businessHours.<DAY>} when two windows of a day overlap */
    public BusinessHours {
        if (windows == null) {
            throw new InvalidInputException("businessHours", "is required");
        }
        Map<DayOfWeek, List<OpeningWindow>> copy = new EnumMap<>(DayOfWeek.class);
        windows.forEach((day, list) -> {
            if (day == null || list == null || list.stream().anyMatch(Objects::isNull)) {
                throw new InvalidInputException("businessHours", "must not contain empty days or windows");
            }
            List<OpeningWindow> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(OpeningWindow::opens));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                    throw new InvalidInputException("businessHours." + day, "has overlapping windows "
                            + describe(sorted.get(i - 1)) + " and " + describe(sorted.get(i)));
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(day, List.copyOf(sorted));
            }
        });
        windows = Collections.unmodifiableMap(copy);
    }

    /** Hours with no open time at all. */
    public static BusinessHours none() {
        return new BusinessHours(Map.of());
    }

    /** Open around the clock, every day. */
    public static BusinessHours alwaysOpen() {
        Map<DayOfWeek, List<OpeningWindow>> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(day, List.of(new OpeningWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return new BusinessHours(all);
    }

    /** The windows of a day, sorted; empty when closed all day. */
    public List<OpeningWindow> on(DayOfWeek day) {
        return windows.getOrDefault(day, List.of());
    }

    /** Whether no day has any window. */
    public boolean isEmpty() {
        return windows.isEmpty();
    }

    private static String describe(OpeningWindow w) {
        return w.opens() + "-" + (w.closesAtEndOfDay() ? "24:00" : w.closes().toString());
    }
}
