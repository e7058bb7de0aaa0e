package com.deskbridge.actions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link FeedAttempts} in memory, for the fast feed service tests; {@link FeedAttemptsContract} holds it to the DynamoDB adapter's behaviour. */
final class InMemoryFeedAttempts implements FeedAttempts {

    private final Map<String, FeedAttempt> attempts = new HashMap<>();
    private final Map<String, String> byFeedId = new HashMap<>();

    private static String key(String sellerId, String attemptId) {
        return sellerId + "#" + attemptId;
    }

    @Override
    public synchronized void create(FeedAttempt a) {
        if (attempts.putIfAbsent(key(a.sellerId(), a.attemptId()), a) != null) {
            throw new IllegalStateException("attempt " + a.attemptId() + " exists");
        }
    }

    @Override
    public synchronized Optional<FeedAttempt> get(String sellerId, String attemptId) {
        return Optional.ofNullable(attempts.get(key(sellerId, attemptId)));
    }

    @Override
    public synchronized Optional<FeedAttempt> byFeedId(String feedId) {
        return Optional.ofNullable(byFeedId.get(feedId)).map(attempts::get);
    }

    @Override
    public synchronized List<FeedAttempt> open() {
        return new ArrayList<>(attempts.values().stream().filter(a -> a.status().open()).toList());
    }

    @Override
    public synchronized boolean move(FeedAttempt a, FeedAttempt.Status from, FeedAttempt.Status to, Change change) {
        FeedAttempt stored = attempts.get(key(a.sellerId(), a.attemptId()));
        if (stored == null || stored.status() != from) {
            return false;
        }
        attempts.put(key(a.sellerId(), a.attemptId()), change.applyTo(stored, to));
        return true;
    }

    @Override
    public synchronized boolean submitted(FeedAttempt a, String feedId, Instant at) {
        FeedAttempt s = attempts.get(key(a.sellerId(), a.attemptId()));
        if (s == null || s.status() != FeedAttempt.Status.CREATING) {
            return false;
        }
        attempts.put(key(a.sellerId(), a.attemptId()), new FeedAttempt(s.sellerId(), s.attemptId(), FeedAttempt.Status.SUBMITTED,
                s.marketplaceId(), s.feedType(), s.createdAt(), s.leaseUntil(), s.messages(), s.documentId(), feedId, at,
                s.actionsMarked()));
        byFeedId.put(feedId, key(a.sellerId(), a.attemptId()));
        return true;
    }
}
