package com.deskbridge.shopify;

import com.deskbridge.channels.OrderReferences;
import com.deskbridge.http.UpstreamException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Links a buyer's e-mail to a store's order (issue 15): an order name or number in the subject or body
 * ({@link OrderReferences}, with the store's prefixes) that belongs to the sender, else the sender's most recent order.
 * An order named in the mail but placed with another e-mail address is not linked: an agent must not see a stranger's
 * order because a buyer typed its number. At most three named candidates are looked up.
 */
public final class ShopifyOrderLinker {

    private static final int MAX_CANDIDATES = 3;

    private final ShopifyClient shopify;
    private final ShopifyShops shops;

    public ShopifyOrderLinker(ShopifyClient shopify, ShopifyShops shops) {
        this.shopify = Objects.requireNonNull(shopify);
        this.shops = Objects.requireNonNull(shops);
    }

    /** The order name to put on the ticket, if any. */
    public Optional<String> orderFor(String sellerId, String subject, String body, String senderEmail) {
        ShopifyShop shop = shops.shop(sellerId);
        String sender = senderEmail == null ? null : senderEmail.trim().toLowerCase(Locale.ROOT);
        try {
            List<String> candidates = OrderReferences.find(subject, body, Set.copyOf(shop.orderPrefixes()));
            for (String name : candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()))) {
                Optional<ShopifyOrder> order = shopify.orders().byName(shop, name);
                if (order.isPresent() && (sender == null || order.get().email().map(e -> e.equalsIgnoreCase(sender)).orElse(false))) {
                    return Optional.of(order.get().name());
                }
            }
            if (sender == null || sender.isBlank()) {
                return Optional.empty();
            }
            return shopify.orders().byEmail(shop, sender, 1).stream().findFirst().map(ShopifyOrdersClient.OrderRef::name);
        } catch (UpstreamException e) {
            throw ShopifyFailures.translate(e, sellerId, "finding the order of an e-mail");
        }
    }
}
