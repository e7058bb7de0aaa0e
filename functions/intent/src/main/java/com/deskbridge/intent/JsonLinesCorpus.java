package com.deskbridge.intent;


import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        return JsonLines.read(reader, f -> {
            String intent = JsonLines.text(f, "intent");
            if (intent == null) {
                throw new IllegalArgumentException("intent is required");
            }
            return new CorpusEntry(JsonLines.text(f, "id"), Language.fromCode(JsonLines.text(f, "lang")),
                    Intent.valueOf(intent), JsonLines.text(f, "subject"), JsonLines.text(f, "body"),
                    JsonLines.text(f, "note"), JsonLines.text(f, "split"));
        });
    }
}
