package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.lifecycle.TicketLifecycle;
import com.deskbridge.domain.lifecycle.TicketTransition;
import com.deskbridge.domain.port.TicketStore.ReplyOutcome;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.ReplySource;
import com.deskbridge.domain.ticket.SearchText;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Records a reply: the ticket's {@link TicketLifecycle#reply} transition, written conditionally on the waiting period
 * it was computed from, with the reply message (once per key), the first-response record, the daily counters and the
 * inbox's views in one transaction.
 */
final class TicketReplies {
    private final String table;
    private final InboxIndex inbox;

    TicketReplies(String table, InboxIndex inbox) {
        this.table = table;
        this.inbox = inbox;
    }

    ReplyOutcome record(SellerId seller, TicketId id, OutgoingReply reply, Instant expiresAt) {
        for (int attempt = 0; attempt < 20; attempt++) {
            InboxIndex.Snapshot snapshot = inbox.read(seller.value(), id.value());
            if (!snapshot.exists()) {
                return ReplyOutcome.NO_SUCH_TICKET;
            }
            Map<String, AttributeValue> ticket = snapshot.ticket();
            TicketTransition transition = TicketLifecycle.reply(TicketItems.state(ticket), reply);
            InboxIndex.Plan plan = new InboxIndex.Plan(items(seller, id, reply, expiresAt, ticket, transition),
                    TicketItems.with(ticket, transition.after()));
            int result = inbox.attempt(seller, id, snapshot, plan, reply.at());
            if (result == InboxIndex.WRITTEN) {
                return ReplyOutcome.RECORDED;
            }
            if (result == 0) {
                return ReplyOutcome.DUPLICATE;
            }
            // The ticket changed between our read and the write (a buyer message, the sweep, another agent): read again.
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L + attempt * 5L));
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
    private List<TransactWriteItem> items(SellerId seller, TicketId id, OutgoingReply reply, Instant expiresAt,
                                          Map<String, AttributeValue> ticket, TicketTransition transition) {
        AttributeValue waitingSince = ticket.get("awaitingReplySince");
        Map<String, AttributeValue> message = ItemCodec.replyItem(reply, seller, id, ItemCodec.str(ticket, "subject"));
        if (transition.stopsClock()) {
            message.put(FailedSend.CLOCK_STOPPED, FailedSend.snapshot(ticket)); // to restart it if the send fails
        }
        message.put(PK, ItemCodec.s(TicketKeys.ticketPk(seller, id)));
        message.put(SK, ItemCodec.s(TicketKeys.MESSAGE_SK_PREFIX + reply.messageKey()));
        message.put(ItemCodec.EXPIRES_AT, ItemCodec.n(expiresAt.getEpochSecond()));
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(message)
                .conditionExpression("attribute_not_exists(" + PK + ")").build()).build());
        items.add(TransactWriteItem.builder().update(ticketUpdate(seller, id, reply, waitingSince, transition)).build());
        if (transition.recordsResponse()) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(ResponseRecords.item(seller, id, ItemCodec.str(ticket, "channel"),
                            Instant.parse(waitingSince.s()), reply.at(), reply.agentId()))
                    .build()).build());
        }
        // The agent's and the suggestion's daily counters, counted once with the reply they count.
        if (!reply.automatic()) {
            items.add(AgentCounters.agentReply(table, seller, reply.agentId(), reply.origin().source(), reply.at()));
        }
        if (reply.origin().source().fromSuggestion()) {
            items.add(AgentCounters.suggestionSent(table, seller, reply.origin().macroId(), ItemCodec.str(ticket, "intent"),
                    reply.origin().source() == ReplySource.SUGGESTION_EDITED, reply.at()));
        }
        return items;
    }

    private Update ticketUpdate(SellerId seller, TicketId id, OutgoingReply reply, AttributeValue waitingSince,
                                TicketTransition transition) {
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
        String handler = transition.after().lastHandledBy();
        if (transition.stopsClock()) {
            extra.put(":agent", ItemCodec.s(handler));
            return ClockStop.of(table, seller, id, transition,
                    "lastReplyAt = :replyAt, lastReplyBy = :agent, firstResponseAt = if_not_exists(firstResponseAt, :replyAt), "
                            + "lastPreview = :preview, " + InboxFacts.LAST_HANDLED_BY + " = :agent",
                    extra, waitingCondition);
        }
        // An automatic reply, or a reply while nothing waits: the clock is untouched.
        String handled = "";
        if (!reply.automatic() && reply.agentId() != null) {
            extra.put(":handledBy", ItemCodec.s(reply.agentId()));
            handled = ", " + InboxFacts.LAST_HANDLED_BY + " = :handledBy";
        }
        return Update.builder().tableName(table)
                .key(Map.of(PK, ItemCodec.s(TicketKeys.ticketPk(seller, id)), SK, ItemCodec.s(TicketKeys.TICKET_SK)))
                .updateExpression("SET lastReplyAt = :replyAt, lastPreview = :preview" + handled)
                .conditionExpression("attribute_exists(" + PK + ") AND " + waitingCondition)
                .expressionAttributeValues(extra)
                .build();
    }
}
