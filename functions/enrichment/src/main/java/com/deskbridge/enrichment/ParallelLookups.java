package com.deskbridge.enrichment;

import com.deskbridge.adapters.logging.Correlation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a ticket's independent look-ups at the same time (the order beside the ticket's own read, one parcel's tracking
 * beside the next): the time to a ticket with context is then the slowest look-up, not their sum (issue 14, "Message to
 * ticket-with-context"). The look-ups are network waits, so the pool's threads are cheap daemon threads, created on
 * demand and kept a minute per container; each runs under the correlation id of the work that started it.
 */
final class ParallelLookups {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "enrichment-lookup");
        t.setDaemon(true);
        return t;
    });

    private ParallelLookups() {
    }

    /** SnapStart priming: runs one empty look-up, so the pool, its thread and the classes it needs are in the snapshot. */
    static void prime() {
        join(start(() -> null));
        all(List.of(() -> null, () -> null));
    }

    /** Starts {@code lookup} on another thread; {@link #join} takes its result. */
    static <T> Future<T> start(Callable<T> lookup) {
        return POOL.submit(Correlation.carried(lookup));
    }

    /** The look-up's result, or what it threw (a RuntimeException or Error as it was). */
    static <T> T join(Future<T> started) {
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a look-up", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** All of them at once (the first on this thread), results in order; a single one runs here. */
    static <T> List<T> all(List<Callable<T>> lookups) {
        List<Future<T>> started = new ArrayList<>();
        for (int i = 1; i < lookups.size(); i++) {
            started.add(start(lookups.get(i)));
        }
        List<T> results = new ArrayList<>();
        try {
            results.add(lookups.isEmpty() ? null : lookups.get(0).call());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (Future<T> f : started) {
            results.add(join(f));
        }
        return lookups.isEmpty() ? List.of() : results;
    }
}
