package vn.laurel.engine.unit;

import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A unit with its members, evaluated as one: the members' own cases are decided and any cap is
 * applied among them; then the unit's own case, when its awards are asked, is decided on their
 * outcomes. Every case is for the same year and appraisal date.
 *
 * @param organisation the organisation whose caps apply among the members
 * @param members      the cases of the members whose own answers are asked, each with its awards: persons,
 *                     or units (each listing its own members) for a list of units; empty when only the
 *                     unit's awards are asked
 * @param unit         the unit's own case, listing its members; null when only the members' answers are asked
 */
public record UnitCase(int year, LocalDate asOf, Organisation organisation, List<CaseDocument> members, CaseDocument unit) {
    public UnitCase {
        Objects.requireNonNull(asOf, "asOf");
        members = List.copyOf(members);
        for (CaseDocument m : members) sameDates(m, year, asOf);
        if (unit != null) {
            sameDates(unit, year, asOf);
            if (!unit.subject().kind().isCollective()) {
                throw new IllegalArgumentException(unit.subject().id() + " is a " + unit.subject().kind() + ", not a unit");
            }
        }
    }

    /** A unit's own case and its members' cases; the unit's organisation sets the caps. */
    public static UnitCase of(CaseDocument unit, List<CaseDocument> members) {
        return new UnitCase(unit.year(), unit.asOf(), unit.organisation(), members, unit);
    }

    /** Subjects decided together, capped together, without a unit's own awards (a candidates list). */
    public static UnitCase together(int year, LocalDate asOf, Organisation organisation, List<CaseDocument> members) {
        return new UnitCase(year, asOf, organisation, members, null);
    }

    private static void sameDates(CaseDocument doc, int year, LocalDate asOf) {
        if (doc.year() == null || doc.year() != year || !asOf.equals(doc.asOf())) {
            throw new IllegalArgumentException("the case of " + doc.subject().id() + " is for " + doc.year() + " as of " + doc.asOf()
                    + ", not " + year + " as of " + asOf + " as the unit's");
        }
    }
}
