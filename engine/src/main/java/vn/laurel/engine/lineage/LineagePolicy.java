package vn.laurel.engine.lineage;

import java.util.Locale;
import java.util.Optional;

/**
 * Whose history counts, for an award, in the years before a collective's merger or split — the dated parameter
 * {@code <award code in lower case>.predecessor_history} of each collective award. The catalogue gives no rule for
 * it: a board sets it (UNCONFIRMED). Renamed predecessors (the same unit under an earlier name or code) always
 * count, whatever the policy.
 */
public enum LineagePolicy {
    /**
     * The unit's own facts, plus those of the predecessor it continues ({@code continues: true}: it received the
     * others, or kept the seat). A unit formed from several, continuing none, has no history before the event.
     */
    RECEIVING_UNIT,
    /**
     * The facts of the predecessor with the most members on the day before the event (the unit itself is a
     * candidate through its own entry with {@code continues: true}, or with its member figures of the year before when
     * it received the others); a tie goes to the one listed first. When a size needed for the pick is not recorded,
     * nothing is picked on partial figures: the receiving unit continues, as under {@link #RECEIVING_UNIT}.
     */
    LARGEST_PREDECESSOR,
    /** Nothing before the event: the unit's history starts in the event's year. */
    NONE;

    /** The parameter that holds an award's policy: {@code advanced_labor_collective.predecessor_history}. */
    public static String parameterOf(String award) {
        return award.toLowerCase(Locale.ROOT) + ".predecessor_history";
    }

    /** The policy a parameter value names; empty for any other value. */
    public static Optional<LineagePolicy> of(Object value) {
        if (value == null) return Optional.empty();
        for (LineagePolicy p : values()) if (p.name().equals(String.valueOf(value))) return Optional.of(p);
        return Optional.empty();
    }
}
