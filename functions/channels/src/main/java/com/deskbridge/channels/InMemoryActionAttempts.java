package com.deskbridge.channels;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ActionAttempts} in this container's memory: right for tests and a single local process. Functions that run in
 * several containers need a shared store (a DynamoDB item per key with a conditional put).
 */
public final class InMemoryActionAttempts implements ActionAttempts {

    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();

    @Override
    public Optional<Attempt> find(String sellerId, String idempotencyKey) {
        return Optional.ofNullable(attempts.get(key(sellerId, idempotencyKey)));
    }

    @Override
    public boolean begin(Attempt attempt) {
        return attempts.putIfAbsent(key(attempt.sellerId(), attempt.idempotencyKey()), attempt) == null;
    }

    @Override
    public void complete(String sellerId, String idempotencyKey, String externalId) {
        attempts.computeIfPresent(key(sellerId, idempotencyKey), (k, a) -> a.withExternalId(externalId));
    }

    private static String key(String sellerId, String idempotencyKey) {
        return sellerId + '\u0000' + idempotencyKey;
    }
}
