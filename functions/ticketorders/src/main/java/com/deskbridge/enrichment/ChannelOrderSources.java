package com.deskbridge.enrichment;

import com.deskbridge.logistics.OrderSource;
import java.util.Optional;

/**
 * Port: where the order of a ticket from another channel than Amazon is read for its context (issue 15). A ticket
 * from eBay reads the seller's eBay account (Fulfillment API); a ticket from Shopify or a buyer's e-mail reads the
 * seller's Shopify store (Admin GraphQL API). Empty when the seller has no account on that channel, or the ticket came
 * from Amazon: the order is then read from SP-API as before (an Amazon order or a Multi-Channel Fulfillment order).
 */
@FunctionalInterface
public interface ChannelOrderSources {

    /** No channel besides Amazon. */
    ChannelOrderSources NONE = (seller, channel) -> Optional.empty();

    /**
     * @param ticketChannel the ticket's channel wire name ({@code amazon}, {@code ebay}, {@code shopify}, {@code email})
     */
    Optional<Orders> orders(String sellerId, String ticketChannel);

    /**
     * @param name   the channel as an agent reads it ({@code eBay}, {@code Shopify})
     * @param linker finds the order a buyer message is about when it names none; null where the channel has none
     */
    record Orders(String name, OrderSource source, OrderLinker linker) {
        public Orders(String name, OrderSource source) {
            this(name, source, null);
        }
    }

    /** Port: the order a buyer's message is about, from its subject, body and sender address (issue 15). */
    @FunctionalInterface
    interface OrderLinker {
        /**
         * @throws com.deskbridge.http.UpstreamException or another runtime exception when the channel could not be asked
         */
        Link link(String sellerId, String subject, String body, String senderAddress);
    }

    /** The order id to put on the ticket, or none and why (shown to the agent). */
    record Link(java.util.Optional<String> orderId, String reason) {
    }
}
