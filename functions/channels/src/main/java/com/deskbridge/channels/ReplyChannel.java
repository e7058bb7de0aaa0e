package com.deskbridge.channels;

import java.time.Instant;
import java.util.Objects;

/**
 * Port: sends an agent's reply to the buyer through the channel's own messaging (eBay's Message API
 * {@code sendMessage}). Shopify has none: its replies leave by e-mail from the shop's address like the e-mail
 * channel's.
 */
public interface ReplyChannel {

    /**
     * Sends {@code reply} once. The caller (the sender function) records the reply before and the outcome after; a
     * channel without idempotency keys can deliver a retried reply twice, so callers retry only when
     * {@link ChannelUnavailableException} says nothing was sent.
     *
     * @throws ChannelUnavailableException  nothing was sent, try again later
     * @throws ChannelRejectedException     the channel refused the reply for good (text too long, conversation closed)
     * @throws ChannelAuthorizationException the seller must authorise Deskbridge again
     */
    SentReply send(OutboundReply reply);

    /**
     * @param threadKey    the channel's conversation id from the buyer's message (the ticket's thread key)
     * @param buyerAddress the buyer's channel handle, used only when there is no conversation yet
     * @param messageKey   the reply's key on the ticket (for logs and correlation, not sent to the buyer)
     */
    record OutboundReply(String sellerId, String threadKey, String buyerAddress, String orderId, String text,
                         String messageKey) {
        public OutboundReply {
            Objects.requireNonNull(sellerId, "sellerId");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(messageKey, "messageKey");
            if ((threadKey == null || threadKey.isBlank()) && (buyerAddress == null || buyerAddress.isBlank())) {
                throw new IllegalArgumentException("a reply needs the conversation (thread key) or the buyer's handle");
            }
        }
    }

    /** The channel's id of the sent message and when the channel says it was sent. */
    record SentReply(String externalMessageId, Instant sentAt) {}
}
