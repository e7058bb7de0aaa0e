package com.deskbridge.macros;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of filling a macro: either the finished text or the list of values that are missing. A missing
 * value is reported so the agent can supply it; it is never rendered as blank text (issue 5).
 */
public sealed interface RenderResult permits RenderResult.Rendered, RenderResult.MissingValues {

    /** The language the text is (or would have been) written in; may differ from the buyer's after fallback. */
    MacroLanguage language();

    /**
     * The filled text.
     *
     * @param text     never blank
     * @param language the language of {@code text}
     */
    record Rendered(String text, MacroLanguage language) implements RenderResult {
        public Rendered {
            Objects.requireNonNull(language, "language");
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a rendered macro is never blank");
            }
        }
    }

    /**
     * Values the macro needs that were not supplied.
     *
     * @param missing  each missing placeholder once, in order of first use; never empty
     * @param language the language that was being rendered
     */
    record MissingValues(List<Placeholder> missing, MacroLanguage language) implements RenderResult {
        public MissingValues {
            missing = List.copyOf(missing);
            Objects.requireNonNull(language, "language");
            if (missing.isEmpty()) {
                throw new IllegalArgumentException("missing must not be empty");
            }
        }
    }
}
