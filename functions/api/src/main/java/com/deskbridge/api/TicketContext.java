package com.deskbridge.api;

import com.deskbridge.actions.ActionStore;
import com.deskbridge.actions.OrderAction;
import com.deskbridge.enrichment.TicketEnrichment;
import com.deskbridge.enrichment.TicketEnrichmentReader;
import com.deskbridge.logistics.EvidenceLog;
import java.util.List;
import java.util.Optional;

/**
 * What other functions write on a ticket and the API shows: the order and tracking context (enrichment function), the
 * refunds and cancellations (actions functions) and the evidence chain. Reads only: nothing here calls Amazon.
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
