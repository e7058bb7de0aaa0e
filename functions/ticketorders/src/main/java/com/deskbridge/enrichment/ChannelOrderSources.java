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

    /** @param name the channel as an agent reads it ({@code eBay}, {@code Shopify}) */
    record Orders(String name, OrderSource source) {
    }
}
