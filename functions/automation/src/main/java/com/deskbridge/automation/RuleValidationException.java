package com.deskbridge.automation;

import com.deskbridge.domain.ticket.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Automation settings that cannot be used, with every problem found (not only the first), so the seller fixes all
 * at once. As an {@link InvalidInputException} it names the first offending field, which the API edge turns into a
 * problem response; {@link #problems()} has all of them.
 */
public final class RuleValidationException extends InvalidInputException {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleProblem> problems;

    public RuleValidationException(List<RuleProblem> problems) {
        super(problems.get(0).field(), problems.stream().map(RuleProblem::describe)
                .collect(Collectors.joining("; ")).substring(problems.get(0).field().length() + 1));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
