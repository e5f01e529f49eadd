package vn.laurel.engine.model;

/** Scope in which an initiative was recognised; a higher level satisfies a lower requirement. */
public enum InitiativeLevel {
    GRASSROOTS, MINISTERIAL_PROVINCIAL, NATIONAL;

    public boolean isAtLeast(InitiativeLevel other) { return ordinal() >= other.ordinal(); }
}
