package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI1PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI1SK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI2PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI2SK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link TicketStore} on one DynamoDB table (layout in {@link TicketKeys}). Intake is one transaction: a
 * conditional put of the message (its key is derived from the channel's message id, so a redelivery fails the
 * condition) and an upsert of its ticket. Nothing is read first, so two deliveries racing each other still
 * store the message once.
 */
public final class DynamoDbTicketStore implements TicketStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTicketStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public AppendOutcome append(InboundMessage message, Instant personalDataExpiresAt, Triage triage) {
        try {
            dynamo.transactWriteItems(appendTransaction(message, personalDataExpiresAt, triage));
            new DynamoDbDueIndex(dynamo, table).addMessageMilestones(message.seller(), message.ticketId(),
                    triage.slaMilestones());
            return AppendOutcome.APPENDED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return AppendOutcome.DUPLICATE;
            }
            throw e;
        }
    }

    /** The exact write intake makes for one message; public so the benchmark can time the bare write. */
    public TransactWriteItemsRequest appendTransaction(InboundMessage message, Instant personalDataExpiresAt,
                                                       Triage triage) {
        SellerId seller = message.seller();
        TicketId ticketId = message.ticketId();
        String pk = TicketKeys.ticketPk(seller, ticketId);
        String received = TicketKeys.time(message.receivedAt());
        AttributeValue expires = ItemCodec.n(personalDataExpiresAt.getEpochSecond());

        Map<String, AttributeValue> messageItem = ItemCodec.messageItem(message);
        messageItem.put(PK, ItemCodec.s(pk));
        messageItem.put(SK, ItemCodec.s(TicketKeys.MESSAGE_SK_PREFIX + message.messageKey()));
        messageItem.put(ItemCodec.EXPIRES_AT, expires);
        if (triage.intent() != null) {
            messageItem.put("intent", ItemCodec.s(triage.intent()));
        }
        if (!triage.tags().isEmpty()) {
            messageItem.put("tags", AttributeValue.fromSs(triage.tags()));
        }

        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        names.put("#status", "status");
        values.put(":type", ItemCodec.s("ticket"));
        values.put(":seller", ItemCodec.s(seller.value()));
        values.put(":tid", ItemCodec.s(ticketId.value()));
        values.put(":channel", ItemCodec.s(message.channel().wireName()));
        values.put(":open", ItemCodec.s(TicketStatus.OPEN.wireName()));
        values.put(":openPk", ItemCodec.s(TicketKeys.statusPk(seller, TicketStatus.OPEN)));
        values.put(":received", ItemCodec.s(received));
        values.put(":buyer", ItemCodec.s(message.sender().address()));
        values.put(":expires", expires);
        values.put(":one", ItemCodec.n(1));
        sets.add("itemType = :type");
        sets.add("sellerId = :seller");
        sets.add("ticketId = :tid");
        sets.add("channel = :channel");
        sets.add("#status = :open");
        sets.add(GSI1PK + " = :openPk");
        // Both read the item as it was before this update: the queue position stays at the oldest waiting message.
        sets.add("awaitingReplySince = if_not_exists(awaitingReplySince, :received)");
        sets.add(GSI1SK + " = if_not_exists(awaitingReplySince, :received)");
        sets.add("createdAt = if_not_exists(createdAt, :received)");
        sets.add("lastMessageAt = :received");
        sets.add("buyer = if_not_exists(buyer, :buyer)");
        sets.add(ItemCodec.EXPIRES_AT + " = :expires");
        DynamoDbDueIndex.startClock(sets, values, ticketId, triage.slaMilestones());
        List<String> adds = new ArrayList<>(List.of("messageCount :one"));
        if (triage.intent() != null) {
            values.put(":intent", ItemCodec.s(triage.intent()));
            sets.add("intent = :intent"); // the latest message's intent is the ticket's
        }
        if (!triage.tags().isEmpty()) {
            values.put(":tags", AttributeValue.fromSs(triage.tags()));
            adds.add("tags :tags"); // a set: tags accumulate over the conversation
        }
        if (message.marketplaceId() != null) {
            values.put(":mp", ItemCodec.s(message.marketplaceId()));
            sets.add("marketplaceId = if_not_exists(marketplaceId, :mp)");
        }
        if (message.subject() != null) {
            values.put(":subject", ItemCodec.s(message.subject()));
            sets.add("subject = if_not_exists(subject, :subject)");
        }
        if (message.orderId() != null) {
            values.put(":order", ItemCodec.s(message.orderId()));
            values.put(":orderPk", ItemCodec.s(TicketKeys.orderPk(seller, message.orderId())));
            values.put(":orderSk", ItemCodec.s("T#" + ticketId.value()));
            sets.add("orderId = if_not_exists(orderId, :order)");
            sets.add(GSI2PK + " = if_not_exists(" + GSI2PK + ", :orderPk)");
            sets.add(GSI2SK + " = :orderSk");
        }
        Update ticketUpdate = Update.builder()
                .tableName(table)
                .key(Map.of(PK, ItemCodec.s(pk), SK, ItemCodec.s(TicketKeys.TICKET_SK)))
                .updateExpression("SET " + String.join(", ", sets) + " ADD " + String.join(", ", adds))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
        Put messagePut = Put.builder()
                .tableName(table)
                .item(messageItem)
                .conditionExpression("attribute_not_exists(" + PK + ")")
                .build();
        return TransactWriteItemsRequest.builder()
                .transactItems(TransactWriteItem.builder().put(messagePut).build(),
                        TransactWriteItem.builder().update(ticketUpdate).build())
                .build();
    }

    @Override
    public Optional<TicketDetail> find(SellerId seller, TicketId id, Instant now) {
        Map<String, AttributeValue> ticket = null;
        List<TicketMessage> messages = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression(PK + " = :pk")
                    .expressionAttributeValues(Map.of(":pk", ItemCodec.s(TicketKeys.ticketPk(seller, id))))
                    .consistentRead(true)
                    .exclusiveStartKey(startKey)
                    .build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (ItemCodec.expired(item, now)) {
                    continue; // TTL deletes late; expired personal data is never served.
                }
                String sk = item.get(SK).s();
                if (TicketKeys.TICKET_SK.equals(sk)) {
                    ticket = item;
                } else if (sk.startsWith(TicketKeys.MESSAGE_SK_PREFIX)) {
                    messages.add(ItemCodec.message(item));
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        if (ticket == null) {
            return Optional.empty();
        }
        return Optional.of(new TicketDetail(ItemCodec.summary(ticket), messages));
    }

    @Override
    public boolean markNoResponseNeeded(SellerId seller, TicketId id, String agentId, Instant at) {
        Map<String, AttributeValue> key = Map.of(PK, ItemCodec.s(TicketKeys.ticketPk(seller, id)),
                SK, ItemCodec.s(TicketKeys.TICKET_SK));
        Map<String, String> names = Map.of("#status", "status");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":closed", ItemCodec.s(TicketStatus.CLOSED.wireName()));
        values.put(":closedPk", ItemCodec.s(TicketKeys.statusPk(seller, TicketStatus.CLOSED)));
        values.put(":at", ItemCodec.s(TicketKeys.time(at)));
        values.put(":agent", ItemCodec.s(agentId == null ? "unknown" : agentId));
        String close = "SET #status = :closed, " + GSI1PK + " = :closedPk, " + GSI1SK + " = :at, closedAt = :at, "
                + "noResponseNeededBy = :agent REMOVE awaitingReplySince, " + DynamoDbDueIndex.MILESTONES + ", "
                + DynamoDbDueIndex.FIRED;
        try {
            // Usual case: nothing unpublished, so the ticket leaves the due index.
            dynamo.updateItem(r -> r.tableName(table).key(key).expressionAttributeNames(names).expressionAttributeValues(values)
                    .updateExpression(close + ", " + TicketKeys.GSI3PK + ", " + TicketKeys.GSI3SK)
                    .conditionExpression("attribute_exists(" + PK + ") AND attribute_not_exists(" + DynamoDbDueIndex.OUTBOX + ")"));
            return true;
        } catch (ConditionalCheckFailedException missingOrOutbox) {
            // Escalations already recorded must still be published: keep the ticket due now, so the sweep publishes
            // them and, finding no timeline left, takes the ticket out of the index.
            values.put(":dueNow", ItemCodec.s(TicketKeys.dueSk(at, id)));
            try {
                dynamo.updateItem(r -> r.tableName(table).key(key).expressionAttributeNames(names).expressionAttributeValues(values)
                        .updateExpression(close.replace(" REMOVE ", ", " + TicketKeys.GSI3SK + " = :dueNow REMOVE "))
                        .conditionExpression("attribute_exists(" + PK + ") AND attribute_exists(" + TicketKeys.GSI3PK + ")"));
                return true;
            } catch (ConditionalCheckFailedException missing) {
                return false;
            }
        }
    }

    @Override
    public Page<TicketSummary> listByStatus(SellerId seller, TicketStatus status, int limit, String cursor, Instant now) {
        String statusPk = TicketKeys.statusPk(seller, status);
        QueryResponse response = dynamo.query(QueryRequest.builder()
                .tableName(table)
                .indexName(TicketKeys.BY_STATUS)
                .keyConditionExpression(GSI1PK + " = :pk")
                .filterExpression("attribute_not_exists(" + ItemCodec.EXPIRES_AT + ") OR " + ItemCodec.EXPIRES_AT + " > :now")
                .expressionAttributeValues(Map.of(":pk", ItemCodec.s(statusPk), ":now", ItemCodec.n(now.getEpochSecond())))
                .exclusiveStartKey(cursor == null ? null : QueueCursor.decode(cursor, seller, statusPk))
                .limit(limit)
                .build());
        List<TicketSummary> items = response.items().stream().map(ItemCodec::summary).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? QueueCursor.encode(response.lastEvaluatedKey())
                : null;
        return new Page<>(items, next);
    }
}
