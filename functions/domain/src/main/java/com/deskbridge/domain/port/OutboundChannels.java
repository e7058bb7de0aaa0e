package com.deskbridge.domain.port;

import com.deskbridge.domain.ticket.Channel;

/**
 * The outbound side's answer to "can a reply on this channel be sent?": the API refuses a reply it could not send
 * before anything is recorded (the clock keeps running), and the sender wires an adapter for exactly these channels.
 */
@FunctionalInterface
public interface OutboundChannels {

    boolean canSend(Channel channel);
}
