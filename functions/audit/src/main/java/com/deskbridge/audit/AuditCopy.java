package com.deskbridge.audit;

import com.deskbridge.domain.ticket.ReplySource;
import com.deskbridge.domain.ticket.SellerId;
import java.time.Instant;
import java.util.Objects;

/**
 * The audit copy of one sent reply: its text with the buyer's personal data replaced by placeholders
 * ({@link PersonalData}), who wrote it and how, where and when it went. Kept for {@link #KEEP_DAYS} days, beyond the
 * reply's own retention, because it holds no personal data.
 *
 * @param agentId  null for automatic replies
 * @param macroId  the macro the text came from (macro and suggestion sources), else null
 * @param language the buyer's language as intake detected it (ISO 639-1), null when unknown
 */
public record AuditCopy(SellerId seller, String ticketId, String messageKey, String agentId, ReplySource source,
                        String macroId, String channel, String language, Instant sentAt, String text) {
    /** Two years. */
    public static final int KEEP_DAYS = 730;

    public AuditCopy {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(text, "text");
    }

    /** What the sampler needs of a copy (everything but the text). */
    public SentReply ref() {
        return new SentReply(messageKey, agentId, source, sentAt);
    }

    /** One sent reply as the sampler sees it: the stratum it belongs to and where to load its copy. */
    public record SentReply(String messageKey, String agentId, ReplySource source, Instant sentAt) {
        public SentReply {
            Objects.requireNonNull(messageKey, "messageKey");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(sentAt, "sentAt");
        }

        /** The stratum: agent (or "automatic" for the rule engine) and source. */
        public String stratum() {
            return (agentId == null ? "(automatic)" : agentId) + "|" + source.wireName();
        }
    }
}
