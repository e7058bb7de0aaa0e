package com.deskbridge.adapters.dynamodb;

import com.deskbridge.domain.ticket.Attachment;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.Direction;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.ReplySource;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps ticket and message items to and from domain records. */
final class ItemCodec {
    /** The table's TTL attribute (epoch seconds), on every item that holds buyer personal data. */
    static final String EXPIRES_AT = "expiresAt";

    private ItemCodec() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static boolean expired(Map<String, AttributeValue> item, Instant now) {
        AttributeValue expires = item.get(EXPIRES_AT);
        return expires != null && expires.n() != null && Long.parseLong(expires.n()) <= now.getEpochSecond();
    }

    static Map<String, AttributeValue> messageItem(InboundMessage message) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("itemType", s("message"));
        item.put("messageKey", s(message.messageKey()));
        item.put("externalMessageId", s(message.externalMessageId()));
        item.put("channel", s(message.channel().wireName()));
        item.put("senderAddress", s(message.sender().address()));
        if (message.sender().displayName() != null) {
            item.put("senderName", s(message.sender().displayName()));
        }
        if (message.subject() != null) {
            item.put("subject", s(message.subject()));
        }
        item.put("body", s(message.body()));
        item.put("bodyTruncated", AttributeValue.fromBool(message.bodyTruncated()));
        item.put("attachments", AttributeValue.fromL(message.attachments().stream()
                .map(a -> AttributeValue.fromM(Map.of(
                        "fileName", s(a.fileName()),
                        "contentType", s(a.contentType()),
                        "sizeBytes", n(a.sizeBytes()))))
                .toList()));
        item.put("receivedAt", s(TicketKeys.time(message.receivedAt())));
        if (message.claimedReceivedAt() != null) {
            item.put("claimedReceivedAt", s(message.claimedReceivedAt().toString())); // not believed; kept for the record
        }
        return item;
    }

    static TicketMessage message(Map<String, AttributeValue> item) {
        List<Attachment> attachments = item.containsKey("attachments")
                ? item.get("attachments").l().stream()
                        .map(AttributeValue::m)
                        .map(m -> new Attachment(m.get("fileName").s(), m.get("contentType").s(),
                                Long.parseLong(m.get("sizeBytes").n())))
                        .toList()
                : List.of();
        boolean out = "out".equals(str(item, "direction"));
        return new TicketMessage(
                str(item, "messageKey"),
                str(item, "externalMessageId"),
                new Sender(str(item, "senderAddress"), str(item, "senderName")),
                str(item, "subject"),
                str(item, "body"),
                item.containsKey("bodyTruncated") && Boolean.TRUE.equals(item.get("bodyTruncated").bool()),
                attachments,
                instant(item, "receivedAt"),
                out ? Direction.OUT : Direction.IN,
                str(item, "agentId"),
                out && item.containsKey("sendStatus") ? SendStatus.valueOf(str(item, "sendStatus")) : null,
                str(item, "sendDetail"),
                item.containsKey("automatic") && Boolean.TRUE.equals(item.get("automatic").bool()),
                out ? null : str(item, "language"),
                out || !item.containsKey("intentConfidence") ? null : Double.valueOf(item.get("intentConfidence").n()),
                out ? replySource(item) : null,
                str(item, "macroId"));
    }

    /** A reply's source; replies recorded before sources were kept count as by hand, or automatic. */
    private static ReplySource replySource(Map<String, AttributeValue> item) {
        return ReplySource.fromWire(str(item, "source")).orElse(
                item.containsKey("automatic") && Boolean.TRUE.equals(item.get("automatic").bool())
                        ? ReplySource.AUTOMATIC : ReplySource.HAND);
    }

    /** A reply as recorded before sending: QUEUED, and in the send index until its channel took it. */
    static Map<String, AttributeValue> replyItem(OutgoingReply reply, SellerId seller, TicketId ticket, String subject) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("itemType", s("message"));
        item.put("direction", s("out"));
        item.put("messageKey", s(reply.messageKey()));
        item.put("sellerId", s(seller.value()));
        item.put("ticketId", s(ticket.value()));
        item.put("senderAddress", s("seller"));
        if (reply.agentId() != null) {
            item.put("agentId", s(reply.agentId()));
        }
        if (subject != null) {
            item.put("subject", s(subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject));
        }
        item.put("body", s(reply.body()));
        item.put("bodyTruncated", AttributeValue.fromBool(false));
        item.put("automatic", AttributeValue.fromBool(reply.automatic()));
        item.put("source", s(reply.origin().source().wireName()));
        if (reply.origin().macroId() != null) {
            item.put("macroId", s(reply.origin().macroId()));
        }
        if (reply.origin().suggestionId() != null) {
            item.put("suggestionId", s(reply.origin().suggestionId()));
        }
        item.put("receivedAt", s(TicketKeys.time(reply.at())));
        item.put("sendStatus", s(SendStatus.QUEUED.name()));
        item.put(TicketKeys.GSI3PK, s(TicketKeys.sendPk(Math.floorMod(reply.messageKey().hashCode(), TicketKeys.DUE_SHARDS))));
        item.put(TicketKeys.GSI3SK, s(TicketKeys.sendSk(reply.at(), ticket, reply.messageKey())));
        return item;
    }

    static TicketSummary summary(Map<String, AttributeValue> item) {
        return new TicketSummary(
                new TicketId(str(item, "ticketId")),
                new SellerId(str(item, "sellerId")),
                Channel.parse(str(item, "channel"), "channel"),
                str(item, "marketplaceId"),
                str(item, "orderId"),
                str(item, "buyer"),
                str(item, "subject"),
                TicketStatus.parse(str(item, "status"), "status"),
                instant(item, "createdAt"),
                instant(item, "lastMessageAt"),
                instant(item, "awaitingReplySince"),
                item.containsKey("messageCount") ? Integer.parseInt(item.get("messageCount").n()) : 0,
                str(item, "intent"),
                item.containsKey("tags") ? new java.util.TreeSet<>(item.get("tags").ss()) : java.util.Set.of(),
                item.containsKey("priority") ? com.deskbridge.domain.sla.Priority.valueOf(item.get("priority").s()) : null,
                str(item, "assignee"),
                instant(item, "dueAt"),
                str(item, "lastPreview") == null || str(item, "lastPreview").isEmpty() ? null : str(item, "lastPreview"),
                FailedSend.failure(item),
                str(item, TicketAppend.THREAD_KEY));
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }
}
