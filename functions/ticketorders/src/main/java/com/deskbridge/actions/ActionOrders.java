package com.deskbridge.actions;

import com.deskbridge.channels.ChannelAuthorizationException;
import com.deskbridge.http.MissingSecretException;
import com.deskbridge.orderactions.OrderSnapshot;
import com.deskbridge.orderactions.Violation;
import com.deskbridge.orderactions.ViolationReason;
import com.deskbridge.spapi.LwaAuthException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The live order a request is validated against: the ticket's channel (eBay, Shopify) when its gateway knows the
 * order, otherwise Amazon's (SP-API, whose ship-to address is watched for changes). A channel or Amazon account that
 * is not connected, or an order the seller does not have, refuses the request with what the agent can do.
 */
final class ActionOrders {

    private final LiveOrders amazon;
    private final ChannelGateways channels;
    private final ShipToWatch shipTo;
    private final Clock clock;

    /** @param shipTo records where each Amazon order read goes (null: not watched) */
    ActionOrders(LiveOrders amazon, ChannelGateways channels, ShipToWatch shipTo, Clock clock) {
        this.amazon = Objects.requireNonNull(amazon);
        this.channels = Objects.requireNonNull(channels);
        this.shipTo = shipTo;
        this.clock = Objects.requireNonNull(clock);
    }

    /** The order found, or the request's refusal. */
    sealed interface Lookup permits Found, Refused {
    }

    /**
     * @param channel         the channel that holds the order (null: Amazon)
     * @param shipToChangedAt when the Amazon order's ship-to address last changed, as far as it was watched
     */
    record Found(OrderSnapshot snapshot, ChannelGateways.Gateway channel, Optional<java.time.Instant> shipToChangedAt)
            implements Lookup {
        Found withSnapshot(OrderSnapshot other) {
            return new Found(other, channel, shipToChangedAt);
        }
    }

    record Refused(ActionResult result) implements Lookup {
    }

    Lookup load(String sellerId, String ticketChannel, String orderId) {
        Optional<ChannelGateways.Gateway> channel = channels.forTicket(sellerId, ticketChannel);
        if (channel.isPresent()) {
            try {
                Optional<OrderSnapshot> order = channel.get().gateway().liveOrder(sellerId, orderId);
                if (order.isPresent()) {
                    return new Found(order.get(), channel.get(), Optional.empty());
                }
            } catch (ChannelAuthorizationException e) {
                return new Refused(new ActionResult.NotConnected("the seller's " + channel.get().name() + " account is no longer "
                        + "connected: " + channel.get().name() + " refused the stored authorisation (revoked or expired); "
                        + "authorise Deskbridge again"));
            }
        }
        return amazon(sellerId, orderId);
    }

    private Lookup amazon(String sellerId, String orderId) {
        Optional<LiveOrders.Loaded> live;
        try {
            live = amazon.load(sellerId, orderId);
        } catch (MissingSecretException e) {
            return new Refused(new ActionResult.NotConnected("the seller's Amazon account is not connected: no SP-API authorisation "
                    + "is stored for this seller; authorise Deskbridge in Seller Central and try again"));
        } catch (LwaAuthException e) {
            if (!e.reauthorisationNeeded()) {
                throw e;
            }
            return new Refused(new ActionResult.NotConnected("the seller's Amazon account is no longer connected: Amazon refused the "
                    + "stored authorisation (revoked or expired); authorise Deskbridge in Seller Central again"));
        }
        if (live.isEmpty()) {
            return new Refused(new ActionResult.Rejected(List.of(new Violation("orderId", ViolationReason.FOREIGN_ORDER,
                    "order " + orderId + " not found for this seller"))));
        }
        Optional<java.time.Instant> shipToChangedAt = shipTo == null ? Optional.empty()
                : shipTo.observe(sellerId, orderId, live.get().shipTo(), clock.instant());
        return new Found(live.get().snapshot(), null, shipToChangedAt);
    }
}
