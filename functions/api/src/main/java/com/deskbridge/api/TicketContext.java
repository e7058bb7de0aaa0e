package com.deskbridge.api;

import com.deskbridge.actions.ActionState;
import com.deskbridge.actions.ActionStore;
import com.deskbridge.actions.OrderAction;
import com.deskbridge.actions.OrderActions;
import com.deskbridge.enrichment.TicketEnrichment;
import com.deskbridge.enrichment.TicketEnrichmentReader;
import com.deskbridge.logistics.EvidenceLog;
import java.util.List;
import java.util.Optional;

/**
 * What other functions write on a ticket and the API shows: the order and tracking context (enrichment function), the
 * refunds and cancellations (actions functions) and the evidence chain. Reads only: nothing here calls Amazon (only
 * {@link #confirmingChannelActions} asks eBay or Shopify about an action they have not confirmed yet).
 */
public interface TicketContext {

    Optional<TicketEnrichment> enrichment(String sellerId, String ticketId);

    List<OrderAction> actions(String sellerId, String ticketId);

    Optional<OrderAction> action(String sellerId, String ticketId, String actionId);

    EvidenceLog.StoredChain evidence(String sellerId, String ticketId);

    /** From the tickets table. */
    static TicketContext of(TicketEnrichmentReader enrichment, ActionStore actions, EvidenceLog evidence) {
        return new TicketContext() {
            @Override
            public Optional<TicketEnrichment> enrichment(String sellerId, String ticketId) {
                return enrichment.read(sellerId, ticketId);
            }

            @Override
            public List<OrderAction> actions(String sellerId, String ticketId) {
                return actions.byTicket(sellerId, ticketId);
            }

            @Override
            public Optional<OrderAction> action(String sellerId, String ticketId, String actionId) {
                return actions.get(sellerId, ticketId, actionId);
            }

            @Override
            public EvidenceLog.StoredChain evidence(String sellerId, String ticketId) {
                return evidence.chain(sellerId, ticketId);
            }
        };
    }

    /**
     * {@code base}, with each eBay or Shopify action the channel has not confirmed yet (SUBMITTED) confirmed by asking
     * the channel as it is read ({@link OrderActions#settle}); every other read is {@code base}'s, without a call out.
     */
    static TicketContext confirmingChannelActions(TicketContext base, java.util.function.Supplier<OrderActions> orderActions) {
        java.util.function.UnaryOperator<OrderAction> settle = a -> a.channel() != null && a.state() == ActionState.SUBMITTED
                ? orderActions.get().settle(a) : a;
        return new TicketContext() {
            @Override
            public Optional<TicketEnrichment> enrichment(String sellerId, String ticketId) {
                return base.enrichment(sellerId, ticketId);
            }

            @Override
            public List<OrderAction> actions(String sellerId, String ticketId) {
                return base.actions(sellerId, ticketId).stream().map(settle).toList();
            }

            @Override
            public Optional<OrderAction> action(String sellerId, String ticketId, String actionId) {
                return base.action(sellerId, ticketId, actionId).map(settle);
            }

            @Override
            public EvidenceLog.StoredChain evidence(String sellerId, String ticketId) {
                return base.evidence(sellerId, ticketId);
            }
        };
    }

    /** Nothing written yet (handler tests that are about something else). */
    TicketContext NONE = new TicketContext() {
        @Override
        public Optional<TicketEnrichment> enrichment(String sellerId, String ticketId) {
            return Optional.empty();
        }

        @Override
        public List<OrderAction> actions(String sellerId, String ticketId) {
            return List.of();
        }

        @Override
        public Optional<OrderAction> action(String sellerId, String ticketId, String actionId) {
            return Optional.empty();
        }

        @Override
        public EvidenceLog.StoredChain evidence(String sellerId, String ticketId) {
            return new EvidenceLog.StoredChain(List.of(), null);
        }
    };
}
