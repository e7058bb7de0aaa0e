package com.deskbridge.outbound;

/**
 * Where a reply leaves Deskbridge: one implementation per marketplace channel (for Amazon, e-mail to the buyer's
 * relay alias; there is no SP-API for replies, https://github.com/amzn/selling-partner-api-models/issues/4696). A send never throws for delivery problems: it returns a {@link SendResult}
 * so the caller can retry a {@link SendResult.RetryableFailure} and flag a {@link SendResult.PermanentFailure} on
 * the ticket — a reply is never silently lost. Implementations are thread-safe.
 */
public interface OutboundChannel {

    /** Sends one reply; retrying with the same {@link OutboundReply#idempotencyKey()} reuses its Message-ID. */
    SendResult send(OutboundReply reply);
}
