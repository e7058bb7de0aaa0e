package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.inbox.InboxRules;
import com.deskbridge.domain.inbox.InboxView;
import com.deskbridge.domain.inbox.PriorityScore;
import com.deskbridge.domain.inbox.TicketFacts;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Keeps the smart inbox in step with the tickets, in the same transaction as each ticket write.
 *
 * <pre>
 * item            PK                        SK                          attributes
 * inbox state     S#{seller}#T#{ticket}     INBOX                       views: {viewKey: sortKey}, rev
 * view member     S#{seller}#V#{viewKey}    {sortKey}#{ticket}          ticketId
 * view count      S#{seller}#INBOX          C#{viewKey}                 n
 * </pre>
 *
 * A view key is the view's wire name; {@link InboxView#MINE} is per agent ({@code mine#{agent}}). A write reads the
 * ticket and its inbox state (one consistent BatchGetItem), the caller's plan says what the ticket write is and what
 * the ticket looks like after it, and one transaction holds the ticket write, the new state (conditional on the
 * revision read, so two writers cannot both apply a diff), a +1/−1 on the count of every view entered or left and the
 * member items moved. Counts and member items therefore always agree with the views recorded in the state item;
 * a count is never recomputed by reading the view.
 */
public final class InboxIndex {
    static final String STATE_SK = "INBOX";
    static final String VIEWS = "views";
    static final String REV = "rev";
    static final String COUNT = "n";
    /** The ticket item's own condition failed (see {@link #attempt}). */
    public static final int WRITTEN = -1;
    /** The planner found nothing to write (no such ticket). */
    public static final int NOTHING = -2;
    /** The inbox state changed since the read, or the transaction collided with another: read again. */
    public static final int CONFLICT = -3;
    private static final int ATTEMPTS = 25;

    private final DynamoDbClient dynamo;
    private final String table;

    public InboxIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    /** A ticket item and its inbox state item as read together; empty maps when absent. */
    public record Snapshot(Map<String, AttributeValue> ticket, Map<String, AttributeValue> state) {
        public Snapshot {
            ticket = ticket == null ? Map.of() : ticket;
            state = state == null ? Map.of() : state;
        }

        public boolean exists() {
            return !ticket.isEmpty();
        }
    }

    /**
     * A ticket write: its transaction items (their indexes are reported when their own condition fails) and the
     * ticket item as it will be after them.
     */
    public record Plan(List<TransactWriteItem> ticketItems, Map<String, AttributeValue> after) {
        public Plan {
            ticketItems = List.copyOf(ticketItems);
            after = after == null ? Map.of() : after;
        }
    }

    /** Reads the ticket and its inbox state, strongly consistent. */
    public Snapshot read(String sellerId, String ticketId) {
        String pk = TicketKeys.ticketPk(new SellerId(sellerId), new TicketId(ticketId));
        Map<String, AttributeValue> ticketKey = Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(TicketKeys.TICKET_SK));
        Map<String, AttributeValue> stateKey = Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(STATE_SK));
        Map<String, AttributeValue> ticket = Map.of();
        Map<String, AttributeValue> state = Map.of();
        for (Map<String, AttributeValue> item : DynamoDbInbox.batchGet(dynamo, table, List.of(ticketKey, stateKey), true)) {
            if (TicketKeys.TICKET_SK.equals(item.get(SK).s())) {
                ticket = item;
            } else {
                state = item;
            }
        }
        return new Snapshot(ticket, state);
    }

    /**
     * Reads, plans and writes until the write is done, its own condition fails or the planner has nothing to write.
     *
     * @return {@link #WRITTEN}, {@link #NOTHING}, or the index of the plan's item whose condition failed
     */
    public int write(SellerId seller, TicketId ticket, Instant now, Function<Snapshot, Optional<Plan>> planner) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Snapshot snapshot = read(seller.value(), ticket.value());
            Optional<Plan> plan = planner.apply(snapshot);
            if (plan.isEmpty()) {
                return NOTHING;
            }
            int result = attempt(seller, ticket, snapshot, plan.get(), now);
            if (result != CONFLICT) {
                return result;
            }
            backOff(attempt);
        }
        throw new IllegalStateException("ticket " + ticket + " kept changing; the write was not made");
    }

    /**
     * One transaction: the plan's items and the inbox's.
     *
     * @return {@link #WRITTEN}, {@link #CONFLICT}, or the index of the plan's item whose condition failed
     */
    public int attempt(SellerId seller, TicketId ticket, Snapshot before, Plan plan, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>(plan.ticketItems());
        items.addAll(sync(seller, ticket, before.state(), plan.after(), now));
        try {
            dynamo.transactWriteItems(t -> t.transactItems(items));
            return WRITTEN;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; i < reasons.size() && i < plan.ticketItems().size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    return i;
                }
            }
            for (CancellationReason reason : reasons) {
                String code = reason.code();
                if ("ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code)) {
                    return CONFLICT;
                }
            }
            throw e;
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionConflictException e) {
            return CONFLICT;
        }
    }

    /** The views a ticket item is in, with its position in each. */
    static Map<String, String> views(Map<String, AttributeValue> ticket, Instant now) {
        Map<String, String> views = new TreeMap<>();
        if (ticket.isEmpty()) {
            return views;
        }
        TicketFacts facts = InboxFacts.of(ticket);
        int score = PriorityScore.of(facts, now).value();
        for (InboxView view : InboxRules.membership(facts)) {
            views.put(view == InboxView.MINE ? mineKey(InboxRules.owner(facts)) : view.wireName(),
                    InboxRules.sortKey(view, facts, score));
        }
        return views;
    }

    /** The inbox's items for a ticket write from the state read to the ticket {@code after}. */
    List<TransactWriteItem> sync(SellerId seller, TicketId ticket, Map<String, AttributeValue> state,
                                 Map<String, AttributeValue> after, Instant now) {
        Map<String, String> stored = new TreeMap<>();
        if (state.containsKey(VIEWS)) {
            state.get(VIEWS).m().forEach((k, v) -> stored.put(k, v.s()));
        }
        Map<String, String> wanted = views(after, now);
        long rev = state.containsKey(REV) ? Long.parseLong(state.get(REV).n()) : 0;
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> newState = new HashMap<>();
        String pk = TicketKeys.ticketPk(seller, ticket);
        newState.put(PK, AttributeValue.fromS(pk));
        newState.put(SK, AttributeValue.fromS(STATE_SK));
        newState.put("itemType", AttributeValue.fromS("inbox-state"));
        newState.put(REV, AttributeValue.fromN(Long.toString(rev + 1)));
        Map<String, AttributeValue> encoded = new HashMap<>();
        wanted.forEach((k, v) -> encoded.put(k, AttributeValue.fromS(v)));
        newState.put(VIEWS, AttributeValue.fromM(encoded));
        Put.Builder statePut = Put.builder().tableName(table).item(newState);
        if (state.isEmpty()) {
            statePut.conditionExpression("attribute_not_exists(" + PK + ")");
        } else {
            statePut.conditionExpression(REV + " = :rev").expressionAttributeValues(Map.of(":rev", state.get(REV)));
        }
        items.add(TransactWriteItem.builder().put(statePut.build()).build());
        AttributeValue expires = after.get(ItemCodec.EXPIRES_AT);
        TreeSet<String> keys = new TreeSet<>(stored.keySet());
        keys.addAll(wanted.keySet());
        for (String view : keys) {
            String was = stored.get(view);
            String now2 = wanted.get(view);
            if (Objects.equals(was, now2)) {
                continue;
            }
            if (was != null) {
                items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(memberKey(seller, view, was, ticket)).build()).build());
            }
            if (now2 != null) {
                Map<String, AttributeValue> member = new HashMap<>(memberKey(seller, view, now2, ticket));
                member.put("itemType", AttributeValue.fromS("inbox-member"));
                member.put("ticketId", AttributeValue.fromS(ticket.value()));
                if (expires != null) {
                    member.put(ItemCodec.EXPIRES_AT, expires);
                }
                items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(member).build()).build());
            }
            if (was == null || now2 == null) {
                items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                        .key(countKey(seller, view))
                        .updateExpression("ADD " + COUNT + " :d")
                        .expressionAttributeValues(Map.of(":d", AttributeValue.fromN(was == null ? "1" : "-1")))
                        .build()).build());
            }
        }
        return items;
    }

    static String mineKey(String agent) {
        return InboxView.MINE.wireName() + "#" + agent;
    }

    static String viewPk(SellerId seller, String viewKey) {
        return TicketKeys.sellerPrefix(seller) + "V#" + viewKey;
    }

    static Map<String, AttributeValue> memberKey(SellerId seller, String viewKey, String sortKey, TicketId ticket) {
        return Map.of(PK, AttributeValue.fromS(viewPk(seller, viewKey)),
                SK, AttributeValue.fromS(sortKey + "#" + ticket.value()));
    }

    static Map<String, AttributeValue> countKey(SellerId seller, String viewKey) {
        return Map.of(PK, AttributeValue.fromS(TicketKeys.sellerPrefix(seller) + "INBOX"),
                SK, AttributeValue.fromS("C#" + viewKey));
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L + Math.min(attempt, 8) * 10L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a ticket write", e);
        }
    }
}
