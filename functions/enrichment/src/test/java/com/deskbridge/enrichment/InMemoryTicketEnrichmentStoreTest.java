package com.deskbridge.enrichment;

import com.deskbridge.domain.sla.Priority;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link TicketEnrichmentStoreContract} on the in-memory store the fast service tests use. */
class InMemoryTicketEnrichmentStoreTest extends TicketEnrichmentStoreContract {

    private final InMemoryTicketEnrichmentStore store = new InMemoryTicketEnrichmentStore();
    private final AtomicInteger next = new AtomicInteger();

    @Override
    TicketEnrichmentStore store() {
        return store;
    }

    @Override
    String seller() {
        return "contract-seller";
    }

    @Override
    String ticket(String orderId, String priority) {
        String id = unknownTicket();
        store.addTicket(seller(), id, "amazon", orderId, "A1PA6795UKMFR9", priority == null ? null : Priority.valueOf(priority));
        return id;
    }

    @Override
    String unknownTicket() {
        return "t" + "q".repeat(23) + (char) ('a' + next.incrementAndGet()); // a fresh store per test: a few ids
    }

    @Override
    Optional<String> priority(String ticketId) {
        return store.priority(seller(), ticketId).map(Enum::name);
    }
}
