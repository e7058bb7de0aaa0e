package com.deskbridge.channels;

import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.OrderCancellationCommand;
import com.deskbridge.orderactions.OrderSnapshot;
import com.deskbridge.orderactions.RefundCommand;
import com.deskbridge.orderactions.Violation;
import java.util.List;
import java.util.Optional;

/**
 * Port: refunds and cancellations of a channel's orders, shaped like Amazon's path in {@code functions/actions}: the
 * live order is read just before validation ({@link #liveOrder}) and checked with the shared
 * {@code OrderActionPolicy}; the validated command is then executed at the channel ({@link #refund},
 * {@link #cancel}) and its result confirmed ({@link #confirm}).
 *
 * <p>Every execution carries the action's idempotency key. Calling {@link #refund} or {@link #cancel} again with the
 * same key is always safe: money never moves twice. Shopify deduplicates by the key itself ({@code @idempotent});
 * eBay has no idempotency key, so its gateway records each attempt ({@link ActionAttempts}) and, after an attempt
 * whose outcome was lost, looks for the refund it made before it issues another.
 */
public interface OrderActionGateway {

    /**
     * The order as the refund and cancellation rules need it, with what the channel already refunded folded in; empty
     * when the seller has no such order at the channel.
     *
     * @throws ChannelUnavailableException   the channel cannot be read now
     * @throws ChannelAuthorizationException the seller must authorise Deskbridge again
     */
    Optional<OrderSnapshot> liveOrder(String sellerId, String orderId);

    /**
     * Checks a cancellation needs beyond the shared rules (eBay knows three seller cancel reasons; Shopify cancels
     * only orders without fulfilments). Empty when the channel accepts it.
     */
    List<Violation> cancellationViolations(OrderSnapshot order, CancellationRequest request);

    /** Executes a validated refund once per {@code idempotencyKey}. */
    ActionOutcome refund(RefundCommand command, String idempotencyKey);

    /** Executes a validated cancellation of a whole order once per {@code idempotencyKey}. */
    ActionOutcome cancel(OrderCancellationCommand command, String idempotencyKey);

    /** Asks the channel how a {@link ActionOutcome.Pending} action ended (refund settled, cancellation job done). */
    ActionOutcome confirm(String sellerId, String orderId, ActionOutcome.Pending pending);
}
