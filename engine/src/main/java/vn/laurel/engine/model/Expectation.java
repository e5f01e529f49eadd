package vn.laurel.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A scenario's expectation for one award: the outcome and, for NOT_ELIGIBLE and NEEDS_REVIEW, the
 * criteria that decide it ({@code because}). Written either as the bare outcome
 * ({@code ADVANCED_LABORER: ELIGIBLE}) or in the long form
 * ({@code ADVANCED_LABORER: { outcome: NOT_ELIGIBLE, because: [RATING_GOOD_OR_BETTER] }}).
 * The deciding criteria are what make a refusal a proof: without them a scenario still passes when
 * the outcome is right for another reason.
 */
public record Expectation(String outcome, List<String> because) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Expectation(@JsonProperty("outcome") String outcome, @JsonProperty("because") List<String> because) {
        this.outcome = outcome;
        this.because = because == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(because)); // nulls kept for the validator to name
    }

    /** The short form: the outcome alone. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Expectation of(String outcome) {
        return new Expectation(outcome, List.of());
    }
}
