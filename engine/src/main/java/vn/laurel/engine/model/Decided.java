package vn.laurel.engine.model;

/**
 * An award decided for the subject earlier in the same evaluation, as its history counts it: held,
 * held once a person confirms it, or not held. The evaluator's outcomes are such decisions; the
 * history knows them only through this, so that it does not depend on the evaluation that uses it.
 */
public interface Decided {
    /** Counts as held for its year (eligible, within a quota or subject to one). */
    boolean held();

    /** Neither held nor refused yet (awaiting review, not modelled): held only if confirmed. */
    boolean open();

    /** How the evidence names the decision: ELIGIBLE, NEEDS_REVIEW, … */
    String name();
}
