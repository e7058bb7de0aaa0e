package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI1PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI1SK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI2PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI2SK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.inbox.EscalationLanguage;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SearchText;
import com.deskbridge.domain.ticket.ReplySource;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
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
    private final InboxIndex inbox;

    public DynamoDbTicketStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        this.inbox = new InboxIndex(dynamo, table);
    }

    @Override
    public AppendOutcome append(InboundMessage message, Instant personalDataExpiresAt, Triage triage) {
        // The message put is item 0 of the transaction: its condition failing means the message is stored already.
        int written = inbox.write(message.seller(), message.ticketId(), message.receivedAt(), snapshot -> Optional.of(
                new InboxIndex.Plan(appendTransaction(message, personalDataExpiresAt, triage).transactItems(),
                        afterAppend(snapshot.ticket(), message, personalDataExpiresAt, triage))));
        if (written == 0) {
            return AppendOutcome.DUPLICATE;
        }
        new DynamoDbDueIndex(dynamo, table).addMessageMilestones(message.seller(), message.ticketId(),
                triage.slaMilestones());
        return AppendOutcome.APPENDED;
    }

    /** The ticket item as {@link #appendTransaction} leaves it, for the inbox (the attributes its views read). */
    private static Map<String, AttributeValue> afterAppend(Map<String, AttributeValue> before, InboundMessage message,
                                                           Instant expiresAt, Triage triage) {
        Map<String, AttributeValue> after = new HashMap<>(before);
        String received = TicketKeys.time(message.receivedAt());
        after.put("sellerId", ItemCodec.s(message.seller().value()));
        after.put("ticketId", ItemCodec.s(message.ticketId().value()));
        after.put("channel", ItemCodec.s(message.channel().wireName()));
        after.put("status", ItemCodec.s(TicketStatus.OPEN.wireName()));
        after.putIfAbsent("awaitingReplySince", ItemCodec.s(received));
        triage.responseDue().ifPresent(due -> after.putIfAbsent("dueAt", ItemCodec.s(TicketKeys.time(due))));
        after.putIfAbsent("createdAt", ItemCodec.s(received));
        after.put("lastMessageAt", ItemCodec.s(received));
        after.put(ItemCodec.EXPIRES_AT, ItemCodec.n(expiresAt.getEpochSecond()));
        if (!triage.slaMilestones().isEmpty() && !before.containsKey(DynamoDbDueIndex.MILESTONES)) {
            Map<String, AttributeValue> encoded = new HashMap<>();
            triage.slaMilestones().forEach((m, at) -> encoded.put(m.name(), ItemCodec.n(at.toEpochMilli())));
            after.put(DynamoDbDueIndex.MILESTONES, AttributeValue.fromM(encoded));
        }
        int count = before.containsKey("messageCount") ? Integer.parseInt(before.get("messageCount").n()) : 0;
        after.put("messageCount", ItemCodec.n(count + 1));
        if (triage.intent() != null) {
            after.put("intent", ItemCodec.s(triage.intent()));
        }
        if (!triage.tags().isEmpty()) {
            java.util.TreeSet<String> tags = new java.util.TreeSet<>(triage.tags());
            if (before.containsKey("tags")) {
                tags.addAll(before.get("tags").ss());
            }
            after.put("tags", AttributeValue.fromSs(List.copyOf(tags)));
        }
        if (message.orderId() != null) {
            after.putIfAbsent("orderId", ItemCodec.s(message.orderId()));
        }
        if (escalates(message)) {
            after.put(InboxFacts.ESCALATION, AttributeValue.fromBool(true));
        }
        return after;
    }

    private static boolean escalates(InboundMessage message) {
        return EscalationLanguage.in(message.subject()) || EscalationLanguage.in(message.body());
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
        if (triage.language() != null) {
            messageItem.put("language", ItemCodec.s(triage.language()));
        }
        if (triage.confidence() != null) {
            messageItem.put("intentConfidence", AttributeValue.fromN(String.format(java.util.Locale.ROOT, "%.4f",
                    triage.confidence())));
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
        if (triage.responseDue().isPresent()) {
            // The open queue reads in due order: a waiting ticket keeps the deadline of its oldest unanswered message.
            values.put(":due", ItemCodec.s(TicketKeys.time(triage.responseDue().get())));
            sets.add("dueAt = if_not_exists(dueAt, :due)");
            sets.add(GSI1SK + " = if_not_exists(dueAt, :due)");
        } else {
            sets.add(GSI1SK + " = if_not_exists(awaitingReplySince, :received)");
        }
        sets.add("createdAt = if_not_exists(createdAt, :received)");
        // the buyer message that opened the ticket names its correlation id: API requests on it log under that id
        java.util.Optional<String> correlationId = com.deskbridge.adapters.logging.Correlation.current();
        if (correlationId.isPresent()) {
            sets.add(com.deskbridge.adapters.logging.Correlation.TICKET_ATTRIBUTE + " = if_not_exists("
                    + com.deskbridge.adapters.logging.Correlation.TICKET_ATTRIBUTE + ", :correlationId)");
            values.put(":correlationId", ItemCodec.s(correlationId.get()));
        }
        sets.add("lastMessageAt = :received");
        sets.add("buyer = if_not_exists(buyer, :buyer)");
        // Search and the customer's history (TicketKeys: ByBuyer, ByActivity), and the queue's preview line.
        values.put(":buyerPk", ItemCodec.s(TicketKeys.buyerPk(seller, message.sender().address())));
        values.put(":buyerSk", ItemCodec.s(received + "#" + ticketId.value()));
        values.put(":actPk", ItemCodec.s(TicketKeys.activityPk(seller)));
        values.put(":actSk", ItemCodec.s(received + "#" + ticketId.value()));
        values.put(":firstText", ItemCodec.s(SearchText.of(message.subject(), message.body())));
        values.put(":lastText", ItemCodec.s(SearchText.of(message.body())));
        sets.add(TicketKeys.GSI4PK + " = if_not_exists(" + TicketKeys.GSI4PK + ", :buyerPk)");
        sets.add(TicketKeys.GSI4SK + " = if_not_exists(" + TicketKeys.GSI4SK + ", :buyerSk)");
        sets.add(TicketKeys.GSI5PK + " = :actPk");
        sets.add(TicketKeys.GSI5SK + " = :actSk");
        sets.add("searchText = if_not_exists(searchText, :firstText)");
        sets.add("lastText = :lastText");
        String preview = SearchText.preview(message.body()) != null ? SearchText.preview(message.body())
                : SearchText.preview(message.subject());
        if (preview != null) {
            values.put(":preview", ItemCodec.s(preview));
            sets.add("lastPreview = :preview");
        }
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
        if (escalates(message)) {
            values.put(":escalation", AttributeValue.fromBool(true)); // stays: the buyer said it once in this thread
            sets.add(InboxFacts.ESCALATION + " = :escalation");
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
                        TransactWriteItem.builder().update(ticketUpdate).build(),
                        // the nightly SLA report finds the day's sellers by these markers
                        TransactWriteItem.builder().put(DynamoDbSlaMetricsArchive.activityMarker(table, seller,
                                message.receivedAt())).build())
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
        return stopClock(seller, id, agentId, at, new ClockStop(table, seller, id, TicketStatus.CLOSED, at,
                "closedAt = :stopAt, noResponseNeededBy = :agent, " + InboxFacts.LAST_HANDLED_BY + " = :agent",
                Map.of(":agent", ItemCodec.s(agent(agentId))), null));
    }

    @Override
    public boolean close(SellerId seller, TicketId id, String agentId, Instant at) {
        return stopClock(seller, id, agentId, at, new ClockStop(table, seller, id, TicketStatus.CLOSED, at,
                "closedAt = :stopAt, closedBy = :agent, " + InboxFacts.LAST_HANDLED_BY + " = :agent",
                Map.of(":agent", ItemCodec.s(agent(agentId))), null));
    }

    /** Closes the ticket with the usual form of the clock stop, else the one that keeps a pending escalation. */
    private boolean stopClock(SellerId seller, TicketId id, String agentId, Instant at, ClockStop stop) {
        for (Update form : List.of(stop.usual(), stop.withPendingEscalation())) {
            int result = inbox.write(seller, id, at, snapshot -> snapshot.exists()
                    ? Optional.of(new InboxIndex.Plan(List.of(TransactWriteItem.builder().update(form).build()),
                            afterClockStop(snapshot.ticket(), TicketStatus.CLOSED, agent(agentId))))
                    : Optional.empty());
            if (result == InboxIndex.WRITTEN) {
                return true;
            }
            if (result == InboxIndex.NOTHING) {
                return false;
            }
        }
        return false;
    }

    /** The ticket item as a {@link ClockStop} leaves it (the attributes the inbox reads). */
    static Map<String, AttributeValue> afterClockStop(Map<String, AttributeValue> before, TicketStatus status, String agent) {
        Map<String, AttributeValue> after = new HashMap<>(before);
        after.put("status", ItemCodec.s(status.wireName()));
        for (String gone : List.of("awaitingReplySince", "dueAt", DynamoDbDueIndex.MILESTONES, DynamoDbDueIndex.FIRED,
                FailedSend.SEND_FAILURE)) {
            after.remove(gone);
        }
        if (agent != null) {
            after.put(InboxFacts.LAST_HANDLED_BY, ItemCodec.s(agent));
        }
        return after;
    }

    private static void copy(software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.Builder u, Update from) {
        u.tableName(from.tableName()).key(from.key()).updateExpression(from.updateExpression())
                .conditionExpression(from.conditionExpression()).expressionAttributeNames(from.expressionAttributeNames())
                .expressionAttributeValues(from.expressionAttributeValues());
    }

    private static String agent(String agentId) {
        return agentId == null ? "unknown" : agentId;
    }

    @Override
    public ReplyOutcome recordReply(SellerId seller, TicketId id, OutgoingReply reply, Instant personalDataExpiresAt) {
        for (int attempt = 0; attempt < 20; attempt++) {
            InboxIndex.Snapshot snapshot = inbox.read(seller.value(), id.value());
            if (!snapshot.exists()) {
                return ReplyOutcome.NO_SUCH_TICKET;
            }
            Map<String, AttributeValue> ticket = snapshot.ticket();
            boolean pendingEscalation = ticket.containsKey(DynamoDbDueIndex.OUTBOX);
            TransactWriteItemsRequest write = replyTransaction(seller, id, reply, personalDataExpiresAt, ticket, pendingEscalation);
            Map<String, AttributeValue> after;
            if (reply.stopsClock() && ticket.containsKey("awaitingReplySince")) {
                after = afterClockStop(ticket, TicketStatus.PENDING, reply.agentId());
            } else {
                after = new HashMap<>(ticket);
                if (!reply.automatic() && reply.agentId() != null) {
                    after.put(InboxFacts.LAST_HANDLED_BY, ItemCodec.s(reply.agentId()));
                }
            }
            int result = inbox.attempt(seller, id, snapshot, new InboxIndex.Plan(write.transactItems(), after), reply.at());
            if (result == InboxIndex.WRITTEN) {
                return ReplyOutcome.RECORDED;
            }
            if (result == 0) {
                return ReplyOutcome.DUPLICATE;
            }
            // The ticket changed between our read and the write (a buyer message, the sweep, another agent): read again.
            try {
                Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 10L + attempt * 5L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while recording a reply", e);
            }
        }
        throw new IllegalStateException("ticket " + id + " kept changing while a reply was recorded");
    }

    /**
     * Reply message (conditional on its key: once), ticket update (conditional on the waiting period we read), and
     * for an agent's reply that answers a waiting buyer, the first-response record the SLA metrics read.
     */
    private TransactWriteItemsRequest replyTransaction(SellerId seller, TicketId id, OutgoingReply reply,
                                                       Instant expiresAt, Map<String, AttributeValue> ticket,
                                                       boolean pendingEscalation) {
        String pk = TicketKeys.ticketPk(seller, id);
        AttributeValue waitingSince = ticket.get("awaitingReplySince");
        Map<String, AttributeValue> message = ItemCodec.replyItem(reply, seller, id, ItemCodec.str(ticket, "subject"));
        if (reply.stopsClock() && waitingSince != null) {
            message.put(FailedSend.CLOCK_STOPPED, FailedSend.snapshot(ticket)); // to restart it if the send fails
        }
        message.put(PK, ItemCodec.s(pk));
        message.put(SK, ItemCodec.s(TicketKeys.MESSAGE_SK_PREFIX + reply.messageKey()));
        message.put(ItemCodec.EXPIRES_AT, ItemCodec.n(expiresAt.getEpochSecond()));
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(message)
                .conditionExpression("attribute_not_exists(" + PK + ")").build()).build());

        Map<String, AttributeValue> extra = new HashMap<>();
        extra.put(":replyAt", ItemCodec.s(TicketKeys.time(reply.at())));
        String preview = SearchText.preview(reply.body());
        extra.put(":preview", preview == null ? ItemCodec.s("") : ItemCodec.s(preview));
        String waitingCondition;
        if (waitingSince == null) {
            waitingCondition = "attribute_not_exists(awaitingReplySince)";
        } else {
            extra.put(":waitingSince", waitingSince);
            waitingCondition = "awaitingReplySince = :waitingSince";
        }
        Update ticketUpdate;
        if (reply.stopsClock() && waitingSince != null) {
            extra.put(":agent", ItemCodec.s(reply.agentId()));
            ClockStop stop = new ClockStop(table, seller, id, TicketStatus.PENDING, reply.at(),
                    "lastReplyAt = :replyAt, lastReplyBy = :agent, firstResponseAt = if_not_exists(firstResponseAt, :replyAt), "
                            + "lastPreview = :preview, " + InboxFacts.LAST_HANDLED_BY + " = :agent",
                    extra, waitingCondition);
            ticketUpdate = pendingEscalation ? stop.withPendingEscalation() : stop.usual();
            items.add(TransactWriteItem.builder().update(ticketUpdate).build());
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(ResponseRecords.item(seller, id, ItemCodec.str(ticket, "channel"),
                            Instant.parse(waitingSince.s()), reply.at(), reply.agentId()))
                    .build()).build());
        } else {
            // An automatic reply, or a reply while nothing waits: the clock is untouched.
            String handled = "";
            if (!reply.automatic() && reply.agentId() != null) {
                extra.put(":handledBy", ItemCodec.s(reply.agentId()));
                handled = ", " + InboxFacts.LAST_HANDLED_BY + " = :handledBy";
            }
            ticketUpdate = Update.builder().tableName(table)
                    .key(Map.of(PK, ItemCodec.s(pk), SK, ItemCodec.s(TicketKeys.TICKET_SK)))
                    .updateExpression("SET lastReplyAt = :replyAt, lastPreview = :preview" + handled)
                    .conditionExpression("attribute_exists(" + PK + ") AND " + waitingCondition)
                    .expressionAttributeValues(extra)
                    .build();
            items.add(TransactWriteItem.builder().update(ticketUpdate).build());
        }
        // The agent's and the suggestion's daily counters, counted once with the reply they count.
        if (!reply.automatic()) {
            items.add(AgentCounters.agentReply(table, seller, reply.agentId(), reply.origin().source(), reply.at()));
        }
        if (reply.origin().source().fromSuggestion()) {
            items.add(AgentCounters.suggestionSent(table, seller, reply.origin().macroId(), ItemCodec.str(ticket, "intent"),
                    reply.origin().source() == ReplySource.SUGGESTION_EDITED, reply.at()));
        }
        return TransactWriteItemsRequest.builder().transactItems(items).build();
    }

    @Override
    public boolean updateSendStatus(SellerId seller, TicketId id, String messageKey, Set<SendStatus> from,
                                    SendStatus to, String detail, Instant at) {
        if (to == SendStatus.FAILED) {
            boolean failed = new FailedSend(dynamo, table).fail(seller, id, messageKey, sendStatusUpdate(seller, id,
                    messageKey, from, to, detail, at), detail == null ? "the channel refused the reply" : detail, at);
            if (failed) {
                // The ticket is open again: its views follow right after (FailedSend's transaction has its own conditions).
                inbox.refresh(seller, id, at);
            }
            return failed;
        }
        try {
            dynamo.updateItem(u -> copy(u, sendStatusUpdate(seller, id, messageKey, from, to, detail, at)));
            return true;
        } catch (ConditionalCheckFailedException notInState) {
            return false;
        }
    }

    private Update sendStatusUpdate(SellerId seller, TicketId id, String messageKey, Set<SendStatus> from,
                                    SendStatus to, String detail, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> allowed = new ArrayList<>();
        int i = 0;
        for (SendStatus status : from) {
            values.put(":from" + i, ItemCodec.s(status.name()));
            allowed.add(":from" + i++);
        }
        values.put(":to", ItemCodec.s(to.name()));
        values.put(":at", ItemCodec.s(TicketKeys.time(at)));
        String set = "SET sendStatus = :to, sendUpdatedAt = :at";
        if (detail != null) {
            values.put(":detail", ItemCodec.s(detail.length() > 500 ? detail.substring(0, 500) : detail));
            set += ", sendDetail = :detail";
        }
        if (to == SendStatus.SENT) {
            set += ", sentAt = :at";
        }
        // Finished replies leave the send index, so the re-drive never picks them up again.
        String remove = to == SendStatus.SENT || to == SendStatus.FAILED
                ? " REMOVE " + TicketKeys.GSI3PK + ", " + TicketKeys.GSI3SK + (detail == null ? ", sendDetail" : "")
                : "";
        return Update.builder().tableName(table)
                .key(Map.of(PK, ItemCodec.s(TicketKeys.ticketPk(seller, id)),
                        SK, ItemCodec.s(TicketKeys.MESSAGE_SK_PREFIX + messageKey)))
                .updateExpression(set + remove)
                .conditionExpression("sendStatus IN (" + String.join(", ", allowed) + ")")
                .expressionAttributeValues(values)
                .build();
    }

    @Override
    public boolean assign(SellerId seller, TicketId id, String assignee, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":at", ItemCodec.s(TicketKeys.time(at)));
        String expression;
        if (assignee == null) {
            expression = "SET assignedAt = :at REMOVE assignee";
        } else {
            values.put(":who", ItemCodec.s(assignee));
            expression = "SET assignee = :who, assignedAt = :at";
        }
        return updateTicket(seller, id, expression, values, at, after -> {
            if (assignee == null) {
                after.remove("assignee");
            } else {
                after.put("assignee", ItemCodec.s(assignee));
            }
        });
    }

    @Override
    public boolean retag(SellerId seller, TicketId id, Set<String> add, Set<String> remove, Instant at) {
        // DynamoDB allows one action per attribute in an update, so adding and removing are two writes.
        boolean found = true;
        if (!add.isEmpty()) {
            found = updateTicket(seller, id, "SET taggedAt = :at ADD tags :tags",
                    Map.of(":at", ItemCodec.s(TicketKeys.time(at)), ":tags", AttributeValue.fromSs(List.copyOf(add))), at,
                    after -> after.put("tags", AttributeValue.fromSs(List.copyOf(retagged(after, add, Set.of())))));
        }
        if (found && !remove.isEmpty()) {
            found = updateTicket(seller, id, "SET taggedAt = :at DELETE tags :tags",
                    Map.of(":at", ItemCodec.s(TicketKeys.time(at)), ":tags", AttributeValue.fromSs(List.copyOf(remove))), at,
                    after -> {
                        Set<String> left = retagged(after, Set.of(), remove);
                        if (left.isEmpty()) {
                            after.remove("tags"); // DynamoDB removes a set left empty
                        } else {
                            after.put("tags", AttributeValue.fromSs(List.copyOf(left)));
                        }
                    });
        }
        return found;
    }

    private static Set<String> retagged(Map<String, AttributeValue> ticket, Set<String> add, Set<String> remove) {
        java.util.TreeSet<String> tags = new java.util.TreeSet<>();
        if (ticket.containsKey("tags")) {
            tags.addAll(ticket.get("tags").ss());
        }
        tags.addAll(add);
        tags.removeAll(remove);
        return tags;
    }

    /** One conditional update of an existing ticket, with the inbox in the same transaction. */
    private boolean updateTicket(SellerId seller, TicketId id, String expression, Map<String, AttributeValue> values,
                                 Instant at, java.util.function.Consumer<Map<String, AttributeValue>> change) {
        Update update = Update.builder().tableName(table)
                .key(Map.of(PK, ItemCodec.s(TicketKeys.ticketPk(seller, id)), SK, ItemCodec.s(TicketKeys.TICKET_SK)))
                .updateExpression(expression)
                .conditionExpression("attribute_exists(" + PK + ")")
                .expressionAttributeValues(values)
                .build();
        return inbox.write(seller, id, at, snapshot -> {
            if (!snapshot.exists()) {
                return Optional.empty();
            }
            Map<String, AttributeValue> after = new HashMap<>(snapshot.ticket());
            change.accept(after);
            return Optional.of(new InboxIndex.Plan(List.of(TransactWriteItem.builder().update(update).build()), after));
        }) == InboxIndex.WRITTEN;
    }

    /** Query pages one listing may read before it returns what it found (with a cursor to go on). */
    private static final int MAX_PAGES_PER_LISTING = 10;

    @Override
    public Page<TicketSummary> list(SellerId seller, TicketFilter filter, int limit, String cursor, Instant now) {
        String statusPk = TicketKeys.statusPk(seller, filter.status());
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", ItemCodec.s(statusPk));
        values.put(":now", ItemCodec.n(now.getEpochSecond()));
        List<String> conditions = new ArrayList<>(List.of(
                "(attribute_not_exists(" + ItemCodec.EXPIRES_AT + ") OR " + ItemCodec.EXPIRES_AT + " > :now)"));
        String keyCondition = GSI1PK + " = :pk";
        if (filter.priority() != null) {
            values.put(":priority", ItemCodec.s(filter.priority().name()));
            conditions.add(DynamoDbDueIndex.PRIORITY + " = :priority");
        }
        if (filter.intent() != null) {
            values.put(":intent", ItemCodec.s(filter.intent()));
            conditions.add("intent = :intent");
        }
        if (filter.tag() != null) {
            values.put(":tag", ItemCodec.s(filter.tag()));
            conditions.add("contains(tags, :tag)");
        }
        if (filter.channel() != null) {
            values.put(":channel", ItemCodec.s(filter.channel().wireName()));
            conditions.add("channel = :channel");
        }
        if (filter.assignee() != null) {
            values.put(":assignee", ItemCodec.s(filter.assignee()));
            conditions.add("assignee = :assignee");
        }
        if (filter.dueBefore() != null) {
            // The open queue is keyed by due time, so the bound narrows the read itself, not just the answer.
            values.put(":dueBefore", ItemCodec.s(TicketKeys.time(filter.dueBefore())));
            keyCondition += " AND " + GSI1SK + " < :dueBefore";
            conditions.add("dueAt < :dueBefore");
        }
        List<TicketSummary> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = cursor == null ? null : QueueCursor.decode(cursor, seller, statusPk);
        Map<String, AttributeValue> lastIncluded = null;
        boolean more = false;
        for (int pages = 0; pages < MAX_PAGES_PER_LISTING; pages++) {
            QueryResponse response = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .indexName(TicketKeys.BY_STATUS)
                    .keyConditionExpression(keyCondition)
                    .filterExpression(String.join(" AND ", conditions))
                    .expressionAttributeNames(names.isEmpty() ? null : names)
                    .expressionAttributeValues(values)
                    .exclusiveStartKey(startKey)
                    .limit(filter.statusOnly() ? limit : Math.max(limit, 50))
                    .build());
            List<Map<String, AttributeValue>> items = response.items();
            int take = Math.min(items.size(), limit - found.size());
            for (int i = 0; i < take; i++) {
                found.add(ItemCodec.summary(items.get(i)));
                lastIncluded = items.get(i);
            }
            boolean pageHasMore = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            if (take < items.size()) {
                more = true; // stopped inside this page: continue after the last ticket returned
                break;
            }
            if (!pageHasMore) {
                more = false;
                break;
            }
            startKey = response.lastEvaluatedKey();
            lastIncluded = startKey;
            if (found.size() == limit) {
                more = true;
                break;
            }
            more = true; // the read budget may end here
        }
        String next = more && lastIncluded != null ? QueueCursor.encode(lastIncluded) : null;
        return new Page<>(found, next);
    }
}
