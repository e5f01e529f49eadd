package vn.laurel.engine.evaluation;

import vn.laurel.engine.criteria.Status;

import java.util.Collection;

/** The answer for one award and one subject. */
public enum Outcome {
    ELIGIBLE, NOT_ELIGIBLE,
    /** Every computable criterion is met, but a human judgment is missing or a matter is pending. */
    NEEDS_REVIEW,
    /** Eligible, but there are more candidates than a cap allows; a ranking decides. */
    ELIGIBLE_SUBJECT_TO_QUOTA,
    /** The loaded rules have no criteria for this award in the case's regime: no guess is made. */
    NOT_MODELLED;

    /** An award follows from its criteria: any unmet criterion rules it out; any open one needs a person. */
    public static Outcome of(Collection<Status> statuses) {
        if (statuses.contains(Status.NOT_MET)) return NOT_ELIGIBLE;
        if (statuses.contains(Status.NEEDS_REVIEW)) return NEEDS_REVIEW;
        return ELIGIBLE;
    }
}
