package com.deskbridge.http;

import java.time.Duration;

/** Waits. Injected so that tests of retry and rate-limit logic run without real sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
}
