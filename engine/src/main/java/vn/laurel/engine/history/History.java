package vn.laurel.engine.history;

import vn.laurel.engine.criteria.Evidence;
import vn.laurel.engine.criteria.Measure;
import vn.laurel.engine.model.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One subject's whole history, indexed by year, with the counting conventions of the award
 * catalogue (§1.4) implemented once. Rules call these helpers instead of counting facts
 * themselves; every helper returns a {@link Measure} that carries the facts it looked at.
 */
public final class History {
    private final Subject subject;
    private final Map<Integer, RatingFact> ratingsByYear;

    public History(Subject subject) {
        this.subject = subject;
        this.ratingsByYear = subject.ratings().stream()
                .collect(Collectors.toMap(RatingFact::year, r -> r, (a, b) -> b, TreeMap::new));
    }

    public Subject getSubject() { return subject; }

    public String getId() { return subject.id(); }

    public boolean isPerson() { return subject.kind() == SubjectKind.PERSON; }

    public boolean isCollective() { return subject.kind() == SubjectKind.COLLECTIVE; }

    public boolean isArmedForces() { return Boolean.TRUE.equals(subject.armedForces()); }

    /** The rating for a year; a year without one is NOT_RATED. */
    public Measure ratingIn(int year) {
        RatingFact fact = ratingsByYear.get(year);
        if (fact == null || fact.rating() == null) return new Measure(Rating.NOT_RATED, List.of());
        return new Measure(fact.rating(), List.of(Evidence.of(fact)));
    }

    /**
     * Whole months of service in the current unit from the start date to the end of the year
     * (new-hire rule: "tuyển dụng dưới 06 tháng" is counted to the evaluation's year end).
     * Unknown when the start date is not recorded.
     */
    public Measure monthsOfServiceAtEndOf(int year) {
        LocalDate hiredOn = subject.hiredOn();
        if (hiredOn == null) return new Measure(null, List.of());
        long months = Math.max(0, Period.between(hiredOn, LocalDate.of(year + 1, 1, 1)).toTotalMonths());
        Evidence evidence = new Evidence("subject", subject.id(), null, "hiredOn " + hiredOn);
        return new Measure((int) months, List.of(evidence));
    }

    /**
     * Decided disciplines of at least the given form that touch the year: decided in it, or in force
     * during part of it (achievements count only from the end of a discipline term, Decree
     * 152/2025 art. 4.4).
     */
    public Measure disciplinesAffecting(int year, DisciplineForm atLeast) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        List<DisciplineFact> hits = subject.disciplines().stream()
                .filter(d -> !d.isPending() && d.form() != null && d.form().isAtLeast(atLeast))
                .filter(d -> d.decidedOn() != null && !d.decidedOn().isAfter(end))
                .filter(d -> d.decidedOn().getYear() == year || (d.until() != null && !d.until().isBefore(start)))
                .toList();
        return count(hits);
    }

    /** As above, with the form named by its code (a policy parameter's value). */
    public Measure disciplinesAffecting(int year, String atLeast) {
        return disciplinesAffecting(year, DisciplineForm.valueOf(atLeast));
    }

    /** Matters pending on the appraisal date: while one is open no award is decided (Decree 152/2025 art. 4.4). */
    public Measure pendingMattersOn(LocalDate asOf) {
        List<DisciplineFact> hits = subject.disciplines().stream()
                .filter(DisciplineFact::isPending)
                .filter(d -> d.since() == null || !d.since().isAfter(asOf))
                .toList();
        return count(hits);
    }

    /** Working days absent in the year that do not count as worked. */
    public Measure absenceDaysIn(int year) {
        List<AbsenceFact> facts = subject.absences().stream().filter(a -> a.year() == year).toList();
        int days = facts.stream().mapToInt(a -> a.days() == null ? 0 : a.days()).sum();
        return new Measure(days, evidenceOf(facts));
    }

    /** The attestation of a human-judged criterion for a year: true, false, or null when nobody attested. */
    public Measure attestation(String criterion, int year) {
        // The latest attestation wins: a later judgment corrects an earlier one.
        AttestationFact latest = null;
        for (AttestationFact a : subject.attestations()) {
            if (a.year() == year && criterion.equals(a.criterion())) latest = a;
        }
        if (latest == null) return new Measure(null, List.of());
        return new Measure(latest.value(), List.of(Evidence.of(latest)));
    }

    private static Measure count(List<? extends Fact> facts) {
        return new Measure(facts.size(), evidenceOf(facts));
    }

    private static List<Evidence> evidenceOf(Collection<? extends Fact> facts) {
        List<Evidence> evidence = new ArrayList<>(facts.size());
        for (Fact f : facts) evidence.add(Evidence.of(f));
        return evidence;
    }

    @Override
    public String toString() { return "History[" + subject.id() + "]"; }
}
