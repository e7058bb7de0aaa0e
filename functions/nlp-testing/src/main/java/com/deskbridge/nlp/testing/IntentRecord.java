package com.deskbridge.nlp.testing;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * One labelled buyer message (functions/intent/corpus/LABELLING.md). The older corpus in the intent module's test
 * resources spells the language {@code lang} and carries a {@code split}; both formats read into this record.
 *
 * @param intent the main intent's wire name (e.g. {@code WHERE_IS_MY_ORDER})
 * @param also   further asks in the same message, may be empty
 */
public record IntentRecord(String id, @JsonAlias("lang") String language, boolean mixed, String channel,
                           String marketplace, String subject, String body, String intent, List<String> also,
                           String note, String split) {
    public IntentRecord {
        Corpora.require(id, "id", id);
        Corpora.require(language, "language", id);
        Corpora.require(intent, "intent", id);
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
        also = also == null ? List.of() : List.copyOf(also);
    }

    /** The reporting group: the language, or "mixed" for messages that mix languages. */
    public String group() {
        return mixed ? Corpora.MIXED : language;
    }
}
