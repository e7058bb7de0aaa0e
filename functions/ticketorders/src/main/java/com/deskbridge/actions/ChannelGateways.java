package com.deskbridge.actions;

import com.deskbridge.channels.OrderActionGateway;
import java.util.Optional;

/**
 * Port: the channel (eBay, Shopify) that may hold the order of a ticket, with its {@link OrderActionGateway}. A ticket
 * from eBay asks the seller's eBay account; a ticket from Shopify or a buyer's e-mail asks the seller's Shopify store.
 * Empty when the seller has no account on that channel (or the ticket came from Amazon): then the order is Amazon's
 * (an Amazon order or a Multi-Channel Fulfillment order) and takes Amazon's path unchanged.
 */
@FunctionalInterface
public interface ChannelGateways {

    /** No channel besides Amazon (the actions function, tests about Amazon). */
    ChannelGateways NONE = (seller, channel) -> Optional.empty();

    /**
     * @param ticketChannel the ticket's channel wire name ({@code amazon}, {@code ebay}, {@code shopify}, {@code email})
     */
    Optional<Gateway> forTicket(String sellerId, String ticketChannel);

    /** @param name the channel's wire name ({@code ebay}, {@code shopify}), stored on the action */
    record Gateway(String name, OrderActionGateway gateway) {
    }
}
