package vn.laurel.engine.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** The rule set could not be loaded; every problem found is listed, not only the first. */
public class RuleSetException extends RuntimeException {
    private final List<RuleProblem> problems;

    public RuleSetException(List<RuleProblem> problems) {
        super("The rule set has " + problems.size() + " problem(s):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> getProblems() { return problems; }
}
