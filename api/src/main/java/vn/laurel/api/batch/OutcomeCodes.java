package vn.laurel.api.batch;

import vn.laurel.engine.model.Outcome;

/**
 * One character per outcome, for the compact row of a subject in a batch (batch_subject.outcomes): the
 * position is the award, the character the outcome. Letters rather than ordinals, so that a row can be
 * read in the database by a person, and a new outcome added to the engine cannot shift the old ones.
 */
public final class OutcomeCodes {
    /** The award was not evaluated for this subject (a unit's award for a person, or not asked). */
    public static final char NONE = '-';

    private OutcomeCodes() {}

    public static char code(Outcome o) {
        return switch (o) {
            case ELIGIBLE -> 'E';
            case NOT_ELIGIBLE -> 'N';
            case NEEDS_REVIEW -> 'R';
            case ELIGIBLE_SUBJECT_TO_QUOTA -> 'Q';
            case NOT_MODELLED -> 'M';
        };
    }

    /** The code of an outcome's name; NONE for a name that is no outcome (nothing matches it). */
    public static char code(String outcome) {
        for (Outcome o : Outcome.values()) if (o.name().equals(outcome)) return code(o);
        return NONE;
    }

    public static String name(char code) {
        for (Outcome o : Outcome.values()) if (code(o) == code) return o.name();
        throw new IllegalArgumentException("no outcome has the code " + code);
    }
}
