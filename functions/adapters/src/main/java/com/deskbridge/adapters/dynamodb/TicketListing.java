package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI1PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI1SK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The ticket store's reads: one ticket with its messages, and the status queues. Expired personal data is never served. */
final class TicketListing {
    /** Query pages one listing may read before it returns what it found (with a cursor to go on). */
    private static final int MAX_PAGES_PER_LISTING = 10;

    private final DynamoDbClient dynamo;
    private final String table;

    TicketListing(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    Optional<TicketDetail> find(SellerId seller, TicketId id, Instant now) {
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
        return ticket == null ? Optional.empty() : Optional.of(new TicketDetail(ItemCodec.summary(ticket), messages));
    }

    /** A status queue's query: key condition, filter conditions and their values. */
    private record Query(String keyCondition, List<String> conditions, Map<String, AttributeValue> values) {
    }

    private static Query query(String statusPk, TicketFilter filter, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", ItemCodec.s(statusPk));
        values.put(":now", ItemCodec.n(now.getEpochSecond()));
        List<String> conditions = new ArrayList<>(List.of(
                "(attribute_not_exists(" + ItemCodec.EXPIRES_AT + ") OR " + ItemCodec.EXPIRES_AT + " > :now)"));
        String keyCondition = GSI1PK + " = :pk";
        condition(conditions, values, ":priority", filter.priority() == null ? null : filter.priority().name(),
                DynamoDbDueIndex.PRIORITY + " = :priority");
        condition(conditions, values, ":intent", filter.intent(), "intent = :intent");
        condition(conditions, values, ":tag", filter.tag(), "contains(tags, :tag)");
        condition(conditions, values, ":channel", filter.channel() == null ? null : filter.channel().wireName(),
                "channel = :channel");
        condition(conditions, values, ":assignee", filter.assignee(), "assignee = :assignee");
        if (filter.dueBefore() != null) {
            // The open queue is keyed by due time, so the bound narrows the read itself, not just the answer.
            values.put(":dueBefore", ItemCodec.s(TicketKeys.time(filter.dueBefore())));
            keyCondition += " AND " + GSI1SK + " < :dueBefore";
            conditions.add("dueAt < :dueBefore");
        }
        return new Query(keyCondition, conditions, values);
    }

    private static void condition(List<String> conditions, Map<String, AttributeValue> values, String placeholder,
                                  String value, String condition) {
        if (value != null) {
            values.put(placeholder, ItemCodec.s(value));
            conditions.add(condition);
        }
    }

    Page<TicketSummary> list(SellerId seller, TicketFilter filter, int limit, String cursor, Instant now) {
        String statusPk = TicketKeys.statusPk(seller, filter.status());
        Query query = query(statusPk, filter, now);
        List<TicketSummary> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = cursor == null ? null : QueueCursor.decode(cursor, seller, statusPk);
        Map<String, AttributeValue> lastIncluded = null;
        boolean more = false;
        for (int pages = 0; pages < MAX_PAGES_PER_LISTING; pages++) {
            QueryResponse response = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .indexName(TicketKeys.BY_STATUS)
                    .keyConditionExpression(query.keyCondition())
                    .filterExpression(String.join(" AND ", query.conditions()))
                    .expressionAttributeValues(query.values())
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
            more = true; // the page limit or the read budget may end here
            if (found.size() == limit) {
                break;
            }
        }
        String next = more && lastIncluded != null ? QueueCursor.encode(lastIncluded) : null;
        return new Page<>(found, next);
    }
}
