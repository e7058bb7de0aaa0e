package com.deskbridge.adapters.outbound;

import com.deskbridge.domain.port.OutboundChannels;
import com.deskbridge.domain.ticket.Channel;
import java.util.EnumSet;
import java.util.Set;

/**
 * A fixed set of channels replies can leave by, whoever the seller: {@link #DEPLOYED} is Amazon alone (SMTP to the
 * buyer's relay alias, https://sellercentral.amazon.com/help/hub/reference/external/G201709450), what needs no seller
 * configuration. The functions ask {@link SellerReplyChannels}, which adds eBay, Shopify and e-mail for the sellers who
 * set them up; this class serves compositions without Secrets Manager (contract tests).
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
