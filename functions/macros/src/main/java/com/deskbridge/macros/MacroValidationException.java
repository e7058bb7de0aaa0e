package com.deskbridge.macros;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A template or macro definition that cannot be used, with every problem found (not just the first), so a seller
 * editing a macro sees all mistakes at once. The message lists them; {@link #problems()} has them structured.
 */
public final class MacroValidationException extends IllegalArgumentException {
    private final transient List<MacroProblem> problems;

    public MacroValidationException(List<MacroProblem> problems) {
        super(problems.stream().map(MacroProblem::describe).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<MacroProblem> problems() {
        return problems;
    }
}
