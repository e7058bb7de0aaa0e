package com.deskbridge.adapters.dynamodb;

import com.deskbridge.adapters.logging.Correlation;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The correlation id stored on a ticket by the buyer message that opened it ({@link Correlation#TICKET_ATTRIBUTE}), so
 * that API requests on the ticket log under it: one GetItem of that attribute alone (ProjectionExpression,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html), eventually consistent.
 */
public final class DynamoDbTicketCorrelations {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTicketCorrelations(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    /** Empty for a ticket that does not exist or was opened before tickets carried one. */
    public Optional<String> of(SellerId seller, TicketId ticket) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table)
                .key(Map.of(TicketKeys.PK, AttributeValue.fromS(TicketKeys.ticketPk(seller, ticket)),
                        TicketKeys.SK, AttributeValue.fromS(TicketKeys.TICKET_SK)))
                .projectionExpression("#c").expressionAttributeNames(Map.of("#c", Correlation.TICKET_ATTRIBUTE))).item();
        AttributeValue id = item == null ? null : item.get(Correlation.TICKET_ATTRIBUTE);
        return id == null || !Correlation.valid(id.s()) ? Optional.empty() : Optional.of(id.s());
    }
}
