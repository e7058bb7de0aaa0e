package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI1PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI1SK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI2PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI2SK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.inbox.EscalationLanguage;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.lifecycle.TicketTransition;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.SearchText;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Intake's write for one buyer message: a conditional put of the message (its key is derived from the channel's
 * message id, so a redelivery fails the condition), the ticket's {@link com.deskbridge.domain.lifecycle.TicketLifecycle#message}
 * transition as one update, and the day's activity marker. The update needs no read: "a waiting ticket keeps its
 * waiting period" is {@code if_not_exists}, so two deliveries racing each other still leave the state the transition
 * computes from whichever was first.
 */
final class TicketAppend {
    /** The ticket item's attribute holding the channel's conversation id of the message that opened it. */
    static final String THREAD_KEY = "threadKey";
    private final String table;

    TicketAppend(String table) {
        this.table = table;
    }

    static boolean escalates(InboundMessage message) {
        return EscalationLanguage.in(message.subject()) || EscalationLanguage.in(message.body());
    }

    /** The ticket item {@code before} as the message's transition leaves it (the attributes the inbox reads). */
    static Map<String, AttributeValue> after(Map<String, AttributeValue> before, InboundMessage message,
                                             Instant expiresAt, TicketTransition transition) {
        Map<String, AttributeValue> after = TicketItems.with(before, transition.after());
        String received = TicketKeys.time(message.receivedAt());
        after.put("sellerId", ItemCodec.s(message.seller().value()));
        after.put("ticketId", ItemCodec.s(message.ticketId().value()));
        after.put("channel", ItemCodec.s(message.channel().wireName()));
        after.putIfAbsent("createdAt", ItemCodec.s(received));
        after.put("lastMessageAt", ItemCodec.s(received));
        after.put(ItemCodec.EXPIRES_AT, ItemCodec.n(expiresAt.getEpochSecond()));
        if (message.orderId() != null) {
            after.putIfAbsent("orderId", ItemCodec.s(message.orderId()));
        }
        if (message.threadKey() != null) {
            after.putIfAbsent(THREAD_KEY, ItemCodec.s(message.threadKey()));
        }
        return after;
    }

    TransactWriteItemsRequest transaction(InboundMessage message, Instant expiresAt, Triage triage) {
        Put messagePut = Put.builder()
                .tableName(table)
                .item(messageItem(message, expiresAt, triage))
                .conditionExpression("attribute_not_exists(" + PK + ")")
                .build();
        return TransactWriteItemsRequest.builder()
                .transactItems(TransactWriteItem.builder().put(messagePut).build(),
                        TransactWriteItem.builder().update(ticketUpdate(message, expiresAt, triage)).build(),
                        // the nightly SLA report finds the day's sellers by these markers
                        TransactWriteItem.builder().put(DynamoDbSlaMetricsArchive.activityMarker(table, message.seller(),
                                message.receivedAt())).build())
                .build();
    }

    private static Map<String, AttributeValue> messageItem(InboundMessage message, Instant expiresAt, Triage triage) {
        Map<String, AttributeValue> item = ItemCodec.messageItem(message);
        item.put(PK, ItemCodec.s(TicketKeys.ticketPk(message.seller(), message.ticketId())));
        item.put(SK, ItemCodec.s(TicketKeys.MESSAGE_SK_PREFIX + message.messageKey()));
        item.put(ItemCodec.EXPIRES_AT, ItemCodec.n(expiresAt.getEpochSecond()));
        if (triage.intent() != null) {
            item.put("intent", ItemCodec.s(triage.intent()));
        }
        if (triage.language() != null) {
            item.put("language", ItemCodec.s(triage.language()));
        }
        if (triage.confidence() != null) {
            item.put("intentConfidence", AttributeValue.fromN(String.format(Locale.ROOT, "%.4f", triage.confidence())));
        }
        if (!triage.tags().isEmpty()) {
            item.put("tags", AttributeValue.fromSs(triage.tags()));
        }
        return item;
    }

    /** The update's parts: "SET" assignments, "ADD" actions and their values. */
    private static final class Expression {
        final Map<String, AttributeValue> values = new HashMap<>();
        final List<String> sets = new ArrayList<>();
        final List<String> adds = new ArrayList<>();

        void set(String assignment, String placeholder, AttributeValue value) {
            values.put(placeholder, value);
            sets.add(assignment);
        }
    }

    private Update ticketUpdate(InboundMessage message, Instant expiresAt, Triage triage) {
        SellerId seller = message.seller();
        TicketId ticketId = message.ticketId();
        Expression e = new Expression();
        lifecycle(e, message, triage);
        e.set("itemType = :type", ":type", ItemCodec.s("ticket"));
        e.set("sellerId = :seller", ":seller", ItemCodec.s(seller.value()));
        e.set("ticketId = :tid", ":tid", ItemCodec.s(ticketId.value()));
        e.set("channel = :channel", ":channel", ItemCodec.s(message.channel().wireName()));
        e.set("createdAt = if_not_exists(createdAt, :received)", ":received", ItemCodec.s(TicketKeys.time(message.receivedAt())));
        e.sets.add("lastMessageAt = :received");
        // the buyer message that opened the ticket names its correlation id: API requests on it log under that id
        com.deskbridge.adapters.logging.Correlation.current().ifPresent(id -> e.set(
                com.deskbridge.adapters.logging.Correlation.TICKET_ATTRIBUTE + " = if_not_exists("
                        + com.deskbridge.adapters.logging.Correlation.TICKET_ATTRIBUTE + ", :correlationId)",
                ":correlationId", ItemCodec.s(id)));
        e.set("buyer = if_not_exists(buyer, :buyer)", ":buyer", ItemCodec.s(message.sender().address()));
        e.set(ItemCodec.EXPIRES_AT + " = :expires", ":expires", ItemCodec.n(expiresAt.getEpochSecond()));
        searchAndHistory(e, message);
        if (message.marketplaceId() != null) {
            e.set("marketplaceId = if_not_exists(marketplaceId, :mp)", ":mp", ItemCodec.s(message.marketplaceId()));
        }
        if (message.subject() != null) {
            e.set("subject = if_not_exists(subject, :subject)", ":subject", ItemCodec.s(message.subject()));
        }
        if (message.threadKey() != null) { // the conversation the ticket's replies continue (eBay's conversation id)
            e.set(THREAD_KEY + " = if_not_exists(" + THREAD_KEY + ", :thread)", ":thread", ItemCodec.s(message.threadKey()));
        }
        if (message.orderId() != null) {
            e.set("orderId = if_not_exists(orderId, :order)", ":order", ItemCodec.s(message.orderId()));
            e.set(GSI2PK + " = if_not_exists(" + GSI2PK + ", :orderPk)", ":orderPk",
                    ItemCodec.s(TicketKeys.orderPk(seller, message.orderId())));
            e.set(GSI2SK + " = :orderSk", ":orderSk", ItemCodec.s("T#" + ticketId.value()));
        }
        return Update.builder()
                .tableName(table)
                .key(Map.of(PK, ItemCodec.s(TicketKeys.ticketPk(seller, ticketId)), SK, ItemCodec.s(TicketKeys.TICKET_SK)))
                .updateExpression("SET " + String.join(", ", e.sets) + " ADD " + String.join(", ", e.adds))
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(e.values)
                .build();
    }

    /**
     * {@link com.deskbridge.domain.lifecycle.TicketLifecycle#message} as an update: each "keeps" of the rule is an
     * {@code if_not_exists}, which reads the item as it was before this update (so the queue position stays at the
     * oldest waiting message).
     */
    private static void lifecycle(Expression e, InboundMessage message, Triage triage) {
        SellerId seller = message.seller();
        e.set("#status = :open", ":open", ItemCodec.s(TicketStatus.OPEN.wireName()));
        e.set(GSI1PK + " = :openPk", ":openPk", ItemCodec.s(TicketKeys.statusPk(seller, TicketStatus.OPEN)));
        e.set("awaitingReplySince = if_not_exists(awaitingReplySince, :received)", ":received",
                ItemCodec.s(TicketKeys.time(message.receivedAt())));
        if (triage.responseDue().isPresent()) {
            e.set("dueAt = if_not_exists(dueAt, :due)", ":due", ItemCodec.s(TicketKeys.time(triage.responseDue().get())));
            e.sets.add(GSI1SK + " = if_not_exists(dueAt, :due)");
        } else {
            e.sets.add(GSI1SK + " = if_not_exists(awaitingReplySince, :received)");
        }
        DynamoDbDueIndex.startClock(e.sets, e.values, message.ticketId(), triage.slaMilestones());
        e.values.put(":one", ItemCodec.n(1));
        e.adds.add("messageCount :one");
        if (triage.intent() != null) {
            e.set("intent = :intent", ":intent", ItemCodec.s(triage.intent())); // the latest message's intent
        }
        if (!triage.tags().isEmpty()) {
            e.values.put(":tags", AttributeValue.fromSs(triage.tags()));
            e.adds.add("tags :tags"); // a set: tags accumulate over the conversation
        }
        if (escalates(message)) { // stays: the buyer said it once in this thread
            e.set(InboxFacts.ESCALATION + " = :escalation", ":escalation", AttributeValue.fromBool(true));
        }
    }

    /** Search and the customer's history (TicketKeys: ByBuyer, ByActivity), and the queue's preview line. */
    private static void searchAndHistory(Expression e, InboundMessage message) {
        SellerId seller = message.seller();
        String received = TicketKeys.time(message.receivedAt());
        String ticket = message.ticketId().value();
        e.set(TicketKeys.GSI4PK + " = if_not_exists(" + TicketKeys.GSI4PK + ", :buyerPk)", ":buyerPk",
                ItemCodec.s(TicketKeys.buyerPk(seller, message.sender().address())));
        e.set(TicketKeys.GSI4SK + " = if_not_exists(" + TicketKeys.GSI4SK + ", :buyerSk)", ":buyerSk",
                ItemCodec.s(received + "#" + ticket));
        e.set(TicketKeys.GSI5PK + " = :actPk", ":actPk", ItemCodec.s(TicketKeys.activityPk(seller)));
        e.set(TicketKeys.GSI5SK + " = :actSk", ":actSk", ItemCodec.s(received + "#" + ticket));
        e.set("searchText = if_not_exists(searchText, :firstText)", ":firstText",
                ItemCodec.s(SearchText.of(message.subject(), message.body())));
        e.set("lastText = :lastText", ":lastText", ItemCodec.s(SearchText.of(message.body())));
        String preview = SearchText.preview(message.body()) != null ? SearchText.preview(message.body())
                : SearchText.preview(message.subject());
        if (preview != null) {
            e.set("lastPreview = :preview", ":preview", ItemCodec.s(preview));
        }
    }
}
