package com.deskbridge.actions;

import com.deskbridge.quota.InMemoryQuotaCounters;
import com.deskbridge.quota.QuotaCounters;

/** The quota counters contract against the in-memory counters the fast service tests use. */
class InMemoryQuotaCountersTest extends QuotaCountersContract {

    private final QuotaCounters counters = new InMemoryQuotaCounters();

    @Override
    QuotaCounters counters() {
        return counters;
    }
}
