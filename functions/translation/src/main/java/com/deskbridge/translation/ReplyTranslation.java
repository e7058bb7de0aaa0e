package com.deskbridge.translation;

import java.time.Instant;
import java.util.Objects;

/**
 * What a reply written in the agent's language became for the buyer: both texts and both languages, kept beside the
 * reply (the reply itself holds the sent text, which is what the compliance check ran on).
 *
 * @param messageKey    the reply's key on the ticket
 * @param agentText     what the agent wrote
 * @param agentLanguage the language the agent wrote in (ISO 639-1)
 * @param sentText      the text sent to the buyer
 * @param sentLanguage  the buyer's language, asked for
 * @param method        how the sent text came about
 * @param note          why the sent text is not a translation (null when it is one)
 */
public record ReplyTranslation(String messageKey, String agentId, String agentText, String agentLanguage, String sentText,
                               String sentLanguage, Method method, String note, Instant recordedAt) {

    /** How the text sent to the buyer was made from the agent's. */
    public enum Method {
        /** Machine translation (Amazon Translate). */
        MACHINE("machine"),
        /** The macro's own text in the buyer's language, written by a person: nothing machine-translated. */
        MACRO_NATIVE("macro-native"),
        /** Sent as written: the engine did not translate it (the note says why). */
        UNTRANSLATED("untranslated");

        private final String wireName;

        Method(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Method parse(String wire) {
            for (Method m : values()) {
                if (m.wireName.equals(wire)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown translation method " + wire);
        }
    }

    public ReplyTranslation {
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(agentText, "agentText");
        Objects.requireNonNull(agentLanguage, "agentLanguage");
        Objects.requireNonNull(sentText, "sentText");
        Objects.requireNonNull(sentLanguage, "sentLanguage");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (method == Method.UNTRANSLATED && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("an untranslated reply says why");
        }
    }

    /** Whether the buyer gets a text in their language (a machine translation or the macro's own text). */
    public boolean translated() {
        return method != Method.UNTRANSLATED;
    }
}
