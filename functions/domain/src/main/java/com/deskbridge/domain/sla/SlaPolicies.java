package com.deskbridge.domain.sla;

import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * All SLA settings of one seller: the default {@link SellerSlaPolicy}, optional per-channel overrides (e.g. a
 * Shopify store answered by a team with other hours) and the {@link ChannelDeadlines}. A channel without an
 * override uses the default policy.
 */
public record SlaPolicies(SellerSlaPolicy sellerDefault, Map<Channel, SellerSlaPolicy> channelOverrides,
        ChannelDeadlines deadlines) {

    /** @throws InvalidInputException naming {@code sellerDefault}, {@code channelOverrides} or {@code channelDeadlines} */
    public SlaPolicies {
        if (sellerDefault == null) {
            throw new InvalidInputException("sellerDefault", "is required");
        }
        if (channelOverrides == null || channelOverrides.keySet().stream().anyMatch(Objects::isNull)
                || channelOverrides.values().stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("channelOverrides", "must map channels to policies");
        }
        if (deadlines == null) {
            throw new InvalidInputException("channelDeadlines", "is required");
        }
        channelOverrides = channelOverrides.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(channelOverrides));
    }

    /** One policy for every channel, default channel deadlines. */
    public static SlaPolicies of(SellerSlaPolicy sellerDefault) {
        return new SlaPolicies(sellerDefault, Map.of(), ChannelDeadlines.defaults());
    }

    /** A copy in which {@code channel} uses {@code policy}. */
    public SlaPolicies withOverride(Channel channel, SellerSlaPolicy policy) {
        Map<Channel, SellerSlaPolicy> map = new EnumMap<>(Channel.class);
        map.putAll(channelOverrides);
        map.put(channel, policy);
        return new SlaPolicies(sellerDefault, map, deadlines);
    }

    /** A copy with other channel deadlines. */
    public SlaPolicies withDeadlines(ChannelDeadlines newDeadlines) {
        return new SlaPolicies(sellerDefault, channelOverrides, newDeadlines);
    }

    /** The policy that applies to a channel. */
    public SellerSlaPolicy policyFor(Channel channel) {
        return channelOverrides.getOrDefault(channel, sellerDefault);
    }

    /** The channel's marketplace deadline. */
    public Duration marketplaceDeadline(Channel channel) {
        return deadlines.of(channel);
    }
}
