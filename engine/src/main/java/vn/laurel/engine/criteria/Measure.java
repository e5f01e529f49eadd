package vn.laurel.engine.criteria;

import vn.laurel.engine.model.Status;
import vn.laurel.engine.model.Rating;
import vn.laurel.engine.policy.Localized;

import java.util.List;

import static vn.laurel.engine.criteria.Requirement.Operator.*;

/**
 * A value measured from a subject's history, with the facts it was measured from. Rules turn a
 * measure into a {@link Check} by naming what is required: {@code $h.ratingIn($year).atLeast(Rating.GOOD)}.
 *
 * @param detail       what the number is made of, in both languages ("2023–2024; 2022 breaks the run")
 * @param ifConfirmed  the value the measure would have if the decisions still awaiting review in this
 *                     evaluation were confirmed; null when nothing awaits review. A requirement that
 *                     fails now but would hold then needs review rather than being refused.
 */
public record Measure(Object value, List<Evidence> evidence, Localized detail, Object ifConfirmed) {
    public Measure {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public Measure(Object value, List<Evidence> evidence) {
        this(value, evidence, null, null);
    }

    public Check atLeast(Rating required) {
        boolean met = value instanceof Rating r && r.isAtLeast(required);
        return check(met, new Requirement(AT_LEAST, required));
    }

    /** The rating must be exactly this one (e.g. EXCELLENT). */
    public Check is(Rating required) {
        return check(value == required, new Requirement(EQUALS, required));
    }

    public Check atLeast(Number required) {
        return numeric(n -> n >= required.doubleValue(), new Requirement(AT_LEAST, required));
    }

    /** Strictly more than: "trên 50%". */
    public Check moreThan(Number required) {
        return numeric(n -> n > required.doubleValue(), new Requirement(MORE_THAN, required));
    }

    /**
     * Strictly less than a limit that may not be set: a null limit (a parameter whose value is
     * {@code NONE}: no limit in force, say a rule that only some organisations' regulations keep) is met.
     */
    public Check lessThanLimit(Number limit) {
        if (limit == null) return new Check(Status.MET, value, new Requirement(NO_LIMIT, null), evidence, null, List.of(), detail);
        return lessThan(limit);
    }

    /**
     * At least a limit that may not be set: a null limit (a parameter whose value is {@code NONE}: no such
     * criterion in force, a rule only a sector's regulation keeps) is met. An unknown value needs review.
     */
    public Check atLeastLimit(Number limit) {
        if (limit == null) return new Check(Status.MET, value, new Requirement(NO_LIMIT, null), evidence, null, List.of(), detail);
        return atLeast(limit);
    }

    /**
     * At least {@code threshold} when {@code inclusive} ("từ 50% trở lên"), strictly more than it
     * otherwise ("trên 50%"): for a rule whose reading of the threshold is a policy switch.
     */
    public Check reaches(Number threshold, boolean inclusive) {
        return inclusive ? atLeast(threshold) : moreThan(threshold);
    }

    public Check atMost(Number required) {
        return numeric(n -> n <= required.doubleValue(), new Requirement(AT_MOST, required));
    }

    public Check lessThan(Number required) {
        return numeric(n -> n < required.doubleValue(), new Requirement(LESS_THAN, required));
    }

    /** A count that must be zero. */
    public Check none() {
        return numeric(n -> n == 0, new Requirement(NONE, 0));
    }

    /** A count of pending matters: while any is pending no award is decided, so it needs review. */
    public Check noneElseReview() {
        Status status = number(value) == 0 ? Status.MET : Status.NEEDS_REVIEW;
        return new Check(status, value, new Requirement(NO_PENDING, 0), evidence, null, List.of(), detail);
    }

    /** A human judgment: true is met, false is not, and no attestation needs review. */
    public Check attested() {
        return truth(new Requirement(ATTESTED, true));
    }

    /**
     * An achievement that is one path among alternatives ("outstanding in a movement", "an ad hoc
     * achievement"): it counts only when attested, so no attestation means this path is not taken
     * (NOT_MET) rather than a judgment still owed (case format: attested alternatives).
     */
    public Check attestedAchievement() {
        Status status = Boolean.TRUE.equals(value) ? Status.MET : Status.NOT_MET;
        return new Check(status, value, new Requirement(ATTESTED, true), evidence, null, List.of(), detail);
    }

    /** A yes/no fact: true is met, false is not, unknown (or awaiting review) needs review. */
    public Check isTrue() {
        return truth(new Requirement(EQUALS, true));
    }

    /** A yes/no fact that must be false (never held the award, say); unknown needs review. */
    public Check isFalse() {
        Status status = value == null ? Status.NEEDS_REVIEW : Boolean.FALSE.equals(value) ? Status.MET : Status.NOT_MET;
        return new Check(status, value, new Requirement(EQUALS, false), evidence, null, List.of(), detail);
    }

    private Check truth(Requirement requirement) {
        Status status = value == null ? Status.NEEDS_REVIEW
                : Boolean.TRUE.equals(value) ? Status.MET
                : Boolean.TRUE.equals(ifConfirmed) ? Status.NEEDS_REVIEW : Status.NOT_MET;
        return new Check(status, value, requirement, evidence, null, List.of(), detail);
    }

    private Check check(boolean met, Requirement requirement) {
        return new Check(met ? Status.MET : Status.NOT_MET, value, requirement, evidence, null, List.of(), detail);
    }

    /**
     * A number the history does not hold (no service start date, say) is a data gap: a person decides.
     * A requirement that would be met once pending decisions are confirmed also needs review.
     */
    private Check numeric(java.util.function.DoublePredicate test, Requirement requirement) {
        Status status;
        if (value == null) status = Status.NEEDS_REVIEW;
        else if (test.test(number(value))) status = Status.MET;
        else if (ifConfirmed != null && test.test(number(ifConfirmed))) status = Status.NEEDS_REVIEW;
        else status = Status.NOT_MET;
        return new Check(status, value, requirement, evidence, null, List.of(), detail);
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
