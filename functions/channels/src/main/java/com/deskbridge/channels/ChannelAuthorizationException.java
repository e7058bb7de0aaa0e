package com.deskbridge.channels;

/**
 * The seller's authorisation for a channel is missing, revoked or expired (an OAuth refresh token the channel no
 * longer accepts): no retry helps until the seller authorises Deskbridge again. The message names the seller and the
 * secret, never its value.
 */
public class ChannelAuthorizationException extends RuntimeException {

    public ChannelAuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
