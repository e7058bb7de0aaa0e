package com.deskbridge.actions;

import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a recorded action goes next: an Amazon refund or cancellation waits in the queue for the feed submitter (which
 * is triggered), an MCF cancellation is executed at once ({@link McfCanceller}), and an eBay or Shopify action is
 * executed at its channel at once and confirmed from there ({@link ChannelExecutor}).
 */
final class ActionDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(ActionDispatch.class);

    private final McfCanceller mcf;
    private final ChannelExecutor channelActions;
    private final ChannelGateways channels;
    private final SubmitTrigger trigger;

    ActionDispatch(McfCanceller mcf, ChannelExecutor channelActions, ChannelGateways channels, SubmitTrigger trigger) {
        this.mcf = Objects.requireNonNull(mcf);
        this.channelActions = Objects.requireNonNull(channelActions);
        this.channels = Objects.requireNonNull(channels);
        this.trigger = Objects.requireNonNull(trigger);
    }

    /** A newly recorded action, on {@code channel} (null: Amazon's). */
    OrderAction recorded(OrderAction action, ChannelGateways.Gateway channel) {
        if (action.type() == ActionType.MCF_CANCELLATION) {
            return mcf.execute(action);
        }
        if (channel != null) {
            return channelActions.execute(action, channel.gateway());
        }
        if (action.state() == ActionState.QUEUED) {
            notifySubmitter(action.sellerId());
        }
        return action;
    }

    /** A replayed request: an action executed at once that is still QUEUED (its execution was cut short) is tried again. */
    OrderAction resumed(OrderAction action) {
        if (action.type() == ActionType.MCF_CANCELLATION && action.state() == ActionState.QUEUED) {
            action = mcf.execute(action);
        }
        if (action.channel() != null && action.state() == ActionState.QUEUED) {
            OrderAction queued = action;
            action = gatewayFor(action).map(g -> channelActions.execute(queued, g.gateway())).orElse(action);
        }
        return settle(action);
    }

    /** A refund a lead approved: executed at its channel at once, or queued for the feed submitter. */
    OrderAction approved(OrderAction decided) {
        if (decided.channel() != null) {
            return gatewayFor(decided).map(g -> channelActions.execute(decided, g.gateway())).orElse(decided);
        }
        notifySubmitter(decided.sellerId());
        return decided;
    }

    /**
     * A channel action the channel has not confirmed yet (SUBMITTED) is confirmed by asking the channel when it is read,
     * so the agent sees its final state; every other action as stored.
     */
    OrderAction settle(OrderAction action) {
        if (action.channel() == null || action.state() != ActionState.SUBMITTED) {
            return action;
        }
        return gatewayFor(action).map(g -> channelActions.confirm(action, g.gateway())).orElse(action);
    }

    private Optional<ChannelGateways.Gateway> gatewayFor(OrderAction action) {
        try {
            return channels.forTicket(action.sellerId(), action.channel().name())
                    .filter(g -> g.name().equals(action.channel().name()));
        } catch (RuntimeException e) {
            LOG.warn("action {}: {} gateway not available: {}", action.actionId(), action.channel().name(), e.toString());
            return Optional.empty();
        }
    }

    private void notifySubmitter(String sellerId) {
        try {
            trigger.actionQueued(sellerId);
        } catch (RuntimeException e) {
            LOG.warn("could not trigger the feed submitter for seller {} (the schedule will pick it up): {}", sellerId, e.toString());
        }
    }
}
