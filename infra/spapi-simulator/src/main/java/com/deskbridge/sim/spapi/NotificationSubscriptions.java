package com.deskbridge.sim.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Notifications API v1 (model notifications.json): the application's destinations (an SQS queue by ARN) and each
 * selling partner's subscriptions, one per notification type. Shapes as the model's {@code Destination} and
 * {@code Subscription}. Callers hold the simulator's lock.
 */
final class NotificationSubscriptions {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** destinationId -> Destination. */
    private final Map<String, ObjectNode> destinations = new LinkedHashMap<>();
    /** sellingPartnerId|notificationType -> Subscription. */
    private final Map<String, ObjectNode> subscriptions = new LinkedHashMap<>();

    /** A refusal in SP-API's error shape, or the created resource. */
    record Result(int status, String code, String message, ObjectNode payload) {
        static Result ok(ObjectNode payload) {
            return new Result(200, null, null, payload);
        }

        static Result error(int status, String code, String message) {
            return new Result(status, code, message, null);
        }
    }

    /** createDestination: 409 Conflict when a destination for the same queue exists (Amazon's answer). */
    Result createDestination(JsonNode request) {
        String name = request == null ? null : request.path("name").asText(null);
        String arn = request == null ? null : request.path("resourceSpecification").path("sqs").path("arn").asText(null);
        if (name == null || name.isBlank() || name.length() > 256 || arn == null || !arn.matches("^arn:aws:sqs:\\S+:\\S+:\\S+")) {
            return Result.error(400, "InvalidInput", "name and resourceSpecification.sqs.arn (arn:aws:sqs:...) are required");
        }
        for (ObjectNode d : destinations.values()) {
            if (arn.equals(d.path("resource").path("sqs").path("arn").asText())) {
                return Result.error(409, "Conflict", "A destination for this resource already exists: " + d.path("destinationId").asText());
            }
        }
        ObjectNode d = F.objectNode();
        d.put("name", name);
        d.put("destinationId", UUID.randomUUID().toString());
        d.putObject("resource").putObject("sqs").put("arn", arn);
        destinations.put(d.get("destinationId").asText(), d);
        return Result.ok(d);
    }

    ArrayNode destinations() {
        ArrayNode out = F.arrayNode();
        destinations.values().forEach(d -> out.add(d.deepCopy()));
        return out;
    }

    /** createSubscription: the destination must exist; a second one of a type for the seller is 409 Conflict. */
    Result createSubscription(String sellingPartnerId, String notificationType, JsonNode request) {
        String destinationId = request == null ? null : request.path("destinationId").asText(null);
        String payloadVersion = request == null ? null : request.path("payloadVersion").asText(null);
        if (destinationId == null || payloadVersion == null) {
            return Result.error(400, "InvalidInput", "destinationId and payloadVersion are required");
        }
        if (!destinations.containsKey(destinationId)) {
            return Result.error(400, "InvalidInput", "Destination " + destinationId + " does not exist");
        }
        String key = sellingPartnerId + "|" + notificationType;
        ObjectNode existing = subscriptions.get(key);
        if (existing != null) {
            return Result.error(409, "Conflict", "Subscription " + existing.path("subscriptionId").asText() + " already exists");
        }
        ObjectNode s = F.objectNode();
        s.put("subscriptionId", UUID.randomUUID().toString());
        s.put("payloadVersion", payloadVersion);
        s.put("destinationId", destinationId);
        subscriptions.put(key, s);
        return Result.ok(s);
    }

    Optional<ObjectNode> subscription(String sellingPartnerId, String notificationType) {
        return Optional.ofNullable(subscriptions.get(sellingPartnerId + "|" + notificationType)).map(ObjectNode::deepCopy);
    }

    /** Every subscription as {@code {sellingPartnerId, notificationType, subscriptionId, destinationId, arn}}. */
    List<ObjectNode> all() {
        return subscriptions.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\\|", 2);
            ObjectNode s = F.objectNode();
            s.put("sellingPartnerId", key[0]);
            s.put("notificationType", key[1]);
            s.setAll(e.getValue().deepCopy());
            ObjectNode d = destinations.get(e.getValue().path("destinationId").asText());
            s.put("arn", d == null ? null : d.path("resource").path("sqs").path("arn").asText());
            return s;
        }).toList();
    }
}
