package vn.laurel.api.store;

import jakarta.inject.Singleton;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.unit.UnitCase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

/**
 * The case of a stored subject, as every evaluation from the store sees it — a decision, a preview
 * of new rules, a replay, a candidates list, a batch: the subject's facts, and for a unit the persons
 * who were its members at the end of the year; the organisation that selects parameters is the one
 * of the subject's unit (the root of its tree, with the nearest sector). Built here and nowhere else.
 */
@Singleton
public class StoredCases {
    private final FactStore facts;

    public StoredCases(FactStore facts) {
        this.facts = facts;
    }

    /** The case of one subject with its current facts. */
    public CaseDocument caseOf(Subject subject, int year, LocalDate asOf, List<String> awards) {
        return caseOf(subject, year, asOf, awards, null);
    }

    /** The case of one subject with its facts as known at {@code knownAt} (a replay); current ones when null. */
    public CaseDocument caseOf(Subject subject, int year, LocalDate asOf, List<String> awards, Instant knownAt) {
        return new CaseDocument(null, asOf, year, awards, facts.organisationOf(subject), subject,
                membersOf(subject, year, knownAt), Map.of());
    }

    /**
     * A unit of a batch, its people read in bulk: their cases for {@code personAwards} and the unit's own
     * for {@code unitAwards} (an empty list: every award; null: none of that kind is asked). The unit's
     * organisation sets every case's parameters and the caps among its people.
     */
    public UnitCase unitCase(String unit, int year, LocalDate asOf, List<String> personAwards, List<String> unitAwards) {
        List<String> memberIds = facts.membersOf(unit, year);
        List<String> ids = new ArrayList<>(memberIds);
        ids.add(unit);
        Map<String, Subject> subjects = facts.subjects(ids);
        Subject unitSubject = subjects.get(unit);
        List<Subject> members = inOrder(memberIds, subjects);
        Subject anyone = unitSubject != null ? unitSubject : members.isEmpty() ? null : members.get(0);
        Organisation organisation = anyone == null ? null : facts.organisationOf(anyone);
        List<CaseDocument> memberCases = personAwards == null ? List.of() : members.stream()
                .map(p -> new CaseDocument(null, asOf, year, personAwards, organisation, p, List.of(), Map.of())).toList();
        CaseDocument own = unitAwards != null && unitSubject != null && unitSubject.kind() == SubjectKind.COLLECTIVE
                ? new CaseDocument(null, asOf, year, unitAwards, organisation, unitSubject, members, Map.of()) : null;
        return new UnitCase(year, asOf, organisation, memberCases, own);
    }

    /**
     * Subjects decided and capped together for {@code awards} (a candidates list): persons, or units with
     * their members; in id order; ids that name no stored subject are left out. The organisation of
     * {@code unit}, the list's top unit, sets the parameters and the caps.
     */
    public UnitCase together(String unit, Collection<String> ids, int year, LocalDate asOf, List<String> awards) {
        Map<String, Subject> subjects = facts.subjects(List.copyOf(new TreeSet<>(ids)));
        Organisation organisation = organisationOfUnit(unit, subjects.values());
        List<CaseDocument> cases = new ArrayList<>();
        for (String id : new TreeSet<>(subjects.keySet())) {
            Subject s = subjects.get(id);
            cases.add(new CaseDocument(null, asOf, year, awards, organisation, s, membersOf(s, year, null), Map.of()));
        }
        return UnitCase.together(year, asOf, organisation, cases);
    }

    /** The unit's organisation, from its own subject; from a subject of the list when the unit has none. */
    private Organisation organisationOfUnit(String unit, Collection<Subject> listed) {
        // A list of units holds the unit already: its facts are not read twice.
        Optional<Subject> own = Optional.ofNullable(listed.stream().filter(s -> s.id().equals(unit)).findFirst()
                .orElseGet(() -> facts.subject(unit).orElse(null)));
        if (own.isPresent()) return facts.organisationOf(own.get());
        return listed.isEmpty() ? null : facts.organisationOf(listed.iterator().next());
    }

    /** A unit's members at the end of the year, in id order; none for a person. */
    private List<Subject> membersOf(Subject subject, int year, Instant knownAt) {
        if (subject.kind() != SubjectKind.COLLECTIVE) return List.of();
        List<String> ids = facts.membersOf(subject.id(), year, knownAt);
        if (knownAt != null) return ids.stream().map(id -> facts.subject(id, knownAt)).flatMap(Optional::stream).toList();
        return inOrder(ids, facts.subjects(ids));
    }

    private static List<Subject> inOrder(List<String> ids, Map<String, Subject> subjects) {
        return ids.stream().map(subjects::get).filter(Objects::nonNull).toList();
    }
}
