package com.deskbridge.api;

import com.deskbridge.domain.ticket.InternalNote;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.Presence;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketSummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Agents working a ticket together: internal notes (never sent, never checked against the messaging rules, each an
 * evidence entry that proves when and by whom without keeping its text in the evidence) and presence (who has the
 * ticket open and who is writing a reply, for {@value #PRESENCE_SECONDS} seconds after each heartbeat).
 */
final class CollaborationService {
    static final int MAX_NOTE_CHARS = 10_000;
    static final long PRESENCE_SECONDS = 30;
    static final String NOTE_ADDED = "NOTE_ADDED";
    private static final Pattern AGENT = Pattern.compile("[A-Za-z0-9@._:+-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Collaboration ports;
    private final Clock clock;

    CollaborationService(Collaboration ports, Clock clock) {
        this.ports = Objects.requireNonNull(ports);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @throws InvalidInputException naming "text" (1 to {@value #MAX_NOTE_CHARS} characters) or "sub" (no agent)
     */
    InternalNote addNote(TicketDetail ticket, String agent, String text) {
        String who = agent(agent);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_NOTE_CHARS) {
            throw new InvalidInputException("text", "must be 1 to " + MAX_NOTE_CHARS + " characters");
        }
        Instant now = clock.instant();
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        InternalNote note = new InternalNote(String.format("%012x", now.toEpochMilli()) + HexFormat.of().formatHex(random),
                who, body, now);
        TicketSummary t = ticket.ticket();
        ports.notes().add(t.seller(), t.id(), note, now.plus(ports.notesRetention()));
        ports.evidence().append(t.seller().value(), t.id().value(), NOTE_ADDED, Map.of("agentId", who,
                "eventAt", now.toString(), "note", "internal note " + note.noteId() + ", text sha256 " + sha256(body)));
        return note;
    }

    List<InternalNote> notes(TicketDetail ticket) {
        return ports.notes().notes(ticket.ticket().seller(), ticket.ticket().id(), clock.instant());
    }

    /** Renews the agent's presence (keeping when the activity began) and returns who else is there. */
    List<Presence> mark(TicketDetail ticket, String agent, Presence.Activity activity) {
        String who = agent(agent);
        Instant now = clock.instant();
        List<Presence> current = ports.presence().current(ticket.ticket().seller(), ticket.ticket().id(), now);
        Instant since = current.stream().filter(p -> p.agentId().equals(who) && p.activity() == activity)
                .map(Presence::since).filter(Objects::nonNull).findFirst().orElse(now);
        ports.presence().mark(ticket.ticket().seller(), ticket.ticket().id(),
                new Presence(who, activity, since, now.plus(Duration.ofSeconds(PRESENCE_SECONDS))));
        return others(current, who);
    }

    /** Who else has the ticket open now ({@code agent} may be null: everyone). */
    List<Presence> others(TicketDetail ticket, String agent) {
        return others(ports.presence().current(ticket.ticket().seller(), ticket.ticket().id(), clock.instant()), agent);
    }

    /** The other agents writing a reply to this ticket right now. */
    List<String> replyingOthers(TicketDetail ticket, String agent) {
        return others(ticket, agent).stream().filter(p -> p.activity() == Presence.Activity.REPLYING)
                .map(Presence::agentId).toList();
    }

    private static List<Presence> others(List<Presence> current, String agent) {
        return current.stream().filter(p -> !p.agentId().equals(agent)).toList();
    }

    private static String agent(String agent) {
        if (agent == null || !AGENT.matcher(agent).matches()) {
            throw new InvalidInputException("sub", "the access token names no agent");
        }
        return agent;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
