package com.deskbridge.api;

import com.deskbridge.domain.ticket.Attachment;
import com.deskbridge.domain.ticket.InternalNote;
import com.deskbridge.domain.ticket.Marketplaces;
import com.deskbridge.domain.ticket.Presence;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.domain.ticket.TicketSummary;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the ticket resources. Field names are the API contract; the domain may change beneath. */
final class TicketJson {
    private TicketJson() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Summary(String id, String channel, String marketplaceId, String marketplaceName, String orderId, String buyer,
                   String subject, String status, String createdAt, String lastMessageAt, String awaitingReplySince,
                   int messageCount, String intent, List<String> tags, String priority, String assignee, String dueAt,
                   String lastMessagePreview, Failure sendFailure) {
    }

    /** A reply the channel refused for good (the ticket is open again until an agent acts). */
    record Failure(String messageKey, String reason, String at) {
        static Failure of(com.deskbridge.domain.ticket.SendFailure f) {
            return f == null ? null : new Failure(f.messageKey(), f.reason(), f.at().toString());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(String id, String direction, String externalMessageId, String from, String fromName, String subject,
                   String body, boolean bodyTruncated, List<File> attachments, String receivedAt, String agentId,
                   String sendStatus, String sendDetail, Boolean automatic, String source, String macroId,
                   String language) {
    }

    record File(String fileName, String contentType, long sizeBytes) {
    }

    /** A ticket with its messages: the summary's members, then {@code messages}. */
    record Detail(@JsonUnwrapped Summary summary, List<Message> messages) {
    }

    /** An internal note: for the team, never sent. */
    record Note(String noteId, String agentId, String text, String createdAt) {
    }

    /** Another agent on the ticket right now. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PresenceJson(String agentId, String activity, String since, String until) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Listing(List<Summary> items, String nextCursor) {
    }

    static Summary summary(TicketSummary t) {
        return new Summary(t.id().value(), t.channel().wireName(), t.marketplaceId(), marketplaceName(t), t.orderId(),
                t.buyer(), t.subject(), t.status().wireName(), iso(t.createdAt()), iso(t.lastMessageAt()),
                iso(t.awaitingReplySince()), t.messageCount(), t.intent(), sorted(t), t.priority().name(), t.assignee(),
                iso(t.dueAt()), t.lastMessagePreview(), Failure.of(t.sendFailure()));
    }

    static Detail detail(TicketDetail d) {
        return new Detail(summary(d.ticket()), d.messages().stream().map(TicketJson::message).toList());
    }

    static Note note(InternalNote n) {
        return new Note(n.noteId(), n.agentId(), n.text(), iso(n.createdAt()));
    }

    static PresenceJson presence(Presence p) {
        return new PresenceJson(p.agentId(), p.activity().wireName(), iso(p.since()), iso(p.until()));
    }

    private static String marketplaceName(TicketSummary t) {
        return Marketplaces.name(t.marketplaceId()).orElse(null);
    }

    static Listing listing(Page<TicketSummary> page) {
        return new Listing(page.items().stream().map(TicketJson::summary).toList(), page.nextCursor());
    }

    private static Message message(TicketMessage m) {
        boolean out = m.direction() == com.deskbridge.domain.ticket.Direction.OUT;
        return new Message(m.messageKey(), m.direction().wireName(), m.externalMessageId(),
                out ? null : m.sender().address(), out ? null : m.sender().displayName(), m.subject(), m.body(),
                m.bodyTruncated(), m.attachments().stream().map(TicketJson::file).toList(), iso(m.receivedAt()),
                m.agentId(), m.sendStatus() == null ? null : m.sendStatus().wireName(), m.sendDetail(),
                out ? m.automatic() : null, m.source() == null ? null : m.source().wireName(), m.macroId(),
                out ? null : m.language());
    }

    private static File file(Attachment a) {
        return new File(a.fileName(), a.contentType(), a.sizeBytes());
    }

    private static List<String> sorted(TicketSummary t) {
        return t.tags().stream().sorted().toList();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
