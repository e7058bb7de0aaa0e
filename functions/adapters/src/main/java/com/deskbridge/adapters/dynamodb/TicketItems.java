package com.deskbridge.adapters.dynamodb;

import com.deskbridge.domain.lifecycle.TicketState;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.ticket.TicketStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A ticket item's lifecycle part as the domain's {@link TicketState}, and back. */
final class TicketItems {
    private TicketItems() {
    }

    static TicketState state(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return TicketState.NONE;
        }
        String status = ItemCodec.str(item, "status");
        Map<MilestoneKind, Instant> milestones = new EnumMap<>(MilestoneKind.class);
        AttributeValue encoded = item.get(DynamoDbDueIndex.MILESTONES);
        if (encoded != null && encoded.hasM()) {
            encoded.m().forEach((name, at) -> known(name).ifPresent(kind ->
                    milestones.put(kind, Instant.ofEpochMilli(Long.parseLong(at.n())))));
        }
        Set<MilestoneKind> fired = EnumSet.noneOf(MilestoneKind.class);
        if (item.containsKey(DynamoDbDueIndex.FIRED)) {
            item.get(DynamoDbDueIndex.FIRED).ss().forEach(name -> known(name).ifPresent(fired::add));
        }
        return new TicketState(status == null ? TicketStatus.OPEN : TicketStatus.parse(status, "status"),
                instant(item, "awaitingReplySince"), instant(item, "dueAt"), instant(item, TicketKeys.GSI1SK),
                milestones, fired, ItemCodec.str(item, "intent"),
                item.containsKey("tags") ? Set.copyOf(item.get("tags").ss()) : Set.of(),
                item.containsKey("messageCount") ? Integer.parseInt(item.get("messageCount").n()) : 0,
                item.containsKey(InboxFacts.ESCALATION) && Boolean.TRUE.equals(item.get(InboxFacts.ESCALATION).bool()),
                ItemCodec.str(item, InboxFacts.LAST_HANDLED_BY), item.containsKey(DynamoDbDueIndex.OUTBOX),
                item.containsKey(FailedSend.SEND_FAILURE));
    }

    /** The item {@code before} with the lifecycle part of {@code after} (what the inbox's views are computed from). */
    static Map<String, AttributeValue> with(Map<String, AttributeValue> before, TicketState after) {
        Map<String, AttributeValue> item = new HashMap<>(before);
        item.put("status", ItemCodec.s(after.status().wireName()));
        put(item, "awaitingReplySince", after.awaitingReplySince());
        put(item, "dueAt", after.dueAt());
        put(item, TicketKeys.GSI1SK, after.queueKey());
        if (after.milestones().isEmpty()) {
            item.remove(DynamoDbDueIndex.MILESTONES);
        } else {
            Map<String, AttributeValue> encoded = new HashMap<>();
            after.milestones().forEach((m, at) -> encoded.put(m.name(), ItemCodec.n(at.toEpochMilli())));
            item.put(DynamoDbDueIndex.MILESTONES, AttributeValue.fromM(encoded));
        }
        if (after.fired().isEmpty()) {
            item.remove(DynamoDbDueIndex.FIRED);
        } else {
            item.put(DynamoDbDueIndex.FIRED, AttributeValue.fromSs(after.fired().stream().map(Enum::name).sorted().toList()));
        }
        if (after.intent() != null) {
            item.put("intent", ItemCodec.s(after.intent()));
        }
        if (after.tags().isEmpty()) {
            item.remove("tags"); // DynamoDB removes a set left empty
        } else {
            item.put("tags", AttributeValue.fromSs(List.copyOf(after.tags())));
        }
        item.put("messageCount", ItemCodec.n(after.messageCount()));
        if (after.escalationLanguage()) {
            item.put(InboxFacts.ESCALATION, AttributeValue.fromBool(true));
        }
        if (after.lastHandledBy() != null) {
            item.put(InboxFacts.LAST_HANDLED_BY, ItemCodec.s(after.lastHandledBy()));
        }
        if (!after.sendFailed()) {
            item.remove(FailedSend.SEND_FAILURE);
        }
        return item;
    }

    private static void put(Map<String, AttributeValue> item, String name, Instant at) {
        if (at == null) {
            item.remove(name);
        } else {
            item.put(name, ItemCodec.s(TicketKeys.time(at)));
        }
    }

    private static java.util.Optional<MilestoneKind> known(String name) {
        try {
            return java.util.Optional.of(MilestoneKind.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return java.util.Optional.empty(); // a milestone this version does not know
        }
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = ItemCodec.str(item, name);
        return v == null || v.isEmpty() ? null : Instant.parse(v);
    }
}
