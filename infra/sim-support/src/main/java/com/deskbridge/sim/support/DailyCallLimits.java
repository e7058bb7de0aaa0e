package com.deskbridge.sim.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider's side of daily call limits: counts calls per key (application and API) within a calendar day of the
 * provider's time zone (eBay's day starts at midnight Pacific time) on the injected clock, and refuses a call once the
 * day's limit is reached.
 */
public final class DailyCallLimits {

    private record Day(LocalDate date, int used) {}

    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Day> days = new ConcurrentHashMap<>();

    public DailyCallLimits(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** Counts one call of {@code key}; false (not counted) when {@code limit} calls were already made today. */
    public boolean tryCall(String key, long limit) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        boolean[] granted = {false};
        days.compute(key, (k, d) -> {
            Day current = d == null || !d.date.equals(today) ? new Day(today, 0) : d;
            if (current.used < limit) {
                granted[0] = true;
                return new Day(today, current.used + 1);
            }
            return current;
        });
        return granted[0];
    }

    /** Calls counted for {@code key} today. */
    public int used(String key) {
        Day d = days.get(key);
        return d == null || !d.date.equals(LocalDate.ofInstant(clock.instant(), zone)) ? 0 : d.used;
    }
}
