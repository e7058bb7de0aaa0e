package com.deskbridge.compliance;

import com.deskbridge.intent.Language;

import java.util.List;

/**
 * An outgoing text to check: an agent reply, a filled macro or an automatic reply.
 *
 * @param subject     may be null (Amazon thread replies have none)
 * @param attachments may be null (none)
 * @param hint        the language the text is written in, if known (null or {@link Language#UNKNOWN}: not known).
 *                    It only decides whether a few ambiguous phrase cues count (English "sale" is Spanish "leaves"
 *                    and French "dirty"); the sentence classifier reads every language without it
 */
public record OutgoingMessage(String body, String subject, List<AttachmentInfo> attachments, Language hint) {
    public OutgoingMessage {
        body = body == null ? "" : body;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A body-only message with no subject, attachments or language hint. */
    public static OutgoingMessage of(String body) {
        return new OutgoingMessage(body, null, List.of(), null);
    }
}
