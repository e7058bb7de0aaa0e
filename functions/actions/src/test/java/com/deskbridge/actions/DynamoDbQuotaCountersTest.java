package com.deskbridge.actions;

import com.deskbridge.quota.DynamoDbQuotaCounters;
import com.deskbridge.quota.QuotaCounters;

/** The quota counters contract against DynamoDB Local with the template's tickets table (the actions tests' one). */
class DynamoDbQuotaCountersTest extends QuotaCountersContract {

    private final QuotaCounters counters = new DynamoDbQuotaCounters(Harness.stack().dynamoDbClient(),
            Harness.stack().tableName("TicketsTable"));

    @Override
    QuotaCounters counters() {
        return counters;
    }
}
