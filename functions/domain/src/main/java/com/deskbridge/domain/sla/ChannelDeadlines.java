package com.deskbridge.domain.sla;

import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The "marketplace deadline" per channel: the elapsed (wall-clock) time after the oldest unanswered buyer message
 * by which the channel itself expects a reply. Passing it is {@link Stage#MARKETPLACE_BREACHED}.
 *
 * <p>Defaults:
 * <ul>
 *   <li>{@code AMAZON} 24 h, fixed: Amazon's Contact Response Time, weekends and holidays included. It cannot be
 *       changed and applies to the Amazon channel only.</li>
 *   <li>{@code EBAY} 48 h, {@code SHOPIFY} 72 h, {@code EMAIL} 72 h: seller-configurable product defaults, not
 *       platform rules. None of these channels publishes a hard response deadline for messages the way Amazon
 *       does (a Shopify store and a mailbox have none at all; eBay lets a buyer ask eBay to step in on an
 *       unresolved return or not-received request after 3 business days). They are looser than Amazon's, eBay the
 *       tightest of them because it is a marketplace with seller ratings.</li>
 * </ul>
 * A configured deadline must be positive and at most {@link #MAX_DEADLINE} (30 days).
 */
public record ChannelDeadlines(Map<Channel, Duration> deadlines) {

    public static final Duration AMAZON_RESPONSE_DEADLINE = Duration.ofHours(24);
    public static final Duration MAX_DEADLINE = Duration.ofDays(30);

    /** @throws InvalidInputException naming {@code channelDeadlines.<channel>} */
    public ChannelDeadlines {
        if (deadlines == null) {
            throw new InvalidInputException("channelDeadlines", "is required");
        }
        Map<Channel, Duration> copy = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            Duration d = deadlines.get(channel);
            String field = "channelDeadlines." + channel.wireName();
            if (d == null) {
                throw new InvalidInputException(field, "is required");
            }
            if (d.isNegative() || d.isZero() || d.compareTo(MAX_DEADLINE) > 0) {
                throw new InvalidInputException(field, "must be positive and at most 30 days (was " + d + ")");
            }
            if (channel == Channel.AMAZON && !d.equals(AMAZON_RESPONSE_DEADLINE)) {
                throw new InvalidInputException(field, "is fixed by Amazon at 24 hours");
            }
            copy.put(channel, d);
        }
        deadlines = Collections.unmodifiableMap(copy);
    }

    /** The defaults listed above. */
    public static ChannelDeadlines defaults() {
        Map<Channel, Duration> map = new EnumMap<>(Channel.class);
        map.put(Channel.AMAZON, AMAZON_RESPONSE_DEADLINE);
        map.put(Channel.EBAY, Duration.ofHours(48));
        map.put(Channel.SHOPIFY, Duration.ofHours(72));
        map.put(Channel.EMAIL, Duration.ofHours(72));
        return new ChannelDeadlines(map);
    }

    /** A copy with one channel's deadline changed (Amazon's cannot be). */
    public ChannelDeadlines with(Channel channel, Duration deadline) {
        Map<Channel, Duration> map = new EnumMap<>(deadlines);
        map.put(channel, deadline);
        return new ChannelDeadlines(map);
    }

    /**
     * A copy with one channel's deadline changed, from raw values.
     *
     * @param channel wire name ({@code ebay})
     */
    public ChannelDeadlines withHours(String channel, long hours) {
        return with(Channel.parse(channel, "channelDeadlines"), Duration.ofHours(hours));
    }

    /** The deadline of a channel. */
    public Duration of(Channel channel) {
        return deadlines.get(channel);
    }
}
