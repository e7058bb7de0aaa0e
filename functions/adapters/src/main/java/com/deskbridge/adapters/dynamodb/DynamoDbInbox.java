package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.inbox.InboxOverview;
import com.deskbridge.domain.inbox.InboxTicket;
import com.deskbridge.domain.inbox.InboxView;
import com.deskbridge.domain.inbox.PriorityScore;
import com.deskbridge.domain.port.Inbox;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link Inbox} on the items {@link InboxIndex} keeps: counts are single items (one BatchGetItem for all views), each
 * view is a partition in its order (one Query of its first items), and the tickets shown are read by key (one
 * BatchGetItem). Nothing is scanned and nothing is counted by reading a view, so the cost of the inbox does not grow
 * with the number of tickets.
 */
public final class DynamoDbInbox implements Inbox {
    private static final String CURSOR_VERSION = "i1";
    private static final Pattern SORT_KEY = Pattern.compile("[0-9#-]{1,200}");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbInbox(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public InboxOverview overview(SellerId seller, String agent, int perView, Instant now) {
        Map<InboxView, String> keys = new LinkedHashMap<>();
        for (InboxView view : InboxView.values()) {
            String key = viewKey(view, agent);
            if (key != null) {
                keys.put(view, key);
            }
        }
        Map<String, Long> counts = new HashMap<>();
        for (Map<String, AttributeValue> item : batchGet(keys.values().stream()
                .map(k -> InboxIndex.countKey(seller, k)).toList())) {
            counts.put(item.get(SK).s().substring(2), Long.parseLong(item.get(InboxIndex.COUNT).n()));
        }
        Map<InboxView, List<TicketId>> firstIds = new LinkedHashMap<>();
        for (Map.Entry<InboxView, String> e : keys.entrySet()) {
            if (counts.getOrDefault(e.getValue(), 0L) <= 0) {
                firstIds.put(e.getKey(), List.of()); // an empty view costs no query
                continue;
            }
            firstIds.put(e.getKey(), members(seller, e.getValue(), perView, null).ids());
        }
        Map<TicketId, Map<String, AttributeValue>> tickets = tickets(seller,
                firstIds.values().stream().flatMap(List::stream).distinct().toList());
        List<InboxOverview.ViewSummary> views = new ArrayList<>();
        for (InboxView view : InboxView.values()) {
            String key = keys.get(view);
            List<InboxTicket> first = firstIds.getOrDefault(view, List.of()).stream()
                    .map(tickets::get).filter(t -> t != null && !ItemCodec.expired(t, now))
                    .map(t -> inboxTicket(t, now)).toList();
            views.add(new InboxOverview.ViewSummary(view, key == null ? 0 : counts.getOrDefault(key, 0L), first));
        }
        return new InboxOverview(views);
    }

    @Override
    public Page<InboxTicket> list(SellerId seller, InboxView view, String agent, int limit, String cursor, Instant now) {
        String key = viewKey(view, agent);
        if (key == null) {
            return new Page<>(List.of(), null);
        }
        Members page = members(seller, key, limit, cursor == null ? null : decode(cursor, seller, key));
        Map<TicketId, Map<String, AttributeValue>> tickets = tickets(seller, page.ids());
        List<InboxTicket> items = page.ids().stream().map(tickets::get)
                .filter(t -> t != null && !ItemCodec.expired(t, now)).map(t -> inboxTicket(t, now)).toList();
        return new Page<>(items, page.last() == null ? null : encode(key, page.last()));
    }

    private static InboxTicket inboxTicket(Map<String, AttributeValue> item, Instant now) {
        return new InboxTicket(ItemCodec.summary(item), PriorityScore.of(InboxFacts.of(item), now));
    }

    private static String viewKey(InboxView view, String agent) {
        if (view != InboxView.MINE) {
            return view.wireName();
        }
        return agent == null || agent.isBlank() ? null : InboxIndex.mineKey(agent);
    }

    private record Members(List<TicketId> ids, Map<String, AttributeValue> last) {
    }

    private Members members(SellerId seller, String viewKey, int limit, Map<String, AttributeValue> start) {
        QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression(PK + " = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(InboxIndex.viewPk(seller, viewKey))))
                .exclusiveStartKey(start)
                .limit(limit)
                .build());
        List<TicketId> ids = response.items().stream().map(i -> new TicketId(i.get("ticketId").s())).toList();
        Map<String, AttributeValue> last = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey() : null;
        return new Members(ids, last);
    }

    private Map<TicketId, Map<String, AttributeValue>> tickets(SellerId seller, List<TicketId> ids) {
        Map<TicketId, Map<String, AttributeValue>> found = new HashMap<>();
        for (Map<String, AttributeValue> item : batchGet(ids.stream().map(id -> Map.of(
                PK, AttributeValue.fromS(TicketKeys.ticketPk(seller, id)),
                SK, AttributeValue.fromS(TicketKeys.TICKET_SK))).toList())) {
            found.put(new TicketId(item.get("ticketId").s()), item);
        }
        return found;
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        return batchGet(dynamo, table, keys, false);
    }

    /** Every item of {@code keys} that exists (BatchGetItem, 100 keys a call, unprocessed keys asked again). */
    static List<Map<String, AttributeValue>> batchGet(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys,
                                                      boolean consistent) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + 100))).consistentRead(consistent).build());
            for (int round = 0; !request.isEmpty(); round++) {
                if (round == 10) {
                    throw new IllegalStateException("DynamoDB kept items unprocessed (throttled); nothing was read");
                }
                Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(ask));
                out.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return out;
    }

    /** The cursor carries the view and the position only; keys are rebuilt from the caller's own seller. */
    private static String encode(String viewKey, Map<String, AttributeValue> last) {
        String raw = CURSOR_VERSION + "|" + viewKey + "|" + last.get(SK).s();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decode(String cursor, SellerId seller, String viewKey) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 3 || !CURSOR_VERSION.equals(parts[0]) || !viewKey.equals(parts[1])) {
            throw invalid();
        }
        int cut = parts[2].lastIndexOf('#');
        if (cut <= 0 || !SORT_KEY.matcher(parts[2].substring(0, cut)).matches()) {
            throw invalid();
        }
        try {
            TicketId.parse(parts[2].substring(cut + 1));
        } catch (InvalidInputException e) {
            throw invalid();
        }
        return Map.of(PK, AttributeValue.fromS(InboxIndex.viewPk(seller, viewKey)), SK, AttributeValue.fromS(parts[2]));
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("cursor", "is not a cursor of this view; start again without it");
    }
}
