package com.deskbridge.automation;

import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.logistics.FulfilmentChannel;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One automatic-reply rule: the conditions a buyer message must meet and the macro that answers it. All conditions
 * must hold; an empty set or list means "any". Built by {@link BuiltInRules} or validated from a seller's
 * {@link RuleDefinition}; immutable.
 *
 * @param id            stable id; it also names the rule in decisions and audit
 * @param intents       intent wire names the message must have one of
 * @param channels      channels the message must have come through
 * @param windows       weekly ranges in the seller's time zone the message must have been received in (any of them)
 * @param requires      ticket data that must be known
 * @param orderChannels when not empty, the order must be known and fulfilled by one of these
 * @param macroId       the macro to render, or {@link AcknowledgementTemplate#ID}
 * @param builtIn       true for Deskbridge's own rules
 */
public record AutoReplyRule(String id, Set<String> intents, Set<Channel> channels, List<WeeklyRange> windows,
                            Set<DataRequirement> requires, Set<FulfilmentChannel> orderChannels, String macroId,
                            boolean builtIn) {
    /** Allowed ids: lower-case letters, digits and dashes, starting with a letter or digit, at most 64. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public AutoReplyRule {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be 1-64 lower-case letters, digits or dashes: " + id);
        }
        Objects.requireNonNull(macroId, "macroId");
        intents = Set.copyOf(intents);
        channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        windows = List.copyOf(windows);
        requires = requires.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(requires));
        orderChannels = orderChannels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(orderChannels));
    }

    /** Whether the rule sends the acknowledgement (stating when the seller answers) rather than an answer. */
    public boolean acknowledgement() {
        return AcknowledgementTemplate.ID.equals(macroId);
    }

    /**
     * Whether the message meets every condition. {@code zone} is the seller's time zone, in which the windows are
     * read.
     */
    public boolean matches(TicketFacts facts, ZoneId zone) {
        if (!intents.isEmpty() && (facts.intent() == null || !intents.contains(facts.intent()))) {
            return false;
        }
        if (!channels.isEmpty() && !channels.contains(facts.channel())) {
            return false;
        }
        if (!windows.isEmpty() && windows.stream().noneMatch(w -> w.contains(facts.receivedAt(), zone))) {
            return false;
        }
        if (!requires.stream().allMatch(r -> r.metBy(facts))) {
            return false;
        }
        return orderChannels.isEmpty()
                || facts.order().map(o -> orderChannels.contains(o.channel())).orElse(false);
    }
}
