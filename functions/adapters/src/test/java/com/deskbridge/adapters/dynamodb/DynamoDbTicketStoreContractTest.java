package com.deskbridge.adapters.dynamodb;

import com.deskbridge.domain.port.TicketStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on DynamoDB Local (one per class; every test has its own seller). */
class DynamoDbTicketStoreContractTest extends TicketStoreContract {
    @RegisterExtension
    static final TicketsTableFixture table = TicketsTableFixture.perClass();

    @Override
    TicketStore store() {
        return new DynamoDbTicketStore(table.client(), table.name());
    }
}
