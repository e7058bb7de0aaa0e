package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI1PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI1SK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI3PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI3SK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.sla.Priority;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.SendFailure;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A reply its channel refused for good never reached the buyer, so the clock it stopped must run again. One
 * transaction marks the reply FAILED and puts the ticket back where a waiting ticket is: open, waiting since the
 * buyer message the reply answered (its clock as the reply found it, kept on the reply item when it was recorded),
 * due now in the open queue and in the due index (a {@link MilestoneKind#REPLY_FAILED} milestone the sweep fires at
 * once), priority at least HIGH, and the failure shown ({@value #SEND_FAILURE}). The first-response record the reply
 * wrote is withdrawn: the buyer was not answered. If a later buyer message already restarted the clock, the ticket
 * keeps that clock and only gains the failure, the milestone and the priority. Every ticket attribute the new state
 * is computed from is a condition of the write; a concurrent change (a buyer message, the sweep) means read again.
 */
final class FailedSend {
    static final String SEND_FAILURE = "sendFailure";
    /** On a reply item: the clock the reply stopped (waitingSince, milestones, fired). */
    static final String CLOCK_STOPPED = "clockStopped";
    private static final int ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;

    FailedSend(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The ticket's clock as a reply that stops it finds it. */
    static AttributeValue snapshot(Map<String, AttributeValue> ticket) {
        Map<String, AttributeValue> clock = new HashMap<>();
        clock.put("waitingSince", ticket.get("awaitingReplySince"));
        if (ticket.containsKey(DynamoDbDueIndex.MILESTONES)) {
            clock.put("milestones", ticket.get(DynamoDbDueIndex.MILESTONES));
        }
        if (ticket.containsKey(DynamoDbDueIndex.FIRED)) {
            clock.put("fired", ticket.get(DynamoDbDueIndex.FIRED));
        }
        return AttributeValue.fromM(clock);
    }

    static SendFailure failure(Map<String, AttributeValue> ticket) {
        AttributeValue v = ticket.get(SEND_FAILURE);
        if (v == null || v.m() == null || v.m().isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> m = v.m();
        return new SendFailure(m.get("messageKey").s(), m.get("reason").s(), Instant.parse(m.get("at").s()));
    }

    /**
     * @param replyUpdate the reply's own move to FAILED (conditional on its current state)
     * @return false when the reply was not in a state it may fail from
     */
    boolean fail(SellerId seller, TicketId id, String messageKey, Update replyUpdate, String reason, Instant at) {
        Map<String, AttributeValue> ticketKey = Map.of(PK, AttributeValue.fromS(TicketKeys.ticketPk(seller, id)),
                SK, AttributeValue.fromS(TicketKeys.TICKET_SK));
        Map<String, AttributeValue> replyKey = replyUpdate.key();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, AttributeValue> reply = dynamo.getItem(g -> g.tableName(table).key(replyKey).consistentRead(true)).item();
            Map<String, AttributeValue> ticket = dynamo.getItem(g -> g.tableName(table).key(ticketKey).consistentRead(true)).item();
            if (reply == null || reply.isEmpty() || ticket == null || ticket.isEmpty()) {
                return failReplyOnly(replyUpdate);
            }
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().update(replyUpdate).build());
            items.add(TransactWriteItem.builder().update(reopen(seller, id, ticketKey, ticket, reply, messageKey, reason, at)).build());
            AttributeValue clock = reply.get(CLOCK_STOPPED);
            if (!ticket.containsKey("awaitingReplySince") && clock != null && clock.m().get("waitingSince") != null) {
                Instant waitingSince = Instant.parse(clock.m().get("waitingSince").s());
                items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(Map.of(
                        PK, AttributeValue.fromS(TicketKeys.responsePk(seller, waitingSince)),
                        SK, AttributeValue.fromS(TicketKeys.time(waitingSince) + "#" + id.value()))).build()).build());
            }
            try {
                dynamo.transactWriteItems(t -> t.transactItems(items));
                return true;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                    return false; // the reply is not (any more) in a state it may fail from
                }
                if (reasons.size() < 2 || !"ConditionalCheckFailed".equals(reasons.get(1).code())) {
                    throw e;
                }
                // the ticket changed between our read and the write: read again
            }
        }
        throw new IllegalStateException("ticket " + id + " kept changing while a failed send was recorded");
    }

    private boolean failReplyOnly(Update replyUpdate) {
        try {
            dynamo.updateItem(u -> u.tableName(replyUpdate.tableName()).key(replyUpdate.key())
                    .updateExpression(replyUpdate.updateExpression()).conditionExpression(replyUpdate.conditionExpression())
                    .expressionAttributeValues(replyUpdate.expressionAttributeValues()));
            return true;
        } catch (ConditionalCheckFailedException notInState) {
            return false;
        }
    }

    private Update reopen(SellerId seller, TicketId id, Map<String, AttributeValue> key, Map<String, AttributeValue> ticket,
                          Map<String, AttributeValue> reply, String messageKey, String reason, Instant at) {
        Map<String, AttributeValue> clock = reply.containsKey(CLOCK_STOPPED) ? reply.get(CLOCK_STOPPED).m() : Map.of();
        boolean waiting = ticket.containsKey("awaitingReplySince");
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> conditions = new ArrayList<>(List.of("attribute_exists(" + PK + ")"));

        values.put(":open", AttributeValue.fromS(TicketStatus.OPEN.wireName()));
        values.put(":openPk", AttributeValue.fromS(TicketKeys.statusPk(seller, TicketStatus.OPEN)));
        sets.add("#status = :open");
        sets.add(GSI1PK + " = :openPk");
        same(conditions, values, ticket, "#status", "status", ":readStatus");

        String now = TicketKeys.time(at);
        String readDue = ItemCodec.str(ticket, "dueAt");
        String due = readDue != null && readDue.compareTo(now) < 0 ? readDue : now;
        values.put(":due", AttributeValue.fromS(due));
        sets.add("dueAt = :due");
        sets.add(GSI1SK + " = :due");

        AttributeValue waitingSince = waiting ? ticket.get("awaitingReplySince")
                : clock.getOrDefault("waitingSince", reply.get("receivedAt"));
        values.put(":waitingSince", waitingSince);
        sets.add("awaitingReplySince = :waitingSince");
        same(conditions, values, ticket, "awaitingReplySince", "awaitingReplySince", ":readWaiting");

        Map<String, AttributeValue> milestones = new HashMap<>();
        AttributeValue readMilestones = waiting ? ticket.get(DynamoDbDueIndex.MILESTONES) : clock.get("milestones");
        if (readMilestones != null) {
            milestones.putAll(readMilestones.m());
        }
        milestones.put(MilestoneKind.REPLY_FAILED.name(), AttributeValue.fromN(Long.toString(at.toEpochMilli())));
        values.put(":milestones", AttributeValue.fromM(milestones));
        sets.add(DynamoDbDueIndex.MILESTONES + " = :milestones");
        AttributeValue fired = waiting ? ticket.get(DynamoDbDueIndex.FIRED) : clock.get("fired");
        if (fired != null) {
            values.put(":fired", fired);
            sets.add(DynamoDbDueIndex.FIRED + " = :fired");
        }

        String dueKey = TicketKeys.dueSk(at, id);
        String readDueKey = ItemCodec.str(ticket, GSI3SK);
        boolean inDueIndex = ItemCodec.str(ticket, GSI3PK) != null && ItemCodec.str(ticket, GSI3PK).startsWith("DUE#");
        values.put(":duePk", AttributeValue.fromS(TicketKeys.duePk(TicketKeys.dueShard(id))));
        values.put(":dueSk", AttributeValue.fromS(inDueIndex && readDueKey.compareTo(dueKey) < 0 ? readDueKey : dueKey));
        sets.add(GSI3PK + " = :duePk");
        sets.add(GSI3SK + " = :dueSk");
        same(conditions, values, ticket, GSI3SK, GSI3SK, ":readDueSk");

        Priority read = ticket.containsKey(DynamoDbDueIndex.PRIORITY)
                ? Priority.valueOf(ticket.get(DynamoDbDueIndex.PRIORITY).s()) : Priority.NORMAL;
        values.put(":priority", AttributeValue.fromS(read.max(MilestoneKind.REPLY_FAILED.priority()).name()));
        sets.add(DynamoDbDueIndex.PRIORITY + " = :priority");
        same(conditions, values, ticket, DynamoDbDueIndex.PRIORITY, DynamoDbDueIndex.PRIORITY, ":readPriority");

        values.put(":failure", AttributeValue.fromM(Map.of("messageKey", AttributeValue.fromS(messageKey),
                "reason", AttributeValue.fromS(reason.length() > 500 ? reason.substring(0, 500) : reason),
                "at", AttributeValue.fromS(at.toString()))));
        sets.add(SEND_FAILURE + " = :failure");

        String remove = "";
        if (!waiting && reply.get("receivedAt") != null && reply.get("receivedAt").equals(ticket.get("firstResponseAt"))) {
            remove = " REMOVE firstResponseAt"; // it was this reply, which the buyer never got
        }
        return Update.builder().tableName(table).key(key)
                .updateExpression("SET " + String.join(", ", sets) + remove)
                .conditionExpression(String.join(" AND ", conditions))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /** Adds "the attribute is as read" to the conditions. */
    private static void same(List<String> conditions, Map<String, AttributeValue> values, Map<String, AttributeValue> ticket,
                             String path, String attribute, String placeholder) {
        AttributeValue read = ticket.get(attribute);
        if (read == null) {
            conditions.add("attribute_not_exists(" + path + ")");
        } else {
            values.put(placeholder, read);
            conditions.add(path + " = " + placeholder);
        }
    }
}
