package com.deskbridge.assistant;

import java.util.Collection;
import java.util.Objects;

/**
 * When a suggestion may be sent as it is, in one click: the one definition the assistant's suggestions, their
 * acceptance figures ({@code shown} counts only sendable suggestions) and the coverage measure
 * ({@link SuggestionCoverage}) share.
 *
 * <p>A suggestion is <b>sendable</b> when its macro rendered with no placeholder left without a value (no blank, no
 * "missing data"), the rendered text passed the compliance check (Amazon's buyer-seller messaging rules: nothing
 * blocked) and nothing must happen first for the text to be true ({@link Candidate#waitingFor()} is null, e.g. the
 * refund confirmation before Amazon confirmed the refund).
 */
public final class Sendable {
    private Sendable() {
    }

    /**
     * @param missing           the placeholders the ticket has no value for (empty when the macro rendered)
     * @param complianceBlocked the compliance check of the rendered text blocked it (false when not rendered)
     */
    public static boolean sendable(Candidate candidate, Collection<?> missing, boolean complianceBlocked) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(missing, "missing");
        return missing.isEmpty() && !complianceBlocked && candidate.waitingFor() == null;
    }
}
