package com.deskbridge.domain.command;

import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.port.TicketStore.ReplyOutcome;
import com.deskbridge.domain.ticket.IdempotencyKeyReusedException;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.ReplyOrigin;
import com.deskbridge.domain.ticket.ReplySource;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** What agents do to tickets, always on behalf of one seller. */
public final class TicketCommands {
    /** Longest reply text accepted (Amazon's buyer-seller messages are far shorter in practice). */
    public static final int MAX_REPLY_CHARS = 20_000;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern AGENT = Pattern.compile("[A-Za-z0-9@._:+-]{1,128}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private final TicketStore store;
    private final Clock clock;
    private final Duration replyRetention;

    /** @param replyRetention how long a reply's text is kept (it may quote the buyer: Amazon's DPP limits apply) */
    public TicketCommands(TicketStore store, Clock clock, Duration replyRetention) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.replyRetention = Objects.requireNonNull(replyRetention);
    }

    /** The result of {@link #reply}: the reply's message key, and whether this request recorded it or an earlier one did. */
    public record RecordedReply(String messageKey, boolean duplicate) {
    }

    /**
     * Seller Central's "no response needed", reproduced (it has no API): stops the response clock and closes the
     * ticket; the next buyer message re-opens it with a new clock.
     *
     * @throws TicketNotFoundException when the seller has no such ticket
     */
    public void markNoResponseNeeded(SellerId seller, TicketId id, String agentId) {
        if (!store.markNoResponseNeeded(seller, id, agentId, clock.instant())) {
            throw new TicketNotFoundException(id);
        }
    }

    /**
     * Records an agent's reply for sending and stops the response clock. The text must already have passed the
     * messaging-compliance check (the caller's job: it owns the findings shown to the agent).
     *
     * @param idempotencyKey the client's key for this reply: the same key records the reply once
     * @throws TicketNotFoundException when the seller has no such ticket
     * @throws IdempotencyKeyReusedException when the key already recorded a reply with another text
     * @throws InvalidInputException   naming "text" or "Idempotency-Key"
     */
    public RecordedReply reply(SellerId seller, TicketId id, String agentId, String text, String idempotencyKey) {
        return reply(seller, id, agentId, text, idempotencyKey, ReplyOrigin.HAND, null);
    }

    /**
     * As {@link #reply(SellerId, TicketId, String, String, String)}, recording how the text was written and, for the
     * compliance audit, a copy of it made by {@code auditCopy} (which replaces the buyer's personal data).
     *
     * @param auditCopy null to keep no audit copy
     */
    public RecordedReply reply(SellerId seller, TicketId id, String agentId, String text, String idempotencyKey,
                               ReplyOrigin origin, UnaryOperator<String> auditCopy) {
        if (origin == null || origin.source() == ReplySource.AUTOMATIC) {
            throw new IllegalArgumentException("an agent's reply has an agent's origin");
        }
        return record(seller, id, agentId, text, idempotencyKey, origin, auditCopy);
    }

    /** Records a reply written by the automation rules: it does not stop Amazon's clock. */
    public RecordedReply automaticReply(SellerId seller, TicketId id, String text, String ruleKey) {
        return automaticReply(seller, id, text, ruleKey, null);
    }

    /** As {@link #automaticReply(SellerId, TicketId, String, String)}, with an audit copy made by {@code auditCopy}. */
    public RecordedReply automaticReply(SellerId seller, TicketId id, String text, String ruleKey,
                                        UnaryOperator<String> auditCopy) {
        return record(seller, id, null, text, ruleKey, ReplyOrigin.AUTOMATIC, auditCopy);
    }

    private RecordedReply record(SellerId seller, TicketId id, String agentId, String text, String key,
                                 ReplyOrigin origin, UnaryOperator<String> auditCopy) {
        boolean automatic = origin.source() == ReplySource.AUTOMATIC;
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "is required");
        }
        if (text.length() > MAX_REPLY_CHARS) {
            throw new InvalidInputException("text", "must be at most " + MAX_REPLY_CHARS + " characters (was " + text.length() + ")");
        }
        if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new InvalidInputException("Idempotency-Key", "must be 8 to 128 letters, digits or . _ : -");
        }
        Instant now = clock.instant();
        String messageKey = OutgoingReply.keyFor(id, key);
        String body = text.strip();
        ReplyOutcome outcome = store.recordReply(seller, id,
                new OutgoingReply(messageKey, automatic ? null : agentId(agentId), body, now, automatic, origin,
                        auditCopy == null ? null : auditCopy.apply(body)),
                now.plus(replyRetention));
        if (outcome == ReplyOutcome.NO_SUCH_TICKET) {
            throw new TicketNotFoundException(id);
        }
        if (outcome == ReplyOutcome.DUPLICATE && !automatic && !sameText(seller, id, messageKey, text.strip())) {
            throw new IdempotencyKeyReusedException(messageKey);
        }
        return new RecordedReply(messageKey, outcome == ReplyOutcome.DUPLICATE);
    }

    /** Whether the reply the key recorded first has this text (a retry), or another one (the key was reused). */
    private boolean sameText(SellerId seller, TicketId id, String messageKey, String text) {
        return store.find(seller, id, clock.instant()).flatMap(t -> t.messages().stream()
                        .filter(m -> m.messageKey().equals(messageKey)).findFirst())
                .map(m -> text.equals(m.body())).orElse(true);
    }

    /** Gives the ticket to {@code assignee}, or with null takes it from whoever had it. */
    public void assign(SellerId seller, TicketId id, String assignee) {
        String who = assignee == null || assignee.isBlank() ? null : assignee.trim();
        if (who != null && !AGENT.matcher(who).matches()) {
            throw new InvalidInputException("assignee", "must be an agent id (letters, digits, @ . _ : + -, at most 128)");
        }
        if (!store.assign(seller, id, who, clock.instant())) {
            throw new TicketNotFoundException(id);
        }
    }

    /** Adds and removes tags (lower-case letters, digits, - and _, at most 40 characters each; at most 20 per call). */
    public void retag(SellerId seller, TicketId id, Set<String> add, Set<String> remove) {
        Set<String> adding = add == null ? Set.of() : add;
        Set<String> removing = remove == null ? Set.of() : remove;
        if (adding.isEmpty() && removing.isEmpty()) {
            throw new InvalidInputException("add", "name at least one tag to add or remove");
        }
        validTags("add", adding);
        validTags("remove", removing);
        if (adding.stream().anyMatch(removing::contains)) {
            throw new InvalidInputException("remove", "a tag cannot be added and removed at once");
        }
        if (!store.retag(seller, id, adding, removing, clock.instant())) {
            throw new TicketNotFoundException(id);
        }
    }

    /** Closes the ticket; its clock stops until the next buyer message. */
    public void close(SellerId seller, TicketId id, String agentId) {
        if (!store.close(seller, id, agentId(agentId), clock.instant())) {
            throw new TicketNotFoundException(id);
        }
    }

    private static void validTags(String field, Set<String> tags) {
        if (tags.size() > 20) {
            throw new InvalidInputException(field, "at most 20 tags per request");
        }
        for (String tag : tags) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw new InvalidInputException(field, "tag '" + tag + "' must be lower-case letters, digits, - or _ (1 to 40)");
            }
        }
    }

    private static String agentId(String agentId) {
        if (agentId == null || !AGENT.matcher(agentId).matches()) {
            throw new InvalidInputException("sub", "the access token names no agent");
        }
        return agentId;
    }
}
