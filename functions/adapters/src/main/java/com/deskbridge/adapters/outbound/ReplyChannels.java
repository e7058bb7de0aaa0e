package com.deskbridge.adapters.outbound;

import com.deskbridge.domain.port.OutboundChannels;
import com.deskbridge.domain.ticket.Channel;
import java.util.EnumSet;
import java.util.Set;

/**
 * The channels a reply can leave Deskbridge by, as deployed: Amazon only (SMTP to the buyer's relay alias, the
 * sender function's {@code SmtpOutboundChannel}; https://sellercentral.amazon.com/help/hub/reference/external/G201709450).
 * eBay, Shopify and plain e-mail have no outbound adapter yet: agents answer those in the channel's own tool. The
 * sender function and the API both ask this one list.
 */
public final class ReplyChannels implements OutboundChannels {
    /** What the functions deploy. */
    public static final ReplyChannels DEPLOYED = new ReplyChannels(EnumSet.of(Channel.AMAZON));

    private final Set<Channel> sendable;

    public ReplyChannels(Set<Channel> sendable) {
        this.sendable = sendable.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sendable));
    }

    @Override
    public boolean canSend(Channel channel) {
        return sendable.contains(channel);
    }

    public Set<Channel> sendable() {
        return sendable;
    }
}
