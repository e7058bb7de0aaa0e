package com.deskbridge.actions;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One refund or cancellation as stored under its ticket: who asked, what (the validated command as JSON, so the feed
 * can be rebuilt by any submitter), and where it stands. This is what {@code GET /tickets/{id}/actions/{actionId}}
 * shows.
 *
 * @param amount       net amount paid back (refunds), else null
 * @param currency     the order currency (refunds), else null
 * @param reason       Amazon's adjustment or cancel reason
 * @param commandJson  the validated command ({@link CommandJson})
 * @param feedAttemptId the feed attempt that claimed the action, until it is submitted
 * @param feedId       Amazon's feed id once submitted
 * @param messageId    the MessageID inside that feed
 * @param error        Amazon's error text (FAILED) or why a person must look (ATTENTION_REQUIRED)
 * @param decision     a lead's approval or rejection of a refund that awaited it, else null
 */
public record OrderAction(String sellerId, String ticketId, String actionId, ActionType type, ActionState state,
                          String orderId, String marketplaceId, String agentId, String amount, String currency,
                          String reason, Instant requestedAt, Instant buyerRequestAt, Instant updatedAt,
                          String commandJson, String feedAttemptId, String feedId, Long messageId, String error,
                          Decision decision, ChannelRef channel) {

    /**
     * Where an action on an eBay or Shopify order went (null for Amazon's: feed or Fulfillment Outbound).
     *
     * @param name        {@code ebay} or {@code shopify}
     * @param externalId  the channel's id of the refund or cancellation once it gave one
     * @param pendingKind {@code refund} or {@code cancellation} while the channel has not confirmed it yet, else null
     */
    public record ChannelRef(String name, String externalId, String pendingKind) {
        public ChannelRef {
            Objects.requireNonNull(name, "name");
        }
    }

    /** An action on an Amazon order (feed or Fulfillment Outbound). */
    public OrderAction(String sellerId, String ticketId, String actionId, ActionType type, ActionState state,
                       String orderId, String marketplaceId, String agentId, String amount, String currency,
                       String reason, Instant requestedAt, Instant buyerRequestAt, Instant updatedAt,
                       String commandJson, String feedAttemptId, String feedId, Long messageId, String error,
                       Decision decision) {
        this(sellerId, ticketId, actionId, type, state, orderId, marketplaceId, agentId, amount, currency, reason, requestedAt,
                buyerRequestAt, updatedAt, commandJson, feedAttemptId, feedId, messageId, error, decision, null);
    }

    /** Who decided about a refund that awaited approval, when, and how. */
    public record Decision(boolean approved, String by, Instant at) {
        public Decision {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    /** An action nobody had to approve (or not yet). */
    public OrderAction(String sellerId, String ticketId, String actionId, ActionType type, ActionState state,
                       String orderId, String marketplaceId, String agentId, String amount, String currency,
                       String reason, Instant requestedAt, Instant buyerRequestAt, Instant updatedAt,
                       String commandJson, String feedAttemptId, String feedId, Long messageId, String error) {
        this(sellerId, ticketId, actionId, type, state, orderId, marketplaceId, agentId, amount, currency, reason, requestedAt,
                buyerRequestAt, updatedAt, commandJson, feedAttemptId, feedId, messageId, error, null, null);
    }

    public OrderAction {
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** This action with another state (everything else kept). */
    public OrderAction withState(ActionState next) {
        return new OrderAction(sellerId, ticketId, actionId, type, next, orderId, marketplaceId, agentId, amount, currency, reason,
                requestedAt, buyerRequestAt, updatedAt, commandJson, feedAttemptId, feedId, messageId, error, decision, channel);
    }

    /** This action sent to {@code ref}'s channel instead of Amazon. */
    public OrderAction onChannel(ChannelRef ref) {
        return new OrderAction(sellerId, ticketId, actionId, type, state, orderId, marketplaceId, agentId, amount, currency, reason,
                requestedAt, buyerRequestAt, updatedAt, commandJson, feedAttemptId, feedId, messageId, error, decision, ref);
    }

    public Optional<String> feed() {
        return Optional.ofNullable(feedId);
    }

    /** Whole minutes from the buyer's request to {@code at} (audit: how long the buyer waited), or null when unknown. */
    public String minutesSinceBuyerRequest(Instant at) {
        return buyerRequestAt == null ? null : Long.toString(Math.max(0, Duration.between(buyerRequestAt, at).toMinutes()));
    }
}
