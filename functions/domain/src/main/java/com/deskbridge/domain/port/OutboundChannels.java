package com.deskbridge.domain.port;

import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.SellerId;

/**
 * The outbound side's answer to "can a reply on this channel be sent?": the API refuses a reply it could not send
 * before anything is recorded (the clock keeps running), and the sender wires an adapter for exactly these channels.
 */
@FunctionalInterface
public interface OutboundChannels {

    boolean canSend(Channel channel);

    /**
     * Whether a reply of {@code seller} on {@code channel} can leave: the channel has an outbound adapter and the seller
     * has configured it (an eBay authorisation, a shop address to send mail from). By default the channel alone decides.
     */
    default boolean canSend(SellerId seller, Channel channel) {
        return canSend(channel);
    }
}
