package com.deskbridge.api;

import com.deskbridge.domain.port.TicketSearch;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketSummary;
import com.deskbridge.enrichment.ChannelOrderSources;
import com.deskbridge.enrichment.EnrichmentQueue;
import com.deskbridge.enrichment.EnrichmentRequest;
import com.deskbridge.logistics.OrderSummary;
import com.deskbridge.shopify.ShopifyWebhooks;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Shopify's order webhooks ({@code orders/updated}, {@code refunds/create}; also {@code orders/cancelled},
 * {@code orders/fulfilled}) for one seller's store: verified by their HMAC ({@link ShopifyWebhooks}, constant time,
 * before the body is read), de-duplicated by {@code X-Shopify-Webhook-Id} (Shopify may deliver a webhook more than
 * once, https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates), then every ticket linked to the order gets
 * its order context read again (an enrichment request, {@code ORDER_KNOWN}) and its SUBMITTED Shopify actions
 * confirmed through the same path a read of the ticket's actions takes ({@link TicketContext#confirmingChannelActions}).
 */
final class ShopifyWebhookIntake {

    /**
     * How long a delivery id is remembered: Shopify retries a failed delivery 8 times over 4 hours
     * (https://shopify.dev/docs/apps/build/webhooks/troubleshooting-webhooks); a week covers that with room.
     */
    static final Duration REMEMBER = Duration.ofDays(7);
    private static final int MAX_TICKETS = 25;

    /** Port: webhook deliveries seen, per seller (first writer wins). */
    interface Deliveries {
        /** @return true the first time this delivery id is recorded for the seller, false afterwards */
        boolean firstTime(String sellerId, String webhookId, java.time.Instant expires);

        /** Forgets a delivery whose handling failed, so Shopify's retry of it is handled. */
        void forget(String sellerId, String webhookId);
    }

    /** What one delivery did. */
    record Outcome(String topic, boolean duplicate, int ticketsRefreshed) {}

    /** The signature did not verify, or the seller has no store: nothing was stored. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final ShopifyWebhooks webhooks;
    private final Deliveries deliveries;
    private final ChannelOrderSources orders;
    private final TicketSearch search;
    private final EnrichmentQueue enrichment;
    private final TicketContext context;
    private final Clock clock;

    ShopifyWebhookIntake(ShopifyWebhooks webhooks, Deliveries deliveries, ChannelOrderSources orders, TicketSearch search,
                         EnrichmentQueue enrichment, TicketContext context, Clock clock) {
        this.webhooks = Objects.requireNonNull(webhooks);
        this.deliveries = Objects.requireNonNull(deliveries);
        this.orders = Objects.requireNonNull(orders);
        this.search = Objects.requireNonNull(search);
        this.enrichment = Objects.requireNonNull(enrichment);
        this.context = Objects.requireNonNull(context);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param sellerId from the subscription's URL, never from the body
     * @param headers  the request's X-Shopify-* headers
     * @param body     the raw body, exactly as received
     */
    Outcome receive(String sellerId, Map<String, String> headers, byte[] body) {
        SellerId seller = new SellerId(sellerId); // a malformed id in the URL is a 400 before anything is read
        ShopifyWebhooks.Event event;
        try {
            event = webhooks.verify(sellerId, headers, body);
        } catch (ShopifyWebhooks.RejectedWebhook e) {
            throw new Refused(e.getMessage());
        } catch (IllegalStateException e) { // MissingSecretException too: no shop secret
            throw new Refused("seller " + sellerId + " has no Shopify store to verify webhooks with");
        }
        if (event.webhookId().isBlank()) {
            throw new Refused("the webhook has no X-Shopify-Webhook-Id");
        }
        if (!deliveries.firstTime(sellerId, event.webhookId(), clock.instant().plus(REMEMBER))) {
            return new Outcome(event.topic(), true, 0);
        }
        try {
            return new Outcome(event.topic(), false, refresh(seller, event));
        } catch (RuntimeException e) {
            // not handled: Shopify retries a delivery that was not answered 2xx, and the retry must not look done
            deliveries.forget(sellerId, event.webhookId());
            throw e;
        }
    }

    private int refresh(SellerId seller, ShopifyWebhooks.Event event) {
        String sellerId = seller.value();
        Map<String, TicketSummary> tickets = new LinkedHashMap<>();
        for (String orderId : references(sellerId, event)) {
            for (TicketSummary t : search.byOrder(seller, orderId, MAX_TICKETS, clock.instant())) {
                tickets.putIfAbsent(t.id().value(), t);
            }
        }
        for (TicketSummary t : tickets.values()) {
            enrichment.send(new EnrichmentRequest(sellerId, t.id().value(), t.orderId(), t.marketplaceId(),
                    EnrichmentRequest.Reason.ORDER_KNOWN), Duration.ZERO);
            context.actions(sellerId, t.id().value()); // confirms the ticket's SUBMITTED Shopify actions
        }
        return tickets.size();
    }

    /**
     * The ways a ticket may name the order: its name ({@code #1001}), its number, its global id. A refund's webhook
     * carries only the order's id: its name is read from the store.
     */
    private Set<String> references(String sellerId, ShopifyWebhooks.Event event) {
        Set<String> refs = new LinkedHashSet<>();
        refs.add(event.orderId());
        Optional<String> name = event.orderName().or(() -> orders.orders(sellerId, "shopify")
                .flatMap(o -> o.source().order(sellerId, event.orderId())).map(OrderSummary::orderId));
        name.ifPresent(n -> {
            refs.add(n);
            if (n.startsWith("#")) {
                refs.add(n.substring(1));
            }
        });
        return refs;
    }
}
