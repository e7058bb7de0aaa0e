package com.deskbridge.adapters.dynamodb;

import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.testing.InMemoryTicketStore;

/** The contract on the behavioural in-memory store services are tested against. */
class InMemoryTicketStoreContractTest extends TicketStoreContract {
    @Override
    TicketStore store() {
        return new InMemoryTicketStore();
    }
}
