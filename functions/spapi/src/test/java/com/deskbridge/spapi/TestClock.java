package com.deskbridge.spapi;

import com.deskbridge.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A settable clock shared by client and simulator; its sleeper advances it instead of sleeping. */
final class TestClock extends Clock {
    private volatile Instant now;
    final List<Duration> sleeps = new ArrayList<>();

    TestClock(Instant now) {
        this.now = now;
    }

    synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    Sleeper sleeper() {
        return d -> {
            synchronized (this) {
                sleeps.add(d);
            }
            advance(d);
        };
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
