package com.deskbridge.compliance;

import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.intent.Language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

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
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<CorpusEntry> entries = new ArrayList<>();
        int lineNo = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (!line.isBlank()) {
                    entries.add(entry(line, lineNo));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static CorpusEntry entry(String line, int lineNo) {
        try {
            Map<String, Object> f = CorpusJson.parse(line);
            EnumSet<RuleId> violations = EnumSet.noneOf(RuleId.class);
            Object v = f.get("violations");
            if (!(v instanceof List<?> list)) {
                throw new IllegalArgumentException("violations must be an array");
            }
            for (Object r : list) {
                violations.add(RuleId.valueOf((String) r));
            }
            return new CorpusEntry(text(f, "id"), Language.fromCode(text(f, "lang")), text(f, "text"), violations,
                    text(f, "note"), text(f, "split"));
        } catch (IllegalArgumentException | ClassCastException | InvalidInputException e) {
            throw new InvalidInputException("line " + lineNo, e.getMessage());
        }
    }

    private static String text(Map<String, Object> f, String key) {
        Object o = f.get(key);
        if (o != null && !(o instanceof String)) {
            throw new IllegalArgumentException(key + " must be a string");
        }
        return (String) o;
    }
}
