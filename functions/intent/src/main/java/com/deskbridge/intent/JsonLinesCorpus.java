package com.deskbridge.intent;

import com.deskbridge.domain.ticket.InvalidInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an evaluation corpus in JSON Lines, one flat object per line:
 * {@code {"id":…, "lang":"de", "intent":"WHERE_IS_MY_ORDER", "subject":…, "body":…, "note":…, "split":"holdout"}}.
 * Blank lines are skipped; a malformed line fails with {@link InvalidInputException} naming "line N".
 * JDK only (no JSON library).
 */
public final class JsonLinesCorpus {
    private JsonLinesCorpus() {
    }

    /** Reads a UTF-8 corpus file. */
    public static List<CorpusEntry> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            Map<String, String> f = FlatJsonParser.parse(line);
            String intent = f.get("intent");
            if (intent == null) {
                throw new IllegalArgumentException("intent is required");
            }
            return new CorpusEntry(f.get("id"), Language.fromCode(f.get("lang")), Intent.valueOf(intent),
                    f.get("subject"), f.get("body"), f.get("note"), f.get("split"));
        } catch (IllegalArgumentException | InvalidInputException e) {
            throw new InvalidInputException("line " + lineNo, e.getMessage());
        }
    }
}
