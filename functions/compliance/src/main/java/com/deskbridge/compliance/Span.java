package com.deskbridge.compliance;

/** A detection in original-text offsets, before it becomes a {@link Finding}. */
record Span(RuleId rule, Severity severity, int start, int end, String explanation, String alternative) {

    boolean overlaps(Span o) {
        return start < o.end && o.start < end;
    }

    Finding toFinding(String text, boolean inBody) {
        String matched = text.substring(start, end);
        return inBody ? new Finding(rule, severity, start, end, matched, explanation, alternative)
                : new Finding(rule, severity, -1, -1, matched, "In the subject: " + explanation, alternative);
    }
}
