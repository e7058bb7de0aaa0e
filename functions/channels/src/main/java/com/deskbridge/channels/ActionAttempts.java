package com.deskbridge.channels;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Port: a durable record of each refund or cancellation sent to a channel that has no idempotency keys of its own
 * (eBay). {@link #begin} is written before the request leaves and must be conditional (first writer wins); once the
 * channel answered, {@link #complete} stores its id. After a crash or a lost response the gateway finds the attempt,
 * and compares the order's refunds with {@link Attempt#knownBefore()} to tell whether its request went through.
 */
public interface ActionAttempts {

    Optional<Attempt> find(String sellerId, String idempotencyKey);

    /** Records a new attempt; false when one with this key already exists (nothing written). */
    boolean begin(Attempt attempt);

    /** Stores the channel's id for the attempt (idempotent). */
    void complete(String sellerId, String idempotencyKey, String externalId);

    /**
     * @param kind         {@code refund} or {@code cancellation}
     * @param fingerprint  what was asked for (amounts, items, reason), so a reused key with another request is refused
     * @param knownBefore  the channel's ids of the order's refunds (or cancellations) before this attempt
     * @param request      the request exactly as sent, when a retry must send it again unchanged (Shopify compares a
     *                     repeated idempotency key's parameters); may be null
     * @param externalId   the channel's id once known, else null
     */
    record Attempt(String sellerId, String idempotencyKey, String orderId, String kind, String fingerprint,
                   Set<String> knownBefore, String request, Instant startedAt, String externalId) {
        public Attempt {
            Objects.requireNonNull(sellerId, "sellerId");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(fingerprint, "fingerprint");
            knownBefore = Set.copyOf(knownBefore);
            Objects.requireNonNull(startedAt, "startedAt");
        }

        public Attempt withExternalId(String id) {
            return new Attempt(sellerId, idempotencyKey, orderId, kind, fingerprint, knownBefore, request, startedAt, id);
        }
    }
}
