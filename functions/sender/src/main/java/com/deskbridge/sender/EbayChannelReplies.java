package com.deskbridge.sender;

import com.deskbridge.channels.ChannelAuthorizationException;
import com.deskbridge.channels.ChannelRejectedException;
import com.deskbridge.channels.ChannelUnavailableException;
import com.deskbridge.channels.ReplyChannel;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.outbound.SendResult;
import java.util.Objects;

/**
 * eBay tickets' replies through the {@link ReplyChannel} port (eBay's Message API {@code sendMessage},
 * https://developer.ebay.com/api-docs/commerce/message/resources/conversation/methods/sendMessage, request type
 * https://developer.ebay.com/api-docs/commerce/message/types/m2m:SendMessageRequest): the reply is sent with the
 * ticket's thread key as {@code conversationId}, the conversation the buyer's message came in (eBay: "the conversationId
 * must be used when sending a message in an existing conversation"), so it continues that conversation; the buyer's
 * eBay user name ({@code otherPartyUsername}) is used only for a ticket without one (it starts a conversation). A channel
 * that is unavailable (call limit, outage) is tried again; a refusal (text too long, conversation closed) or a lost
 * authorisation fails for good with the channel's reason, so the ticket reopens with it.
 */
public final class EbayChannelReplies implements ChannelReplies {

    private final ReplyChannel ebay;

    public EbayChannelReplies(ReplyChannel ebay) {
        this.ebay = Objects.requireNonNull(ebay);
    }

    @Override
    public SendResult send(TicketDetail ticket, TicketMessage reply) {
        ReplyChannel.OutboundReply outbound;
        try {
            outbound = new ReplyChannel.OutboundReply(ticket.ticket().seller().value(), ticket.ticket().threadKey(),
                    ticket.ticket().buyer(),
                    ticket.ticket().orderId(), reply.body(), reply.messageKey());
        } catch (IllegalArgumentException | NullPointerException e) {
            return new SendResult.PermanentFailure("cannot address the eBay reply: " + e.getMessage());
        }
        try {
            return new SendResult.Sent(ebay.send(outbound).externalMessageId());
        } catch (ChannelUnavailableException e) {
            return new SendResult.RetryableFailure("eBay is unavailable: " + e.getMessage());
        } catch (ChannelRejectedException e) {
            return new SendResult.PermanentFailure("eBay refused the reply (" + e.code() + "): " + e.getMessage());
        } catch (ChannelAuthorizationException e) {
            return new SendResult.PermanentFailure("the seller's eBay authorisation is missing or revoked: authorise "
                    + "Deskbridge on eBay again, then resend");
        } catch (IllegalStateException e) {
            // no eBay account for the seller (its secret is gone or incomplete): names the secret, never a value
            return new SendResult.PermanentFailure("the seller's eBay account cannot be read: " + e.getMessage());
        }
    }
}
