package vn.laurel.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;

/**
 * A scenario's expected outcome for one award: the short form {@code ADVANCED_LABORER: ELIGIBLE}, or
 * the long form {@code { outcome: NOT_ELIGIBLE, because: [RATING_GOOD_OR_BETTER] }} that names the
 * criteria deciding a NOT_ELIGIBLE or NEEDS_REVIEW outcome (case-format.md).
 */
public record Expectation(String outcome, List<String> because) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Expectation {
        because = because == null ? List.of() : List.copyOf(because);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Expectation of(String outcome) {
        return new Expectation(outcome, List.of());
    }
}
