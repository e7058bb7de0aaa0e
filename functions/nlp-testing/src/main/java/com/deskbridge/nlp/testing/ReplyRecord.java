package com.deskbridge.nlp.testing;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One labelled seller reply (functions/compliance/corpus/LABELLING.md): the rules it breaks and whether it may be
 * sent. The older corpus in the compliance module's test resources spells the fields {@code lang} and
 * {@code violations} and has no decision; both formats read into this record.
 *
 * @param findings the rule ids the text breaks (empty: fine to send)
 * @param decision "block" or "send"; derived from the findings when absent
 */
public record ReplyRecord(String id, @JsonAlias("lang") String language, boolean mixed, String text,
                          @JsonAlias("violations") List<String> findings, String decision, String note,
                          String split) {
    public ReplyRecord {
        Corpora.require(id, "id", id);
        Corpora.require(language, "language", id);
        Corpora.require(text, "text", id);
        findings = findings == null ? List.of() : List.copyOf(findings);
        String derived = findings.isEmpty() ? "send" : "block";
        if (decision != null && !decision.equals(derived)) {
            throw new IllegalArgumentException(id + ": decision " + decision + " contradicts findings " + findings);
        }
        decision = derived;
    }

    /** The findings as a sorted set. */
    public Set<String> rules() {
        return new TreeSet<>(findings);
    }

    /** The reporting group: the language, or "mixed" for replies that mix languages. */
    public String group() {
        return mixed ? Corpora.MIXED : language;
    }
}
