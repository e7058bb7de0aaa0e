package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI3PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI3SK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.escalation.DomainEvent;
import com.deskbridge.domain.escalation.DueIndex;
import com.deskbridge.domain.escalation.DueTicket;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.sla.Priority;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** {@link DueIndex} on the tickets table's sparse, sharded DueBySweep index (layout in {@link TicketKeys}). */
public final class DynamoDbDueIndex implements DueIndex {
    static final String MILESTONES = "slaMilestones";
    static final String FIRED = "slaFired";
    static final String OUTBOX = "slaOutbox";
    static final String OUTBOX_AT = "slaOutboxAt";
    static final String PRIORITY = "priority";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbDueIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public int shards() {
        return TicketKeys.DUE_SHARDS;
    }

    @Override
    public List<DueTicket> due(int shard, Instant now, int limit) {
        // Keys are "{time}#{ticket}"; '~' sorts after every character of a ticket id, so this is "time <= now".
        List<Map<String, AttributeValue>> items = dynamo.query(QueryRequest.builder()
                .tableName(table)
                .indexName(TicketKeys.DUE_BY_SWEEP)
                .keyConditionExpression(GSI3PK + " = :pk AND " + GSI3SK + " <= :now")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(TicketKeys.duePk(shard)),
                        ":now", AttributeValue.fromS(TicketKeys.time(now) + "#~")))
                .limit(limit)
                .build()).items();
        return items.stream().map(DynamoDbDueIndex::dueTicket).toList();
    }

    @Override
    public boolean recordFired(DueTicket observed, Set<MilestoneKind> fired, Priority priority, List<DomainEvent> events,
                               Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":priority", AttributeValue.fromS(priority.name()),
                ":outbox", AttributeValue.fromL(events.stream().map(DynamoDbDueIndex::event).toList()),
                ":now", millis(now),
                ":fired", AttributeValue.fromSs(fired.stream().map(Enum::name).toList()),
                ":observed", AttributeValue.fromS(observed.indexKey())));
        Update update = Update.builder().tableName(table)
                .key(Map.of(PK, AttributeValue.fromS(TicketKeys.ticketPk(observed.seller(), observed.ticket())),
                        SK, AttributeValue.fromS(TicketKeys.TICKET_SK)))
                .updateExpression("SET " + PRIORITY + " = :priority, " + OUTBOX + " = :outbox, " + OUTBOX_AT
                        + " = :now ADD " + FIRED + " :fired")
                .conditionExpression(GSI3SK + " = :observed AND attribute_not_exists(" + OUTBOX + ")")
                .expressionAttributeValues(values)
                .build();
        // Milestones move tickets into "breaching soon" and change their score: the inbox follows in this transaction.
        return new InboxIndex(dynamo, table).write(observed.seller(), observed.ticket(), now, snapshot -> {
            if (!snapshot.exists()) {
                return Optional.empty();
            }
            Map<String, AttributeValue> after = new HashMap<>(snapshot.ticket());
            after.put(PRIORITY, AttributeValue.fromS(priority.name()));
            java.util.TreeSet<String> all = new java.util.TreeSet<>();
            if (after.containsKey(FIRED)) {
                all.addAll(after.get(FIRED).ss());
            }
            fired.forEach(kind -> all.add(kind.name()));
            if (!all.isEmpty()) {
                after.put(FIRED, AttributeValue.fromSs(List.copyOf(all)));
            }
            return Optional.of(new InboxIndex.Plan(List.of(TransactWriteItem.builder().update(update).build()), after));
        }) == InboxIndex.WRITTEN;
    }

    @Override
    public boolean claimOutbox(DueTicket observed, Instant now) {
        return update(observed, "SET " + OUTBOX_AT + " = :now",
                GSI3SK + " = :observed AND " + OUTBOX_AT + " = :claimedAt",
                Map.of(":now", millis(now), ":claimedAt", millis(observed.outboxAt())));
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    @Override
    public boolean settle(DueTicket observed, Optional<Instant> next) {
        if (next.isPresent()) {
            return update(observed, "SET " + GSI3SK + " = :next REMOVE " + OUTBOX + ", " + OUTBOX_AT, GSI3SK + " = :observed",
                    Map.of(":next", AttributeValue.fromS(TicketKeys.dueSk(next.get(), observed.ticket()))));
        }
        return update(observed, "REMOVE " + OUTBOX + ", " + OUTBOX_AT + ", " + GSI3PK + ", " + GSI3SK,
                GSI3SK + " = :observed", Map.of());
    }

    private boolean update(DueTicket observed, String expression, String condition, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":observed", AttributeValue.fromS(observed.indexKey()));
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(Map.of(PK, AttributeValue.fromS(TicketKeys.ticketPk(observed.seller(), observed.ticket())),
                            SK, AttributeValue.fromS(TicketKeys.TICKET_SK)))
                    .updateExpression(expression)
                    .conditionExpression(condition)
                    .expressionAttributeValues(all)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    /**
     * Milestones that come from one message rather than from the waiting period: a cancellation request's deadline,
     * a delivery problem's urgency. When the ticket was already waiting, intake's transaction kept the older timeline
     * (the oldest unanswered message rules), so these are added one by one, each only if the timeline lacks it, and
     * the ticket's due-index position is moved earlier when the new milestone comes first. Messages without such
     * milestones cost nothing here.
     */
    void addMessageMilestones(SellerId seller, TicketId ticket, Map<MilestoneKind, Instant> milestones) {
        Map<String, AttributeValue> key = Map.of(PK, AttributeValue.fromS(TicketKeys.ticketPk(seller, ticket)),
                SK, AttributeValue.fromS(TicketKeys.TICKET_SK));
        for (MilestoneKind kind : MESSAGE_MILESTONES) {
            Instant at = milestones.get(kind);
            if (at == null) {
                continue;
            }
            try {
                dynamo.updateItem(r -> r.tableName(table).key(key)
                        .updateExpression("SET " + MILESTONES + ".#kind = :at")
                        .conditionExpression("attribute_exists(" + MILESTONES + ") AND attribute_not_exists("
                                + MILESTONES + ".#kind) AND NOT contains(" + FIRED + ", :kindName)")
                        .expressionAttributeNames(Map.of("#kind", kind.name()))
                        .expressionAttributeValues(Map.of(":at", millis(at), ":kindName", AttributeValue.fromS(kind.name()))));
            } catch (ConditionalCheckFailedException alreadyThere) {
                continue; // the timeline has it (this message started the period) or it fired already
            }
            try {
                dynamo.updateItem(r -> r.tableName(table).key(key)
                        .updateExpression("SET " + GSI3SK + " = :sk")
                        .conditionExpression("attribute_exists(" + GSI3PK + ") AND " + GSI3SK + " > :sk")
                        .expressionAttributeValues(Map.of(":sk", AttributeValue.fromS(TicketKeys.dueSk(at, ticket)))));
            } catch (ConditionalCheckFailedException laterAlready) {
                // the ticket is due earlier anyway
            }
            if (com.deskbridge.domain.intake.Triage.DEADLINES.contains(kind)) {
                try {
                    // A response deadline earlier than the ticket's moves it up the open queue too.
                    String due = TicketKeys.time(at);
                    dynamo.updateItem(r -> r.tableName(table).key(key)
                            .updateExpression("SET dueAt = :due, " + TicketKeys.GSI1SK + " = :due")
                            .conditionExpression("attribute_exists(dueAt) AND dueAt > :due")
                            .expressionAttributeValues(Map.of(":due", AttributeValue.fromS(due))));
                } catch (ConditionalCheckFailedException dueEarlierAnyway) {
                    // nothing to move
                }
            }
        }
    }

    /** See {@link #addMessageMilestones}. */
    private static final List<MilestoneKind> MESSAGE_MILESTONES =
            List.of(MilestoneKind.CANCELLATION_DUE, MilestoneKind.URGENT, MilestoneKind.A_TO_Z_ELIGIBLE);

    /** The attributes intake writes when a waiting period starts (if_not_exists: the oldest waiting message rules). */
    static void startClock(List<String> sets, Map<String, AttributeValue> values, TicketId ticket,
                           Map<MilestoneKind, Instant> milestones) {
        values.put(":normal", AttributeValue.fromS(Priority.NORMAL.name()));
        sets.add(PRIORITY + " = if_not_exists(" + PRIORITY + ", :normal)");
        if (milestones.isEmpty()) {
            return;
        }
        Map<String, AttributeValue> encoded = new HashMap<>();
        milestones.forEach((m, at) -> encoded.put(m.name(), AttributeValue.fromN(Long.toString(at.toEpochMilli()))));
        Instant first = milestones.values().stream().min(Instant::compareTo).orElseThrow();
        values.put(":milestones", AttributeValue.fromM(encoded));
        values.put(":duePk", AttributeValue.fromS(TicketKeys.duePk(TicketKeys.dueShard(ticket))));
        values.put(":dueSk", AttributeValue.fromS(TicketKeys.dueSk(first, ticket)));
        sets.add(MILESTONES + " = if_not_exists(" + MILESTONES + ", :milestones)");
        sets.add(GSI3PK + " = if_not_exists(" + GSI3PK + ", :duePk)");
        sets.add(GSI3SK + " = if_not_exists(" + GSI3SK + ", :dueSk)");
    }

    /**
     * The attributes a waiting ticket carries for the due index, as a ticket item of its own (keys included).
     * For bulk loads (benchmarks, migrations); intake writes the same attributes inside its transaction.
     */
    public static Map<String, AttributeValue> waitingTicketItem(SellerId seller, TicketId ticket,
                                                                Map<MilestoneKind, Instant> milestones) {
        Map<String, AttributeValue> encoded = new HashMap<>();
        milestones.forEach((m, at) -> encoded.put(m.name(), millis(at)));
        Instant first = milestones.values().stream().min(Instant::compareTo).orElseThrow();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(TicketKeys.ticketPk(seller, ticket)));
        item.put(SK, AttributeValue.fromS(TicketKeys.TICKET_SK));
        item.put("itemType", AttributeValue.fromS("ticket"));
        item.put("sellerId", AttributeValue.fromS(seller.value()));
        item.put("ticketId", AttributeValue.fromS(ticket.value()));
        item.put(PRIORITY, AttributeValue.fromS(Priority.NORMAL.name()));
        item.put(MILESTONES, AttributeValue.fromM(encoded));
        item.put(GSI3PK, AttributeValue.fromS(TicketKeys.duePk(TicketKeys.dueShard(ticket))));
        item.put(GSI3SK, AttributeValue.fromS(TicketKeys.dueSk(first, ticket)));
        return item;
    }

    private static AttributeValue event(DomainEvent e) {
        return AttributeValue.fromM(Map.of(
                "id", AttributeValue.fromS(e.id()),
                "type", AttributeValue.fromS(e.type()),
                "milestone", AttributeValue.fromS(e.milestone().name()),
                "milestoneAt", AttributeValue.fromN(Long.toString(e.milestoneAt().toEpochMilli())),
                "occurredAt", AttributeValue.fromN(Long.toString(e.occurredAt().toEpochMilli()))));
    }

    private static DueTicket dueTicket(Map<String, AttributeValue> item) {
        SellerId seller = new SellerId(item.get("sellerId").s());
        TicketId ticket = new TicketId(item.get("ticketId").s());
        Map<MilestoneKind, Instant> milestones = new EnumMap<>(MilestoneKind.class);
        if (item.containsKey(MILESTONES)) {
            item.get(MILESTONES).m().forEach((name, at) ->
                    milestones.put(MilestoneKind.valueOf(name), Instant.ofEpochMilli(Long.parseLong(at.n()))));
        }
        Set<MilestoneKind> fired = EnumSet.noneOf(MilestoneKind.class);
        if (item.containsKey(FIRED)) {
            item.get(FIRED).ss().forEach(name -> fired.add(MilestoneKind.valueOf(name)));
        }
        List<DomainEvent> outbox = new ArrayList<>();
        if (item.containsKey(OUTBOX)) {
            for (AttributeValue v : item.get(OUTBOX).l()) {
                Map<String, AttributeValue> e = v.m();
                outbox.add(new DomainEvent(e.get("id").s(), e.get("type").s(), seller, ticket,
                        MilestoneKind.valueOf(e.get("milestone").s()),
                        Instant.ofEpochMilli(Long.parseLong(e.get("milestoneAt").n())),
                        Instant.ofEpochMilli(Long.parseLong(e.get("occurredAt").n()))));
            }
        }
        Priority priority = item.containsKey(PRIORITY) ? Priority.valueOf(item.get(PRIORITY).s()) : Priority.NORMAL;
        Instant outboxAt = item.containsKey(OUTBOX_AT) ? Instant.ofEpochMilli(Long.parseLong(item.get(OUTBOX_AT).n())) : null;
        return new DueTicket(seller, ticket, item.get(GSI3SK).s(), priority, milestones, fired, outbox, outboxAt);
    }
}
