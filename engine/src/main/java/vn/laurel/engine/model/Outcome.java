package vn.laurel.engine.model;


import java.util.Collection;

/** The answer for one award and one subject. */
public enum Outcome implements Decided {
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

    /** Eligible, whether or not a cap leaves the subject beyond it: a later criterion counts it as held. */
    @Override
    public boolean held() {
        return this == ELIGIBLE || this == ELIGIBLE_SUBJECT_TO_QUOTA;
    }

    /** Awaiting a person (review) or not decidable by the rules (not modelled): held only if confirmed. */
    @Override
    public boolean open() {
        return this == NEEDS_REVIEW || this == NOT_MODELLED;
    }
}
