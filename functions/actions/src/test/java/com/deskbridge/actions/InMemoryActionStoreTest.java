package com.deskbridge.actions;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** {@link ActionStoreContract} on the in-memory store the fast service tests use. */
class InMemoryActionStoreTest extends ActionStoreContract {

    private final InMemoryActionStore store = new InMemoryActionStore();

    @Override
    ActionStore store() {
        return store;
    }

    @Override
    String ticket(String sellerId, String channel) {
        String id = "t" + UUID.randomUUID();
        store.ticket(sellerId, id, channel);
        return id;
    }

    @Override
    Map<String, Long> counts(String sellerId, String agentId, LocalDate day) {
        return store.counts(sellerId, agentId, day);
    }
}
