package com.deskbridge.enrichment;

import com.deskbridge.adapters.dynamodb.InboxFacts;
import com.deskbridge.adapters.dynamodb.InboxIndex;
import com.deskbridge.domain.sla.Priority;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.logistics.ProactiveFlag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The {@link TicketEnrichmentStore} on the ticket item of the tickets table (PK {@code S#{seller}#T#{ticket}}, SK
 * {@code TICKET}, the layout of the adapters' TicketKeys): the context in its {@code enrichment} attribute, the
 * priority in {@code priority}, the events waiting for the bus in {@code enrichmentOutbox}, all in one write (with the
 * inbox's view index, {@link InboxIndex}).
 *
 * <p>Each write is a read followed by an update conditional on the version and priority read (optimistic
 * concurrency with the SLA sweep, which also raises priority, and with concurrent enrichment of the same ticket).
 */
public final class DynamoDbTicketEnrichmentStore implements TicketEnrichmentStore {

    static final String ENRICHMENT = "enrichment";
    static final String UPDATED_AT = "enrichmentUpdatedAt";
    static final String VERSION = "enrichmentVersion";
    static final String OUTBOX = "enrichmentOutbox";
    static final String PRIORITY = "priority";
    private static final int ATTEMPTS = 10;

    private final DynamoDbClient dynamo;
    private final String table;
    private final InboxIndex inbox;
    private final com.deskbridge.adapters.dynamodb.TicketOrderLinking linking;

    public DynamoDbTicketEnrichmentStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        this.inbox = new InboxIndex(dynamo, table);
        this.linking = new com.deskbridge.adapters.dynamodb.TicketOrderLinking(dynamo, table);
    }

    @Override
    public Optional<BuyerMessage> firstBuyerMessage(String sellerId, String ticketId) {
        return linking.firstBuyerMessage(new SellerId(sellerId), new TicketId(ticketId))
                .map(m -> new BuyerMessage(m.sender().address(), m.subject(), m.body()));
    }

    @Override
    public Optional<String> learnOrder(String sellerId, String ticketId, String orderId) {
        return linking.learnOrder(new SellerId(sellerId), new TicketId(ticketId), orderId);
    }

    /** The ticket item as enrichment reads it. */
    private record Item(Map<String, AttributeValue> item, TicketEnrichment enrichment, long version, Priority priority,
                        List<LogisticsEvent> outbox) {
        String orderId() {
            AttributeValue v = item.get("orderId");
            return v == null ? null : v.s();
        }

        String marketplaceId() {
            AttributeValue v = item.get("marketplaceId");
            return v == null ? null : v.s();
        }

        /** The ticket's channel wire name ({@code amazon}, {@code ebay}, {@code shopify}, {@code email}). */
        String channel() {
            AttributeValue v = item.get("channel");
            return v == null ? null : v.s();
        }
    }

    static Map<String, AttributeValue> key(String sellerId, String ticketId) {
        return Map.of("PK", AttributeValue.fromS("S#" + sellerId + "#T#" + ticketId), "SK", AttributeValue.fromS("TICKET"));
    }

    @Override
    public Optional<Current> current(String sellerId, String ticketId) {
        return item(sellerId, ticketId).map(i -> new Current(i.channel(), i.orderId(), i.marketplaceId(), i.enrichment()));
    }

    private Optional<Item> item(String sellerId, String ticketId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(sellerId, ticketId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(of(item));
    }

    /**
     * SnapStart priming: {@code sample} encoded into a ticket item the way {@link #write} stores it, and decoded the way
     * {@link #current} reads it, all in memory: no DynamoDB call, nothing stored. The API's first view of an enriched
     * ticket then finds the codec's code, lambdas and attribute-value copiers already linked.
     */
    public static TicketEnrichment roundTrip(TicketEnrichment sample) {
        return of(Map.of(ENRICHMENT, EnrichmentCodec.encode(sample), VERSION, AttributeValue.fromN("1"),
                OUTBOX, AttributeValue.fromL(List.of()))).enrichment();
    }

    private static Item of(Map<String, AttributeValue> item) {
        TicketEnrichment e = item.containsKey(ENRICHMENT) ? EnrichmentCodec.decode(item.get(ENRICHMENT)) : null;
        long version = item.containsKey(VERSION) ? Long.parseLong(item.get(VERSION).n()) : 0;
        Priority p = item.containsKey(PRIORITY) ? Priority.valueOf(item.get(PRIORITY).s()) : null;
        List<LogisticsEvent> outbox = item.containsKey(OUTBOX)
                ? item.get(OUTBOX).l().stream().map(a -> EnrichmentCodec.event(a.m())).toList() : List.of();
        return new Item(item, e, version, p, outbox);
    }

    @Override
    public WriteResult write(String sellerId, String ticketId, TicketEnrichment next) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // The ticket with its inbox state: the write moves the ticket between the inbox's views in the same transaction.
            InboxIndex.Snapshot snapshot = inbox.read(sellerId, ticketId);
            if (!snapshot.exists()) {
                return new WriteResult(Outcome.NO_TICKET, null, List.of(), 0);
            }
            Item cur = of(snapshot.ticket());
            EnrichmentWrite.Plan plan = EnrichmentWrite.plan(sellerId, ticketId, cur.enrichment(), cur.priority(), cur.outbox(), next);
            if (plan.stale()) {
                return new WriteResult(Outcome.STALE, cur.priority(), List.of(), cur.outbox().size());
            }
            Priority priority = plan.priority();
            List<LogisticsEvent> outbox = plan.outbox();

            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":e", EnrichmentCodec.encode(next));
            values.put(":u", AttributeValue.fromS(next.updatedAt().toString()));
            values.put(":v1", AttributeValue.fromN(Long.toString(cur.version() + 1)));
            values.put(":o", AttributeValue.fromL(outbox.stream().map(EnrichmentCodec::event).toList()));
            AttributeValue inboxOrder = inboxOrder(next);
            values.put(":io", inboxOrder);
            StringBuilder set = new StringBuilder("SET " + ENRICHMENT + " = :e, " + UPDATED_AT + " = :u, " + VERSION
                    + " = :v1, " + OUTBOX + " = :o, " + InboxFacts.ORDER + " = :io");
            if (priority != null && priority != cur.priority()) {
                set.append(", ").append(PRIORITY).append(" = :p");
                values.put(":p", AttributeValue.fromS(priority.name()));
            }
            String condition = "attribute_exists(PK) AND " + versionCondition(cur, values) + " AND "
                    + priorityCondition(cur, values);
            Update update = Update.builder().tableName(table).key(key(sellerId, ticketId))
                    .updateExpression(set.toString()).conditionExpression(condition)
                    .expressionAttributeValues(values).build();
            Map<String, AttributeValue> after = new HashMap<>(snapshot.ticket());
            after.put(InboxFacts.ORDER, inboxOrder);
            if (priority != null) {
                after.put(PRIORITY, AttributeValue.fromS(priority.name()));
            }
            int result = inbox.attempt(new SellerId(sellerId), new TicketId(ticketId), snapshot,
                    new InboxIndex.Plan(List.of(TransactWriteItem.builder().update(update).build()), after), next.updatedAt());
            if (result == InboxIndex.WRITTEN) {
                return new WriteResult(Outcome.WRITTEN, priority, plan.raised(), outbox.size());
            }
            // someone else wrote the ticket meanwhile (another enrichment, the SLA sweep, an agent): read again
        }
        throw new IllegalStateException("ticket " + ticketId + " kept changing; enrichment not written");
    }

    /**
     * What the inbox reads of the order: who ships it, whether it shipped, ship-by and latest delivery, its value
     * (the sum of the lines' ItemPrice, which Amazon gives per line, quantity included:
     * https://developer-docs.amazon.com/sp-api/docs/orders-api-v0-reference#itemprice), whether a tracking number is
     * known, and the shipments' proactive flags.
     */
    static AttributeValue inboxOrder(TicketEnrichment e) {
        TicketEnrichment.OrderView o = e.order();
        java.math.BigDecimal value = null;
        if (o != null) {
            for (TicketEnrichment.ItemView item : o.items()) {
                if (item.itemPrice() != null) {
                    value = (value == null ? java.math.BigDecimal.ZERO : value).add(new java.math.BigDecimal(item.itemPrice()));
                }
            }
        }
        boolean tracking = e.shipments().stream().anyMatch(s -> s.trackingNumber() != null && !s.trackingNumber().isBlank())
                || o != null && o.packages().stream().anyMatch(p -> p.trackingNumber() != null && !p.trackingNumber().isBlank());
        Boolean shipped = o == null || o.status() == null ? null
                : o.status().equals("SHIPPED") || o.status().equals("PARTIALLY_SHIPPED");
        return InboxFacts.order(o == null ? null : o.channel(), shipped, o == null ? null : o.latestShipDate(),
                o == null ? null : o.promisedDelivery(), value, o == null ? null : o.currency(), tracking,
                e.flags().stream().map(Enum::name).sorted().toList());
    }

    private static String versionCondition(Item cur, Map<String, AttributeValue> values) {
        if (!cur.item().containsKey(VERSION)) {
            return "attribute_not_exists(" + VERSION + ")";
        }
        values.put(":v0", AttributeValue.fromN(Long.toString(cur.version())));
        return VERSION + " = :v0";
    }

    private static String priorityCondition(Item cur, Map<String, AttributeValue> values) {
        if (cur.priority() == null) {
            return "attribute_not_exists(" + PRIORITY + ")";
        }
        values.put(":p0", AttributeValue.fromS(cur.priority().name()));
        return PRIORITY + " = :p0";
    }

    @Override
    public List<LogisticsEvent> pendingEvents(String sellerId, String ticketId) {
        return item(sellerId, ticketId).map(Item::outbox).orElse(List.of());
    }

    @Override
    public void clearPublished(String sellerId, String ticketId, Set<String> eventIds) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Item> found = item(sellerId, ticketId);
            if (found.isEmpty()) {
                return;
            }
            Item cur = found.get();
            List<AttributeValue> left = cur.outbox().stream().filter(e -> !eventIds.contains(e.eventId()))
                    .map(EnrichmentCodec::event).toList();
            if (left.size() == cur.outbox().size()) {
                return;
            }
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":o", AttributeValue.fromL(left));
            String condition = "attribute_exists(PK) AND " + versionCondition(cur, values);
            try {
                dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(sellerId, ticketId))
                        .updateExpression("SET " + OUTBOX + " = :o").conditionExpression(condition)
                        .expressionAttributeValues(values).build());
                return;
            } catch (ConditionalCheckFailedException changed) {
                // an enrichment write came in between: read again
            }
        }
    }
}
