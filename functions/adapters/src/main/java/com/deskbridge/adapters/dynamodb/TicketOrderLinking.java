package com.deskbridge.adapters.dynamodb;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketMessage;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * What linking a ticket to an order reads and writes on the tickets table (the layout of {@link TicketKeys}): the
 * ticket's first buyer message, and the order id the ticket learns, with its ByOrder index entry, exactly as a buyer
 * message naming the order sets them ({@link TicketAppend}): only if the ticket names no order yet.
 */
public final class TicketOrderLinking {

    private final DynamoDbClient dynamo;
    private final String table;

    public TicketOrderLinking(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    /** The ticket's earliest inbound message (consistent read); empty when it has none. */
    public Optional<TicketMessage> firstBuyerMessage(SellerId seller, TicketId ticket) {
        return dynamo.queryPaginator(q -> q.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :m)")
                        .expressionAttributeValues(Map.of(":pk", ItemCodec.s(TicketKeys.ticketPk(seller, ticket)),
                                ":m", ItemCodec.s(TicketKeys.MESSAGE_SK_PREFIX))))
                .items().stream().map(ItemCodec::message)
                .filter(m -> m.direction() == com.deskbridge.domain.ticket.Direction.IN)
                .min(Comparator.comparing(TicketMessage::receivedAt));
    }

    /**
     * Sets the ticket's order id if it names none yet.
     *
     * @return the order id the ticket names afterwards; empty when there is no such ticket
     */
    public Optional<String> learnOrder(SellerId seller, TicketId ticket, String orderId) {
        Map<String, AttributeValue> key = Map.of(TicketKeys.PK, ItemCodec.s(TicketKeys.ticketPk(seller, ticket)),
                TicketKeys.SK, ItemCodec.s(TicketKeys.TICKET_SK));
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key)
                    .updateExpression("SET orderId = :order, " + TicketKeys.GSI2PK + " = :orderPk, " + TicketKeys.GSI2SK
                            + " = :orderSk")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(orderId)")
                    .expressionAttributeValues(Map.of(":order", ItemCodec.s(orderId),
                            ":orderPk", ItemCodec.s(TicketKeys.orderPk(seller, orderId)),
                            ":orderSk", ItemCodec.s("T#" + ticket.value()))));
            return Optional.of(orderId);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(key)).item();
            if (item == null || item.isEmpty() || !item.containsKey("orderId")) {
                return Optional.empty();
            }
            return Optional.of(item.get("orderId").s());
        }
    }
}
