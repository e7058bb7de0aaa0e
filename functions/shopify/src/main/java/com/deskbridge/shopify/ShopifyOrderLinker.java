package com.deskbridge.shopify;

import com.deskbridge.channels.OrderReferences;
import com.deskbridge.http.UpstreamException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Links a buyer's e-mail to a store's order (issue 15). First an order name or number in the subject or body
 * ({@link OrderReferences}, with the store's prefixes) that belongs to the sender: an order named in the mail but
 * placed with another e-mail address is not linked (an agent must not see a stranger's order because a buyer typed its
 * number); at most three named candidates are looked up. Else the sender's orders are looked up by their e-mail
 * (Admin GraphQL {@code orders(query: "email:…", sortKey: CREATED_AT, reverse: true)},
 * https://shopify.dev/docs/api/admin-graphql/latest/queries/orders, search syntax
 * https://shopify.dev/docs/api/usage/search-syntax) and linked by one rule: <b>the sender's only order placed in the
 * last {@value #WINDOW_DAYS} days</b>. None in that window, or two or more, leave the mail unlinked with the reason, so
 * the agent asks the buyer instead of answering about the wrong order.
 */
public final class ShopifyOrderLinker {

    /** The window in which a sender's single order is taken for the one the mail is about. */
    public static final int WINDOW_DAYS = 60;
    private static final int MAX_CANDIDATES = 3;

    private final ShopifyClient shopify;
    private final ShopifyShops shops;
    private final Clock clock;

    public ShopifyOrderLinker(ShopifyClient shopify, ShopifyShops shops, Clock clock) {
        this.shopify = Objects.requireNonNull(shopify);
        this.shops = Objects.requireNonNull(shops);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The outcome: the order name to put on the ticket, or none and why (for the agent). */
    public record Link(Optional<String> orderName, String reason) {
        static Link to(String name, String reason) {
            return new Link(Optional.of(name), reason);
        }

        static Link none(String reason) {
            return new Link(Optional.empty(), reason);
        }
    }

    /** The order name to put on the ticket, if any. */
    public Optional<String> orderFor(String sellerId, String subject, String body, String senderEmail) {
        return link(sellerId, subject, body, senderEmail).orderName();
    }

    /** The order the mail is about by the rules above, or why none is linked. */
    public Link link(String sellerId, String subject, String body, String senderEmail) {
        ShopifyShop shop = shops.shop(sellerId);
        String sender = senderEmail == null ? null : senderEmail.trim().toLowerCase(Locale.ROOT);
        try {
            List<String> candidates = OrderReferences.find(subject, body, Set.copyOf(shop.orderPrefixes()));
            for (String name : candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()))) {
                Optional<ShopifyOrder> order = shopify.orders().byName(shop, name);
                if (order.isPresent() && (sender == null || order.get().email().map(e -> e.equalsIgnoreCase(sender)).orElse(false))) {
                    return Link.to(order.get().name(), "order " + order.get().name() + " named in the message");
                }
            }
            if (sender == null || sender.isBlank()) {
                return Link.none("no order named in the message and no sender address to look one up");
            }
            return bySender(shop, sender, candidates.isEmpty() ? "no order named in the message"
                    : "the order named in the message is not the sender's");
        } catch (UpstreamException e) {
            throw ShopifyFailures.translate(e, sellerId, "finding the order of an e-mail");
        }
    }

    /** The sender's two newest orders: linked only when exactly one falls into the window. */
    private Link bySender(ShopifyShop shop, String sender, String why) {
        Instant since = clock.instant().minus(Duration.ofDays(WINDOW_DAYS));
        List<ShopifyOrdersClient.OrderRef> recent = shopify.orders().byEmail(shop, sender, 2).stream()
                .filter(o -> o.createdAt() != null && !o.createdAt().isBefore(since)).toList();
        if (recent.size() == 1) {
            return Link.to(recent.get(0).name(), why + "; " + recent.get(0).name() + " is the sender's only order of the last "
                    + WINDOW_DAYS + " days");
        }
        return Link.none(why + "; the sender has " + (recent.isEmpty() ? "no order" : "several orders") + " in the last "
                + WINDOW_DAYS + " days, so none is linked: ask the buyer which order they mean");
    }
}
