package com.deskbridge.compliance;

import java.util.Objects;

/**
 * One rule violation in an outgoing message.
 *
 * @param start            offset of the first character in the body, or -1 for attachment- and subject-level findings
 * @param end              offset after the last character in the body (so {@code body.substring(start, end)} is
 *                         {@code matched}), or -1
 * @param matched          the offending text (the file name for attachments)
 * @param explanation      why the text breaks the rule, in English, for the agent
 * @param saferAlternative what to write instead
 */
public record Finding(RuleId rule, Severity severity, int start, int end, String matched, String explanation,
                      String saferAlternative) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(matched, "matched");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(saferAlternative, "saferAlternative");
        if (start < -1 || end < start || (start == -1) != (end == -1)) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /** True when the finding points into the body (not at the subject or an attachment). */
    public boolean inBody() {
        return start >= 0;
    }
}
