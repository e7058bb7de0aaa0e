package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.lifecycle.TicketLifecycle;
import com.deskbridge.domain.lifecycle.TicketTransition;
import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketId;
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
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link TicketStore} on one DynamoDB table (layout in {@link TicketKeys}). What a ticket becomes on a message, a
 * reply, closing and "no response needed" is the domain's {@link TicketLifecycle}; this store writes each transition
 * as conditional writes, with the inbox's views ({@link InboxIndex}) in the same transaction. Intake is one
 * transaction ({@link TicketAppend}); replies are {@link TicketReplies}; reads are {@link TicketListing}.
 */
public final class DynamoDbTicketStore implements TicketStore {
    /** Reads between a clock stop's read and a write that found the ticket changed (the sweep's outbox). */
    private static final int CLOCK_STOP_ATTEMPTS = 4;

    private final DynamoDbClient dynamo;
    private final String table;
    private final InboxIndex inbox;
    private final TicketAppend appends;
    private final TicketReplies replies;
    private final TicketListing listing;

    public DynamoDbTicketStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        this.inbox = new InboxIndex(dynamo, table);
        this.appends = new TicketAppend(table);
        this.replies = new TicketReplies(table, inbox);
        this.listing = new TicketListing(dynamo, table);
    }

    @Override
    public AppendOutcome append(InboundMessage message, Instant personalDataExpiresAt, Triage triage) {
        // The message put is item 0 of the transaction: its condition failing means the message is stored already.
        int written = inbox.write(message.seller(), message.ticketId(), message.receivedAt(), snapshot -> {
            TicketTransition transition = TicketLifecycle.message(TicketItems.state(snapshot.ticket()),
                    message.receivedAt(), triage, TicketAppend.escalates(message));
            return Optional.of(new InboxIndex.Plan(appendTransaction(message, personalDataExpiresAt, triage).transactItems(),
                    TicketAppend.after(snapshot.ticket(), message, personalDataExpiresAt, transition)));
        });
        if (written == 0) {
            return AppendOutcome.DUPLICATE;
        }
        new DynamoDbDueIndex(dynamo, table).addMessageMilestones(message.seller(), message.ticketId(),
                triage.slaMilestones());
        return AppendOutcome.APPENDED;
    }

    /** The exact write intake makes for one message; public so the benchmark can time the bare write. */
    public TransactWriteItemsRequest appendTransaction(InboundMessage message, Instant personalDataExpiresAt,
                                                       Triage triage) {
        return appends.transaction(message, personalDataExpiresAt, triage);
    }

    /**
     * SnapStart priming (the API's): a buyer's {@code message} encoded as intake stores it and an agent's {@code reply}
     * to it as the API records it, handed through a query answer's builder as the SDK hands a page's items, and decoded
     * as {@link #find} decodes them, all in memory: no DynamoDB call, nothing stored. The API's first
     * {@code GET /tickets/{id}} of a ticket that exists then finds the message codec's code (both directions), lambdas
     * and the SDK's item copiers linked (priming's own read of the reserved seller finds nothing).
     */
    public static List<com.deskbridge.domain.ticket.TicketMessage> roundTrip(InboundMessage message, OutgoingReply reply) {
        software.amazon.awssdk.services.dynamodb.model.QueryResponse page =
                software.amazon.awssdk.services.dynamodb.model.QueryResponse.builder().items(List.of(
                        ItemCodec.messageItem(message),
                        ItemCodec.replyItem(reply, message.seller(), message.ticketId(), message.subject()))).build();
        return page.items().stream().map(ItemCodec::message).toList();
    }

    @Override
    public Optional<TicketDetail> find(SellerId seller, TicketId id, Instant now) {
        return listing.find(seller, id, now);
    }

    @Override
    public Page<TicketSummary> list(SellerId seller, TicketFilter filter, int limit, String cursor, Instant now) {
        return listing.list(seller, filter, limit, cursor, now);
    }

    @Override
    public boolean markNoResponseNeeded(SellerId seller, TicketId id, String agentId, Instant at) {
        return stopClock(seller, id, at, state -> TicketLifecycle.noResponseNeeded(state, agentId, at), "noResponseNeededBy");
    }

    @Override
    public boolean close(SellerId seller, TicketId id, String agentId, Instant at) {
        return stopClock(seller, id, at, state -> TicketLifecycle.close(state, agentId, at), "closedBy");
    }

    /**
     * Writes a closing transition, in the form the pending-escalation rule picks from the state read; when the
     * ticket's escalation outbox changed before the write, reads again.
     */
    private boolean stopClock(SellerId seller, TicketId id, Instant at,
                              java.util.function.Function<com.deskbridge.domain.lifecycle.TicketState, TicketTransition> step,
                              String byAttribute) {
        for (int attempt = 0; attempt < CLOCK_STOP_ATTEMPTS; attempt++) {
            int result = inbox.write(seller, id, at, snapshot -> {
                if (!snapshot.exists()) {
                    return Optional.empty();
                }
                TicketTransition transition = step.apply(TicketItems.state(snapshot.ticket()));
                Update update = ClockStop.of(table, seller, id, transition, "closedAt = :stopAt, " + byAttribute
                        + " = :agent, " + InboxFacts.LAST_HANDLED_BY + " = :agent",
                        Map.of(":agent", ItemCodec.s(transition.after().lastHandledBy())), null);
                return Optional.of(new InboxIndex.Plan(List.of(TransactWriteItem.builder().update(update).build()),
                        TicketItems.with(snapshot.ticket(), transition.after())));
            });
            if (result == InboxIndex.WRITTEN) {
                return true;
            }
            if (result == InboxIndex.NOTHING) {
                return false;
            }
        }
        return false;
    }

    @Override
    public ReplyOutcome recordReply(SellerId seller, TicketId id, OutgoingReply reply, Instant personalDataExpiresAt) {
        return replies.record(seller, id, reply, personalDataExpiresAt);
    }

    @Override
    public boolean updateSendStatus(SellerId seller, TicketId id, String messageKey, Set<SendStatus> from,
                                    SendStatus to, String detail, Instant at) {
        if (to == SendStatus.FAILED) {
            // The ticket is open again, its views in the same transaction.
            return new FailedSend(dynamo, table, inbox).fail(seller, id, messageKey, sendStatusUpdate(seller, id,
                    messageKey, from, to, detail, at), detail == null ? "the channel refused the reply" : detail, at);
        }
        return FailedSend.updateIfInState(dynamo, sendStatusUpdate(seller, id, messageKey, from, to, detail, at));
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

}
