package com.deskbridge.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.macros.BuiltInMacros;
import com.deskbridge.macros.Macro;
import com.deskbridge.macros.MacroLanguage;
import com.deskbridge.macros.MacroValues;
import com.deskbridge.macros.RenderResult;
import com.deskbridge.macros.SampleValues;
import com.deskbridge.nlp.testing.Corpora;
import com.deskbridge.nlp.testing.ReplyRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The product's own texts (every built-in macro rendered in every language, and the closed-hours acknowledgement in
 * every language) are kept in {@value #FIXTURE}, which the compliance trainer reads: it fits the learned rules'
 * thresholds so that none of them is blocked, and fails the build if a shipped model still blocks one. This test
 * fails when the file and the rendered texts differ (a built-in was added or reworded); rewrite the file with
 * {@code -Dbuiltins.write=true} and retrain.
 */
class BuiltInTextsFixtureTest {
    static final String FIXTURE = "functions/compliance/corpus/built-in-texts.jsonl";

    @Test
    void theComplianceTrainerChecksEveryBuiltInText() throws IOException {
        Path file = root().resolve(FIXTURE);
        List<ReplyRecord> rendered = rendered();
        if (Boolean.getBoolean("builtins.write")) {
            ObjectMapper json = new ObjectMapper();
            StringBuilder out = new StringBuilder();
            for (ReplyRecord r : rendered) {
                out.append(json.writeValueAsString(r)).append('\n');
            }
            Files.writeString(file, out, StandardCharsets.UTF_8);
        }
        assertThat(Corpora.read(file, ReplyRecord.class))
                .as("%s is out of date: rerun this test with -Dbuiltins.write=true and retrain the compliance models",
                        FIXTURE)
                .containsExactlyElementsOf(rendered);
    }

    /** Every built-in macro (filled with the macro tests' realistic values) and the acknowledgement, in every language. */
    static List<ReplyRecord> rendered() {
        MacroValues values = SampleValues.all().build();
        List<ReplyRecord> out = new ArrayList<>();
        for (MacroLanguage l : MacroLanguage.values()) {
            String lang = l.name().toLowerCase(Locale.ROOT);
            for (Macro m : BuiltInMacros.all()) {
                String text = ((RenderResult.Rendered) m.render(values, l, l)).text();
                out.add(record(m.id() + "." + lang, lang, text));
            }
            out.add(record(AcknowledgementTemplate.ID + "." + lang, lang,
                    AcknowledgementTemplate.render(l, LocalDate.of(2026, 12, 7), "Hausrat Schmidt")));
        }
        return out;
    }

    /** A built-in text: to be sent, whatever the learned rules say (a link in the carrier-link macro is its own rule). */
    private static ReplyRecord record(String id, String language, String text) {
        return new ReplyRecord(id, language, false, text, List.of(), "send", "built-in text", "built-in");
    }

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("functions/compliance/corpus"))) {
            p = p.getParent();
        }
        return p == null ? Path.of("").toAbsolutePath() : p;
    }
}
