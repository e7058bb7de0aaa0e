package com.deskbridge.http;

import java.time.Duration;

/**
 * A client-side limit on calls to an upstream API: a per-operation rate (SP-API's documented rate and
 * burst) or a carrier's daily/hourly budget. Implementations may live in memory (one container) or in
 * a shared store (all containers of a function).
 */
public interface Quota {

    /** Takes one permit if one is available now; otherwise says how long until the next one. */
    Decision take();

    sealed interface Decision permits Granted, Denied {}

    record Granted() implements Decision {}

    /** No permit: {@code retryAfter} is when one becomes available at the earliest. */
    record Denied(Duration retryAfter) implements Decision {}

    Decision GRANTED = new Granted();
}
