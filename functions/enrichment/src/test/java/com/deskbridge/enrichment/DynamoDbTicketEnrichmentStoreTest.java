package com.deskbridge.enrichment;

import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link TicketEnrichmentStoreContract} on DynamoDB Local (the ticket items of the tickets table). */
class DynamoDbTicketEnrichmentStoreTest extends TicketEnrichmentStoreContract {

    private final Fixture f = new Fixture();
    private final TicketEnrichmentStore store = new DynamoDbTicketEnrichmentStore(TestStack.get().dynamoDbClient(), TestStack.table());

    @Override
    TicketEnrichmentStore store() {
        return store;
    }

    @Override
    String seller() {
        return f.seller;
    }

    @Override
    String ticket(String orderId, String priority) {
        return f.ticket(orderId, priority);
    }

    @Override
    String unknownTicket() {
        return Fixture.ticketId();
    }

    @Override
    Optional<String> priority(String ticketId) {
        return Optional.ofNullable(TestStack.get().dynamoDbClient().getItem(g -> g.tableName(TestStack.table())
                .key(DynamoDbTicketEnrichmentStore.key(f.seller, ticketId))).item().get("priority")).map(AttributeValue::s);
    }
}
