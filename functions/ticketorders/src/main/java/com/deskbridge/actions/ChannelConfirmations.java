package com.deskbridge.actions;

import com.deskbridge.channels.ActionOutcome;
import com.deskbridge.channels.ChannelAuthorizationException;
import com.deskbridge.channels.ChannelRejectedException;
import com.deskbridge.channels.ChannelUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The confirmation schedule of eBay and Shopify actions (issue 15: "confirmed back"), the channels' counterpart of
 * the actions function's FeedPoller for Amazon's feeds, run by the same schedule: a refund or cancellation the channel accepted
 * but has not settled (SUBMITTED: eBay's refund {@code PENDING}, Shopify's cancellation job running) is on a sparse,
 * write-sharded index by the time of its next check ({@link ConfirmationIndex#due}, no scan). Each run claims
 * what is due ({@link ConfirmationIndex#claim}, conditional: of two overlapping runs one asks the channel), asks
 * the channel ({@link com.deskbridge.channels.OrderActionGateway#confirm}) and records the final state with the
 * action's conditional transition, so it is recorded exactly once, whether the schedule or an agent's read sees it
 * first. Checks back off from every run to every {@code maxInterval}. A channel that cannot be reached (outage, call
 * limit reached) leaves the action as it is for a later run, and this run asks that seller's channel nothing more.
 * After {@code attentionAfter} without a final answer the action becomes ATTENTION_REQUIRED with the reason the agent
 * reads; checks go on (a late answer still lands) until {@code giveUpAfter}.
 */
public final class ChannelConfirmations {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelConfirmations.class);

    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofMinutes(30);
    public static final Duration DEFAULT_ATTENTION_AFTER = Duration.ofHours(24);
    public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofDays(7);
    /** Checks per run: within the schedule function's minute and far within eBay's and Shopify's limits. */
    public static final int DEFAULT_MAX_PER_RUN = 50;
    private static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    private final ActionStore store;
    private final ChannelGateways channels;
    private final ChannelExecutor executor;
    private final AuditTrail audit;
    private final Settings settings;
    private final Clock clock;

    /** How often and how long channels are asked. */
    public record Settings(Duration maxInterval, Duration attentionAfter, Duration giveUpAfter, int maxPerRun) {
        public static final Settings DEFAULT = new Settings(DEFAULT_MAX_INTERVAL, DEFAULT_ATTENTION_AFTER, DEFAULT_GIVE_UP_AFTER,
                DEFAULT_MAX_PER_RUN);
    }

    /** What one run did. */
    public record Run(int checked, int completed, int failed, int attention, int unavailable) {
    }

    public ChannelConfirmations(ActionStore store, ChannelGateways channels, AuditTrail audit, Settings settings, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.channels = Objects.requireNonNull(channels);
        this.audit = Objects.requireNonNull(audit);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.executor = new ChannelExecutor(store, audit, clock);
    }

    public Run run() {
        Instant now = clock.instant();
        int checked = 0;
        int completed = 0;
        int failed = 0;
        int attention = 0;
        int unavailable = 0;
        Set<String> down = new HashSet<>(); // seller|channel that did not answer in this run: not asked again now
        for (ConfirmationIndex.ConfirmationRef due : store.confirmations().due(now, settings.maxPerRun())) {
            Optional<OrderAction> found = store.get(due.sellerId(), due.ticketId(), due.actionId());
            if (found.isEmpty() || found.get().channel() == null || found.get().channel().pendingKind() == null
                    || found.get().channel().externalId() == null) {
                store.confirmations().drop(due);
                continue;
            }
            OrderAction action = found.get();
            String channel = action.channel().name();
            if (down.contains(action.sellerId() + "|" + channel)) {
                continue; // stays due: the next run asks
            }
            Duration age = Duration.between(due.submittedAt(), now);
            if (!store.confirmations().claim(due, now.plus(interval(age)))) {
                continue; // another run took it, or the action was settled meanwhile
            }
            checked++;
            String unanswered;
            try {
                ActionOutcome outcome = ask(action);
                if (!(outcome instanceof ActionOutcome.Pending)) {
                    OrderAction moved = executor.record(action, action.state(), outcome);
                    if (moved.state() == ActionState.COMPLETED) {
                        completed++;
                    } else if (moved.state() == ActionState.FAILED) {
                        failed++;
                    }
                    continue;
                }
                unanswered = channel + " still reports it pending";
            } catch (ChannelUnavailableException e) {
                down.add(action.sellerId() + "|" + channel);
                unavailable++;
                LOG.warn("action {}: {} not reachable for its confirmation, checked again later: {}", action.actionId(), channel,
                        e.getMessage());
                unanswered = channel + " could not be reached";
            }
            if (age.compareTo(settings.giveUpAfter()) >= 0) {
                LOG.warn("action {}: no confirmation from {} after {}; no longer checked", action.actionId(), channel, age);
                store.confirmations().drop(due);
            } else if (action.state() == ActionState.SUBMITTED && age.compareTo(settings.attentionAfter()) >= 0) {
                attention += flag(action, due, now, unanswered, age);
            }
        }
        return new Run(checked, completed, failed, attention, unavailable);
    }

    /** The channel's answer; refusals and a withdrawn authorisation are final outcomes, an outage an exception. */
    private ActionOutcome ask(OrderAction action) {
        String channel = action.channel().name();
        Optional<ChannelGateways.Gateway> gateway;
        try {
            gateway = channels.forTicket(action.sellerId(), channel).filter(g -> g.name().equals(channel));
        } catch (RuntimeException e) {
            throw new ChannelUnavailableException("the seller's " + channel + " account could not be read: " + e.getMessage(), null, e);
        }
        if (gateway.isEmpty()) {
            throw new ChannelUnavailableException("the seller has no " + channel + " account connected now", null, null);
        }
        ActionOutcome.Pending pending = new ActionOutcome.Pending(action.channel().externalId(), action.channel().pendingKind(),
                "awaiting confirmation");
        try {
            return gateway.get().gateway().confirm(action.sellerId(), action.orderId(), pending);
        } catch (ChannelRejectedException e) {
            return new ActionOutcome.Rejected(action.channel().externalId(), e.code(), e.getMessage());
        } catch (ChannelAuthorizationException e) {
            throw new ChannelUnavailableException(channel + " refused the seller's authorisation (connect " + channel + " again)", null, e);
        } catch (ChannelUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ChannelUnavailableException(channel + " answered unexpectedly: " + e, null, e);
        }
    }

    /** SUBMITTED → ATTENTION_REQUIRED with the reason, staying on the schedule so a late answer still lands. */
    private int flag(OrderAction action, ConfirmationIndex.ConfirmationRef due, Instant now, String unanswered, Duration age) {
        String channel = action.channel().name();
        Map<String, String> fields = new HashMap<>(ConfirmationIndex.fields(action, now.plus(interval(age)), due.submittedAt()));
        fields.put("error", "No confirmation from " + channel + " " + action.channel().externalId() + " after " + age.toHours()
                + " hours (" + unanswered + "). The " + action.type().name().toLowerCase(java.util.Locale.ROOT)
                + " may still be applied: check it in " + channel + " before doing it again.");
        Optional<OrderAction> moved = store.transition(action, ActionStore.states(ActionState.SUBMITTED), ActionState.ATTENTION_REQUIRED,
                null, fields, now);
        moved.ifPresent(a -> {
            try {
                audit.record(a, AuditTrail.ATTENTION_REQUIRED, now);
            } catch (RuntimeException e) {
                LOG.error("action {} needs attention but its evidence entry was not written: {}", a.actionId(), e.toString());
            }
        });
        return moved.isPresent() ? 1 : 0;
    }

    /** A quarter of the action's age, at least a minute, at most {@code maxInterval}. */
    private Duration interval(Duration age) {
        Duration quarter = age.dividedBy(4);
        if (quarter.compareTo(MIN_INTERVAL) < 0) {
            return MIN_INTERVAL;
        }
        return quarter.compareTo(settings.maxInterval()) > 0 ? settings.maxInterval() : quarter;
    }
}
