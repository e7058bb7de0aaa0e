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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
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
    private final InboxIndex inbox;

    FailedSend(DynamoDbClient dynamo, String table, InboxIndex inbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.inbox = inbox;
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
        Map<String, AttributeValue> replyKey = replyUpdate.key();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, AttributeValue> reply = dynamo.getItem(g -> g.tableName(table).key(replyKey).consistentRead(true)).item();
            InboxIndex.Snapshot snapshot = inbox.read(seller.value(), id.value());
            if (reply == null || reply.isEmpty() || !snapshot.exists()) {
                return updateIfInState(dynamo, replyUpdate);
            }
            Map<String, AttributeValue> ticket = snapshot.ticket();
            Reopen reopen = reopen(seller, id, ticket, reply, messageKey, reason, at);
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().update(replyUpdate).build());
            items.add(TransactWriteItem.builder().update(reopen.update()).build());
            AttributeValue clock = reply.get(CLOCK_STOPPED);
            if (!ticket.containsKey("awaitingReplySince") && clock != null && clock.m().get("waitingSince") != null) {
                Instant waitingSince = Instant.parse(clock.m().get("waitingSince").s());
                items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(Map.of(
                        PK, AttributeValue.fromS(TicketKeys.responsePk(seller, waitingSince)),
                        SK, AttributeValue.fromS(TicketKeys.time(waitingSince) + "#" + id.value()))).build()).build());
            }
            // The inbox's views in the same transaction: the reopened ticket is in the open views with the failure shown.
            int result = inbox.attempt(seller, id, snapshot, new InboxIndex.Plan(items, reopen.after()), at);
            if (result == InboxIndex.WRITTEN) {
                return true;
            }
            if (result == 0) {
                return false; // the reply is not (any more) in a state it may fail from
            }
            // the ticket or its views changed between our read and the write: read again
        }
        throw new IllegalStateException("ticket " + id + " kept changing while a failed send was recorded");
    }

    /** One conditional update; false when its condition fails. */
    static boolean updateIfInState(DynamoDbClient dynamo, Update update) {
        try {
            dynamo.updateItem(u -> u.tableName(update.tableName()).key(update.key())
                    .updateExpression(update.updateExpression()).conditionExpression(update.conditionExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues()));
            return true;
        } catch (ConditionalCheckFailedException notInState) {
            return false;
        }
    }

    /** The ticket's update and the ticket item as it leaves it (for the inbox). */
    private record Reopen(Update update, Map<String, AttributeValue> after) {
    }

    /** The update's parts: what it sets (attribute to value) and the conditions on the ticket as read. */
    private static final class Changes {
        final Map<String, AttributeValue> set = new java.util.LinkedHashMap<>();
        final List<String> conditions = new ArrayList<>(List.of("attribute_exists(" + PK + ")"));
        final Map<String, AttributeValue> values = new HashMap<>();
    }

    private Reopen reopen(SellerId seller, TicketId id, Map<String, AttributeValue> ticket,
                          Map<String, AttributeValue> reply, String messageKey, String reason, Instant at) {
        Map<String, AttributeValue> clock = reply.containsKey(CLOCK_STOPPED) ? reply.get(CLOCK_STOPPED).m() : Map.of();
        boolean waiting = ticket.containsKey("awaitingReplySince");
        Changes c = new Changes();
        c.set.put("status", AttributeValue.fromS(TicketStatus.OPEN.wireName()));
        c.set.put(GSI1PK, AttributeValue.fromS(TicketKeys.statusPk(seller, TicketStatus.OPEN)));
        same(c.conditions, c.values, ticket, "#status", "status", ":readStatus");

        String now = TicketKeys.time(at);
        String readDue = ItemCodec.str(ticket, "dueAt");
        String due = readDue != null && readDue.compareTo(now) < 0 ? readDue : now;
        c.set.put("dueAt", AttributeValue.fromS(due));
        c.set.put(GSI1SK, AttributeValue.fromS(due));
        c.set.put("awaitingReplySince", waiting ? ticket.get("awaitingReplySince")
                : clock.getOrDefault("waitingSince", reply.get("receivedAt")));
        same(c.conditions, c.values, ticket, "awaitingReplySince", "awaitingReplySince", ":readWaiting");
        restartTimeline(c, seller, id, ticket, waiting ? ticket : clockAsTicket(clock), at);
        c.set.put(SEND_FAILURE, AttributeValue.fromM(Map.of("messageKey", AttributeValue.fromS(messageKey),
                "reason", AttributeValue.fromS(reason.length() > 500 ? reason.substring(0, 500) : reason),
                "at", AttributeValue.fromS(at.toString()))));

        Map<String, AttributeValue> after = new HashMap<>(ticket);
        after.putAll(c.set);
        String remove = "";
        if (!waiting && reply.get("receivedAt") != null && reply.get("receivedAt").equals(ticket.get("firstResponseAt"))) {
            remove = " REMOVE firstResponseAt"; // it was this reply, which the buyer never got
            after.remove("firstResponseAt");
        }
        List<String> sets = new ArrayList<>();
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        for (Map.Entry<String, AttributeValue> e : c.set.entrySet()) {
            int n = sets.size();
            names.put("#a" + n, e.getKey());
            c.values.put(":v" + n, e.getValue());
            sets.add("#a" + n + " = :v" + n);
        }
        Update update = Update.builder().tableName(table)
                .key(Map.of(PK, AttributeValue.fromS(TicketKeys.ticketPk(seller, id)), SK, AttributeValue.fromS(TicketKeys.TICKET_SK)))
                .updateExpression("SET " + String.join(", ", sets) + remove)
                .conditionExpression(String.join(" AND ", c.conditions))
                .expressionAttributeNames(names)
                .expressionAttributeValues(c.values)
                .build();
        return new Reopen(update, after);
    }

    /** The clock kept on a reply item, under the ticket's attribute names. */
    private static Map<String, AttributeValue> clockAsTicket(Map<String, AttributeValue> clock) {
        Map<String, AttributeValue> timeline = new HashMap<>();
        if (clock.get("milestones") != null) {
            timeline.put(DynamoDbDueIndex.MILESTONES, clock.get("milestones"));
        }
        if (clock.get("fired") != null) {
            timeline.put(DynamoDbDueIndex.FIRED, clock.get("fired"));
        }
        return timeline;
    }

    /** The timeline gains a REPLY_FAILED milestone due now; the ticket is in the due index, priority at least HIGH. */
    private static void restartTimeline(Changes c, SellerId seller, TicketId id, Map<String, AttributeValue> ticket,
                                        Map<String, AttributeValue> timeline, Instant at) {
        Map<String, AttributeValue> milestones = new HashMap<>();
        if (timeline.get(DynamoDbDueIndex.MILESTONES) != null) {
            milestones.putAll(timeline.get(DynamoDbDueIndex.MILESTONES).m());
        }
        milestones.put(MilestoneKind.REPLY_FAILED.name(), AttributeValue.fromN(Long.toString(at.toEpochMilli())));
        c.set.put(DynamoDbDueIndex.MILESTONES, AttributeValue.fromM(milestones));
        if (timeline.get(DynamoDbDueIndex.FIRED) != null) {
            c.set.put(DynamoDbDueIndex.FIRED, timeline.get(DynamoDbDueIndex.FIRED));
        }
        String dueKey = TicketKeys.dueSk(at, id);
        String readDueKey = ItemCodec.str(ticket, GSI3SK);
        boolean inDueIndex = ItemCodec.str(ticket, GSI3PK) != null && ItemCodec.str(ticket, GSI3PK).startsWith("DUE#");
        c.set.put(GSI3PK, AttributeValue.fromS(TicketKeys.duePk(TicketKeys.dueShard(id))));
        c.set.put(GSI3SK, AttributeValue.fromS(inDueIndex && readDueKey.compareTo(dueKey) < 0 ? readDueKey : dueKey));
        same(c.conditions, c.values, ticket, GSI3SK, GSI3SK, ":readDueSk");
        Priority read = ticket.containsKey(DynamoDbDueIndex.PRIORITY)
                ? Priority.valueOf(ticket.get(DynamoDbDueIndex.PRIORITY).s()) : Priority.NORMAL;
        c.set.put(DynamoDbDueIndex.PRIORITY, AttributeValue.fromS(read.max(MilestoneKind.REPLY_FAILED.priority()).name()));
        same(c.conditions, c.values, ticket, DynamoDbDueIndex.PRIORITY, DynamoDbDueIndex.PRIORITY, ":readPriority");
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
