package vn.laurel.engine.criteria;

import vn.laurel.engine.model.Rating;

import java.util.List;

import static vn.laurel.engine.criteria.Requirement.Operator.*;

/**
 * A value measured from a subject's history, with the facts it was measured from. Rules turn a
 * measure into a {@link Check} by naming what is required: {@code $h.ratingIn($year).atLeast(Rating.GOOD)}.
 */
public record Measure(Object value, List<Evidence> evidence) {
    public Measure {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public Check atLeast(Rating required) {
        boolean met = value instanceof Rating r && r.isAtLeast(required);
        return check(met, new Requirement(AT_LEAST, required));
    }

    public Check atLeast(Number required) {
        return numeric(number() >= required.doubleValue(), new Requirement(AT_LEAST, required));
    }

    public Check atMost(Number required) {
        return numeric(number() <= required.doubleValue(), new Requirement(AT_MOST, required));
    }

    public Check lessThan(Number required) {
        return numeric(number() < required.doubleValue(), new Requirement(LESS_THAN, required));
    }

    /** A count that must be zero. */
    public Check none() {
        return numeric(number() == 0, new Requirement(NONE, 0));
    }

    /** A count of pending matters: while any is pending no award is decided, so it needs review. */
    public Check noneElseReview() {
        Status status = number() == 0 ? Status.MET : Status.NEEDS_REVIEW;
        return new Check(status, value, new Requirement(NO_PENDING, 0), evidence);
    }

    /** A human judgment: true is met, false is not, and no attestation needs review. */
    public Check attested() {
        Status status = value == null ? Status.NEEDS_REVIEW
                : Boolean.TRUE.equals(value) ? Status.MET : Status.NOT_MET;
        return new Check(status, value, new Requirement(ATTESTED, true), evidence);
    }

    private Check check(boolean met, Requirement requirement) {
        return new Check(met ? Status.MET : Status.NOT_MET, value, requirement, evidence);
    }

    /** A number the history does not hold (no service start date, say) is a data gap: a person decides. */
    private Check numeric(boolean met, Requirement requirement) {
        if (value == null) return new Check(Status.NEEDS_REVIEW, null, requirement, evidence);
        return check(met, requirement);
    }

    private double number() {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
