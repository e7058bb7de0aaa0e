package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.SK;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link EvidenceLog} in the tickets table: entries under the ticket's partition ({@code SK = E#{sequence}}, zero
 * padded so they read in order), and the head (sequence and hash) in a separate {@code EVIDENCE} item of the same
 * partition. Each append is one transaction: a put of the entry that must not exist, and a move of the head that
 * must still be where we read it. Two appenders racing for the same sequence: one wins, the other reads the new head
 * and tries again, so the chain never forks. Entries hold no buyer personal data ({@link EvidenceChain} refuses it)
 * and are kept for {@link #KEEP}, longer than the ticket's personal data, for A-to-z claims and chargebacks.
 */
public final class DynamoDbEvidenceLog implements EvidenceLog {
    /** How long evidence is kept. */
    static final Duration KEEP = Duration.ofDays(730);
    static final String HEAD_SK = "EVIDENCE";
    static final String ENTRY_SK_PREFIX = "E#";
    private static final int ATTEMPTS = 40;
    /** Entries one {@link #appendAll} may write: a transaction's 100 items less the head's move. */
    static final int MAX_PER_APPEND = 99;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbEvidenceLog(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public EvidenceChain.Entry append(String sellerId, String ticketId, String kind, Map<String, String> payload) {
        return appendAll(sellerId, ticketId, List.of(new Record(kind, payload))).get(0);
    }

    /**
     * One read of the head and one transaction for all of {@code records}: a put of each entry (none may exist yet)
     * and one move of the head from where it was read to the last of them. A lost race reads the new head and links
     * all of them after it again. More than {@link #MAX_PER_APPEND} records (DynamoDB's TransactWriteItems takes 100
     * items, https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html) are written
     * in steps of that many.
     */
    @Override
    public List<EvidenceChain.Entry> appendAll(String sellerId, String ticketId, List<Record> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        if (records.size() > MAX_PER_APPEND) {
            List<EvidenceChain.Entry> all = new ArrayList<>();
            for (int from = 0; from < records.size(); from += MAX_PER_APPEND) {
                all.addAll(appendAll(sellerId, ticketId, records.subList(from, Math.min(records.size(), from + MAX_PER_APPEND))));
            }
            return List.copyOf(all);
        }
        String pk = TicketKeys.ticketPk(new SellerId(sellerId), new TicketId(ticketId));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            EvidenceChain.Entry head = head(pk);
            EvidenceChain chain = new EvidenceChain(clock, head);
            List<EvidenceChain.Entry> entries = new ArrayList<>();
            List<TransactWriteItem> writes = new ArrayList<>();
            for (Record r : records) {
                EvidenceChain.Entry entry = chain.append(r.kind(), r.payload());
                entries.add(entry);
                writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(pk, entry))
                        .conditionExpression("attribute_not_exists(" + PK + ")").build()).build());
            }
            writes.add(TransactWriteItem.builder().update(moveHead(pk, head, entries.get(entries.size() - 1))).build());
            try {
                dynamo.transactWriteItems(t -> t.transactItems(writes));
                return List.copyOf(entries);
            } catch (TransactionCanceledException lostRace) {
                // another append took this sequence: wait a little (jittered, so racers spread out), read the new
                // head and link after it
                pause(attempt);
            }
        }
        throw new IllegalStateException("evidence of ticket " + ticketId + " kept changing; append not recorded");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 10L + 10L * Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending evidence", e);
        }
    }

    private Update moveHead(String pk, EvidenceChain.Entry previous, EvidenceChain.Entry entry) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":seq", AttributeValue.fromN(Long.toString(entry.sequence())));
        values.put(":hash", AttributeValue.fromS(entry.hash()));
        values.put(":expires", AttributeValue.fromN(Long.toString(entry.recordedAt().plus(KEEP).getEpochSecond())));
        String condition;
        if (previous == null) {
            condition = "attribute_not_exists(" + PK + ")";
        } else {
            values.put(":prev", AttributeValue.fromN(Long.toString(previous.sequence())));
            condition = "headSequence = :prev";
        }
        return Update.builder().tableName(table)
                .key(Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(HEAD_SK)))
                .updateExpression("SET itemType = :type, headSequence = :seq, headHash = :hash, "
                        + ItemCodec.EXPIRES_AT + " = :expires")
                .conditionExpression(condition)
                .expressionAttributeValues(withType(values))
                .build();
    }

    private static Map<String, AttributeValue> withType(Map<String, AttributeValue> values) {
        values.put(":type", AttributeValue.fromS("evidence-head"));
        return values;
    }

    private EvidenceChain.Entry head(String pk) {
        Map<String, AttributeValue> head = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(HEAD_SK)))).item();
        if (head == null || head.isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> last = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(entrySk(Long.parseLong(head.get("headSequence").n())))))).item();
        if (last == null || last.isEmpty()) {
            throw new IllegalStateException("evidence head points at a missing entry in " + pk);
        }
        return entry(last);
    }

    @Override
    public StoredChain chain(String sellerId, String ticketId) {
        String pk = TicketKeys.ticketPk(new SellerId(sellerId), new TicketId(ticketId));
        List<EvidenceChain.Entry> entries = new ArrayList<>();
        String headHash = null;
        for (Map<String, AttributeValue> item : Pages.all(dynamo, QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression(PK + " = :pk AND begins_with(" + SK + ", :e)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":e", AttributeValue.fromS("E"))))) {
            if (item.get(SK).s().equals(HEAD_SK)) {
                headHash = item.get("headHash").s();
            } else if (item.get(SK).s().startsWith(ENTRY_SK_PREFIX)) {
                entries.add(entry(item));
            }
        }
        return new StoredChain(entries, headHash);
    }

    static String entrySk(long sequence) {
        return ENTRY_SK_PREFIX + String.format("%012d", sequence);
    }

    private static Map<String, AttributeValue> item(String pk, EvidenceChain.Entry e) {
        Map<String, AttributeValue> payload = new HashMap<>();
        e.payload().forEach((k, v) -> payload.put(k, AttributeValue.fromS(v)));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(pk));
        item.put(SK, AttributeValue.fromS(entrySk(e.sequence())));
        item.put("itemType", AttributeValue.fromS("evidence"));
        item.put("sequence", AttributeValue.fromN(Long.toString(e.sequence())));
        item.put("recordedAt", AttributeValue.fromS(e.recordedAt().toString()));
        item.put("kind", AttributeValue.fromS(e.kind()));
        item.put("payload", AttributeValue.fromM(payload));
        item.put("previousHash", AttributeValue.fromS(e.previousHash()));
        item.put("hash", AttributeValue.fromS(e.hash()));
        item.put(ItemCodec.EXPIRES_AT, AttributeValue.fromN(Long.toString(e.recordedAt().plus(KEEP).getEpochSecond())));
        return item;
    }

    private static EvidenceChain.Entry entry(Map<String, AttributeValue> item) {
        TreeMap<String, String> payload = new TreeMap<>();
        item.get("payload").m().forEach((k, v) -> payload.put(k, v.s()));
        return new EvidenceChain.Entry(Long.parseLong(item.get("sequence").n()), Instant.parse(item.get("recordedAt").s()),
                item.get("kind").s(), payload, item.get("previousHash").s(), item.get("hash").s());
    }
}
