package com.deskbridge.enrichment;

import com.deskbridge.http.HttpPriming;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tickets table SnapStart priming's whole enrichment ({@link EnrichmentPriming}) reads and writes: a table in
 * memory answering the DynamoDB JSON protocol (API version 2012-08-10) on the priming's loopback server, so that the
 * function's own DynamoDB adapters (the ticket with its inbox index, quotas, tracking cache, evidence) run through the
 * SDK's real client - request, signing, response parsing - and nothing reaches DynamoDB.
 *
 * <p>Just enough of DynamoDB for that path, on the items' wire form: GetItem and BatchGetItem by key; PutItem and a
 * transaction's puts store their item, DeleteItem and a transaction's deletes remove it; an update applies its
 * {@code SET name = :value} clauses (an item is created for a new key) and leaves ADD, REMOVE and DELETE clauses aside;
 * conditions are not evaluated (every write is accepted); a Query finds nothing. Any other operation is refused, which
 * fails the priming run. https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB.html
 */
final class PrimingTable {
    /** The X-Amz-Target prefix of DynamoDB's operations. */
    static final String TARGET = "DynamoDB_20120810.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> items = new ConcurrentHashMap<>();

    /** Stores {@code item} (DynamoDB JSON, with its PK and SK) as it is, replacing the item of its key. */
    void put(String item) {
        try {
            put((ObjectNode) JSON.readTree(item));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer to {@code operation} ({@code GetItem}, ...) asked with {@code body}; null: refused. */
    HttpPriming.Answer answer(String operation, byte[] body) {
        try {
            JsonNode request = JSON.readTree(body);
            ObjectNode out = JSON.createObjectNode();
            switch (operation) {
                case "GetItem" -> {
                    ObjectNode item = items.get(key(request.path("Key")));
                    if (item != null) {
                        out.set("Item", item);
                    }
                }
                case "BatchGetItem" -> batchGet(request, out);
                case "PutItem" -> put((ObjectNode) request.path("Item"));
                case "DeleteItem" -> items.remove(key(request.path("Key")));
                case "UpdateItem" -> update(request);
                case "TransactWriteItems" -> request.path("TransactItems").forEach(this::write);
                case "Query" -> out.put("Count", 0).put("ScannedCount", 0).putArray("Items");
                default -> {
                    return null;
                }
            }
            return new HttpPriming.Answer(200, "application/x-amz-json-1.0", JSON.writeValueAsBytes(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void batchGet(JsonNode request, ObjectNode out) {
        ObjectNode responses = out.putObject("Responses");
        Iterator<Map.Entry<String, JsonNode>> tables = request.path("RequestItems").fields();
        while (tables.hasNext()) {
            Map.Entry<String, JsonNode> table = tables.next();
            ArrayNode found = responses.putArray(table.getKey());
            for (JsonNode key : table.getValue().path("Keys")) {
                ObjectNode item = items.get(key(key));
                if (item != null) {
                    found.add(item);
                }
            }
        }
        out.putObject("UnprocessedKeys");
    }

    private void write(JsonNode transactItem) {
        if (transactItem.has("Put")) {
            put((ObjectNode) transactItem.path("Put").path("Item"));
        } else if (transactItem.has("Update")) {
            update(transactItem.path("Update"));
        } else if (transactItem.has("Delete")) {
            items.remove(key(transactItem.path("Delete").path("Key")));
        }
    }

    private void put(ObjectNode item) {
        items.put(key(item), item.deepCopy());
    }

    /** Applies the update's {@code SET name = :value} clauses; others (ADD, REMOVE, DELETE, functions) are left aside. */
    private void update(JsonNode update) {
        String key = key(update.path("Key"));
        ObjectNode item = items.computeIfAbsent(key, k -> ((ObjectNode) update.path("Key")).deepCopy());
        String expression = update.path("UpdateExpression").asText();
        int set = expression.indexOf("SET ");
        if (set < 0) {
            return;
        }
        String clauses = expression.substring(set + 4).split(" (ADD|REMOVE|DELETE) ")[0];
        for (String clause : clauses.split(",")) {
            String[] assignment = clause.split("=");
            if (assignment.length != 2 || !assignment[1].trim().startsWith(":")) {
                continue; // if_not_exists(...), list_append(...), arithmetic: not needed by the priming path
            }
            String name = assignment[0].trim();
            name = update.path("ExpressionAttributeNames").path(name).asText(name);
            JsonNode value = update.path("ExpressionAttributeValues").path(assignment[1].trim());
            if (!value.isMissingNode()) {
                item.set(name, value.deepCopy());
            }
        }
    }

    private static String key(JsonNode item) {
        return item.path("PK").path("S").asText() + "\n" + item.path("SK").path("S").asText();
    }
}
