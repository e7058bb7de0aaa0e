package com.deskbridge.compliance;

import com.deskbridge.intent.JsonLines;
import com.deskbridge.intent.Language;

import java.io.Reader;
import java.util.EnumSet;
import java.util.List;

/**
 * Reads the compliance corpus in JSON Lines, one object per line:
 * {@code {"id":…, "lang":"de", "text":…, "violations":["EXTERNAL_LINK",…], "note":…, "split":"holdout"}}.
 * Blank lines are skipped; a malformed line or an unknown rule fails with {@link InvalidInputException} naming
 * "line N". JDK only.
 */
public final class ComplianceCorpus {
    private ComplianceCorpus() {
    }

    /** Reads a corpus from a reader (not closed). */
    public static List<CorpusEntry> read(Reader reader) {
        return JsonLines.read(reader, f -> {
            EnumSet<RuleId> violations = EnumSet.noneOf(RuleId.class);
            if (!(f.get("violations") instanceof List<?> list)) {
                throw new IllegalArgumentException("violations must be an array");
            }
            for (Object r : list) {
                violations.add(RuleId.valueOf((String) r));
            }
            return new CorpusEntry(JsonLines.text(f, "id"), Language.fromCode(JsonLines.text(f, "lang")),
                    JsonLines.text(f, "text"), violations, JsonLines.text(f, "note"), JsonLines.text(f, "split"));
        });
    }
}
