package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.port.TicketSearch;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link TicketSearch} on the tickets table's indexes (layout in {@link TicketKeys}): ByOrder (keys only, then one
 * BatchGetItem), ByBuyer, and ByActivity read newest first with a filter on the ticket's normalised text, a page at a
 * time up to the caller's bound. No Scan anywhere; every key starts with the seller.
 */
public final class DynamoDbTicketSearch implements TicketSearch {
    private static final int PAGE = 100;
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTicketSearch(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public List<TicketSummary> byOrder(SellerId seller, String orderId, int limit, Instant now) {
        QueryResponse keys = dynamo.query(QueryRequest.builder().tableName(table).indexName(TicketKeys.BY_ORDER)
                .keyConditionExpression(TicketKeys.GSI2PK + " = :pk")
                .expressionAttributeValues(Map.of(":pk", ItemCodec.s(TicketKeys.orderPk(seller, orderId))))
                .limit(Math.min(limit, 100)).build());
        if (keys.items().isEmpty()) {
            return List.of();
        }
        List<Map<String, AttributeValue>> wanted = keys.items().stream()
                .map(k -> Map.of(PK, k.get(PK), SK, k.get(SK))).toList();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(wanted).build());
        for (int attempt = 0; attempt < 5 && request != null && !request.isEmpty(); attempt++) {
            Map<String, KeysAndAttributes> ask = request;
            var response = dynamo.batchGetItem(b -> b.requestItems(ask));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.unprocessedKeys();
        }
        return items.stream().filter(i -> !ItemCodec.expired(i, now)).map(ItemCodec::summary)
                .sorted(Comparator.comparing(TicketSummary::lastMessageAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(limit).toList();
    }

    @Override
    public List<TicketSummary> byBuyer(SellerId seller, String buyer, int limit, Instant now) {
        QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(TicketKeys.BY_BUYER)
                .keyConditionExpression(TicketKeys.GSI4PK + " = :pk")
                .filterExpression("attribute_not_exists(" + ItemCodec.EXPIRES_AT + ") OR " + ItemCodec.EXPIRES_AT + " > :now")
                .expressionAttributeValues(Map.of(":pk", ItemCodec.s(TicketKeys.buyerPk(seller, buyer)),
                        ":now", ItemCodec.n(now.getEpochSecond())))
                .scanIndexForward(false).limit(Math.min(limit, 100)).build());
        return page.items().stream().map(ItemCodec::summary).limit(limit).toList();
    }

    @Override
    public Found byWords(SellerId seller, List<String> words, int limit, int maxTickets, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", ItemCodec.s(TicketKeys.activityPk(seller)));
        values.put(":now", ItemCodec.n(now.getEpochSecond()));
        List<String> conditions = new ArrayList<>(List.of(
                "(attribute_not_exists(" + ItemCodec.EXPIRES_AT + ") OR " + ItemCodec.EXPIRES_AT + " > :now)"));
        for (int i = 0; i < words.size(); i++) {
            values.put(":w" + i, ItemCodec.s(words.get(i)));
            conditions.add("(contains(searchText, :w" + i + ") OR contains(lastText, :w" + i + "))");
        }
        List<TicketSummary> found = new ArrayList<>();
        int searched = 0;
        Map<String, AttributeValue> start = null;
        while (searched < maxTickets && found.size() < limit) {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(TicketKeys.BY_ACTIVITY)
                    .keyConditionExpression(TicketKeys.GSI5PK + " = :pk")
                    .filterExpression(String.join(" AND ", conditions))
                    .expressionAttributeValues(values)
                    .scanIndexForward(false).limit(Math.min(PAGE, maxTickets - searched)).exclusiveStartKey(start).build());
            searched += page.scannedCount();
            page.items().stream().map(ItemCodec::summary).limit(limit - found.size()).forEach(found::add);
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                break;
            }
            start = page.lastEvaluatedKey();
        }
        return new Found(found, searched);
    }
}
