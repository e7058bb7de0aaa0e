package com.deskbridge.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A UTC clock tests move by hand, shared by the code under test and the simulators it talks to. {@link #sleep}
 * advances the clock instead of sleeping and records each wait (pass {@code clock::sleep} where code takes a sleeper),
 * so retry and rate-limit logic runs at full speed and its waits can be asserted. Thread-safe.
 */
public final class MutableClock extends Clock {
    private volatile Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    public MutableClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    /** "Sleeps": moves this clock forward by the wait, and records it. */
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    /** Every wait {@link #sleep} was asked for, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
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
