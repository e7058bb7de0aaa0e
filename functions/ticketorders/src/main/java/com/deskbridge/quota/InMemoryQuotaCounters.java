package com.deskbridge.quota;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link QuotaCounters} in one process's memory: for tests of the services that take quota and for the contract
 * suite that {@link DynamoDbQuotaCounters} must also pass. Expiry is not enforced (nothing here outlives a test).
 */
public final class InMemoryQuotaCounters implements QuotaCounters {

    private final Map<Key, Integer> calls = new HashMap<>();
    private final Map<Key, Level> levels = new HashMap<>();

    @Override
    public synchronized boolean increment(Key counter, int limit, Instant expiresAt) {
        if (calls(counter) >= limit) {
            return false;
        }
        calls.merge(counter, 1, Integer::sum);
        return true;
    }

    @Override
    public synchronized Outcome incrementBoth(Key first, int firstLimit, Key second, int secondLimit, Instant expiresAt) {
        if (calls(first) >= firstLimit) {
            return Outcome.FIRST_FULL;
        }
        if (calls(second) >= secondLimit) {
            return Outcome.SECOND_FULL;
        }
        calls.merge(first, 1, Integer::sum);
        calls.merge(second, 1, Integer::sum);
        return Outcome.GRANTED;
    }

    @Override
    public synchronized int calls(Key counter) {
        return calls.getOrDefault(counter, 0);
    }

    @Override
    public synchronized Optional<Level> level(Key bucket) {
        return Optional.ofNullable(levels.get(bucket));
    }

    @Override
    public synchronized boolean replaceLevel(Key bucket, Optional<Level> expected, Level next) {
        Optional<Level> current = level(bucket);
        boolean unchanged = expected.isEmpty() ? current.isEmpty()
                : current.isPresent() && current.get().atMillis() == expected.get().atMillis()
                        && current.get().tokens().compareTo(expected.get().tokens()) == 0;
        if (unchanged) {
            levels.put(bucket, next);
        }
        return unchanged;
    }
}
