package com.deskbridge.adapters.dynamodb;

import com.deskbridge.domain.port.TicketStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on DynamoDB Local (one per class; every test has its own seller). */
class DynamoDbTicketStoreContractTest extends TicketStoreContract {
    private static TicketsTableFixture table;

    @BeforeAll
    static void start() {
        table = TicketsTableFixture.start();
    }

    @AfterAll
    static void stop() {
        table.close();
    }

    @Override
    TicketStore store() {
        return new DynamoDbTicketStore(table.client(), table.name());
    }
}
