package com.deskbridge.ebay;

import com.deskbridge.channels.ChannelRejectedException;
import com.deskbridge.channels.ReplyChannel;
import com.deskbridge.http.UpstreamException;
import java.util.Objects;

/**
 * {@link ReplyChannel} over eBay's Message API {@code sendMessage}: the reply goes into the buyer's conversation (the
 * ticket's thread key), or starts one with the buyer's eBay user name when the ticket has none. eBay takes at most
 * 2,000 characters; a longer reply is refused before anything is sent, so the agent can shorten it.
 */
public final class EbayReplies implements ReplyChannel {

    private final EbayClient ebay;
    private final EbaySellers sellers;

    public EbayReplies(EbayClient ebay, EbaySellers sellers) {
        this.ebay = Objects.requireNonNull(ebay);
        this.sellers = Objects.requireNonNull(sellers);
    }

    @Override
    public SentReply send(OutboundReply reply) {
        if (reply.text().isBlank()) {
            throw new ChannelRejectedException("empty-message", "An eBay message needs text.");
        }
        if (reply.text().length() > EbayMessagesClient.MAX_TEXT) {
            throw new ChannelRejectedException("message-too-long", "eBay messages hold at most " + EbayMessagesClient.MAX_TEXT
                    + " characters; this reply has " + reply.text().length() + ".");
        }
        EbayAccount account = sellers.account(reply.sellerId());
        try {
            EbayMessage sent = ebay.messages().send(account, reply.threadKey(), reply.buyerAddress(), null, reply.text());
            return new SentReply(sent.messageId(), sent.createdDate());
        } catch (UpstreamException e) {
            throw EbayFailures.translate(e, reply.sellerId(), "sending a reply");
        }
    }
}
