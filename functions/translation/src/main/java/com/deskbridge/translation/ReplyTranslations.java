package com.deskbridge.translation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the reply translations of a seller's tickets, kept as long as the replies' personal data. */
public interface ReplyTranslations {

    /**
     * Stores {@code translation} for its reply, before the reply is recorded (so a recorded reply always has it); it
     * replaces one stored by an attempt whose reply was refused (e.g. by the compliance check).
     */
    void save(String sellerId, String ticketId, ReplyTranslation translation, Instant expiresAt);

    /** The ticket's reply translations that have not expired, oldest first. */
    List<ReplyTranslation> list(String sellerId, String ticketId, Instant now);

    default Optional<ReplyTranslation> find(String sellerId, String ticketId, String messageKey, Instant now) {
        return list(sellerId, ticketId, now).stream().filter(t -> t.messageKey().equals(messageKey)).findFirst();
    }
}
