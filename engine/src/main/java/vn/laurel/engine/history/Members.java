package vn.laurel.engine.history;

import vn.laurel.engine.criteria.Evidence;
import vn.laurel.engine.criteria.Measure;
import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.model.DisciplineForm;
import vn.laurel.engine.model.MemberAggregateFact;
import vn.laurel.engine.model.Rating;
import vn.laurel.engine.policy.Localized;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a collective's criteria read from its members: shares and counts for a year. Members listed
 * one by one are counted from their own histories (with the awards decided for them in this
 * evaluation); otherwise the unit's reported figures for the year are used; with neither, the
 * measure is unknown and the criterion needs review.
 */
public final class Members {
    private final History collective;
    private final List<History> members;

    Members(History collective, List<History> members) {
        this.collective = collective;
        this.members = members;
    }

    /** How many members were evaluated in the year. */
    public Measure count(int year) {
        if (!members.isEmpty()) return new Measure(members.size(), memberEvidence(members));
        return fromAggregate(year, MemberAggregateFact::members);
    }

    /**
     * The share (0..1) of members holding an award for the year ("trên 50% cá nhân đạt danh hiệu
     * LĐTT"), Advanced Soldier counting for Advanced Laborer in the armed forces' titles alike.
     */
    public Measure share(String award, int year) {
        return share(award, year, 0);
    }

    /**
     * As {@link #share(String, int)}, leaving out of the denominator the members with fewer than
     * {@code minServiceMonths} months of service at the year's end (new hires, who cannot be
     * evaluated for the title; a policy switch, award-catalogue §3).
     */
    public Measure share(String award, int year, int minServiceMonths) {
        List<History> counted = members.stream().filter(m -> {
            Object months = m.monthsOfServiceAtEndOf(year).value();
            return minServiceMonths <= 0 || !(months instanceof Integer n) || n >= minServiceMonths;
        }).toList();
        if (!members.isEmpty() && counted.isEmpty()) return new Measure(null, List.of());
        if (!counted.isEmpty()) {
            Tally t = tally(counted, award, year);
            double n = counted.size();
            return new Measure(t.held / n, t.evidence, Explainer.label("members.share", t.held, counted.size()),
                    t.ifConfirmed > 0 ? (t.held + t.ifConfirmed) / n : null);
        }
        Function<MemberAggregateFact, Integer> field = aggregateField(award);
        Optional<MemberAggregateFact> a = aggregate(year);
        if (a.isEmpty() || field == null || field.apply(a.get()) == null || a.get().members() == null || a.get().members() == 0) {
            return new Measure(null, List.of());
        }
        int held = field.apply(a.get());
        return new Measure(held / (double) a.get().members(), List.of(Evidence.of(a.get())),
                Explainer.label("members.share", held, a.get().members()), null);
    }

    /**
     * As {@link #share(String, int, int)} with the months given as a number: the value of
     * {@code $e.paramIf("x.exclude_new_hires", "advanced_laborer.min_service_months")}, 0 to count every member.
     */
    public Measure share(String award, int year, Number minServiceMonths) {
        return share(award, year, minServiceMonths.intValue());
    }

    /** How many members hold an award for the year ("ít nhất 01 cá nhân đạt CSTĐCS"). */
    public Measure holding(String award, int year) {
        if (!members.isEmpty()) {
            Tally t = tally(members, award, year);
            return new Measure(t.held, t.evidence, Explainer.label("members.share", t.held, members.size()),
                    t.ifConfirmed > 0 ? t.held + t.ifConfirmed : null);
        }
        Function<MemberAggregateFact, Integer> field = aggregateField(award);
        return field == null ? new Measure(null, List.of()) : fromAggregate(year, field);
    }

    /** How many members are not rated at least {@code atLeast} ("100% cá nhân hoàn thành nhiệm vụ" is none). */
    public Measure ratedBelow(Rating atLeast, int year) {
        if (!members.isEmpty()) {
            List<History> below = members.stream().filter(m -> !m.ratedAtLeast(year, atLeast)).toList();
            return new Measure(below.size(), below.stream().map(m -> member(m, "rating " + year + " " + m.ratingIn(year).value())).toList(),
                    Explainer.label("members.share", below.size(), members.size()), null);
        }
        if (atLeast != Rating.COMPLETED) return new Measure(null, List.of());
        Optional<MemberAggregateFact> a = aggregate(year);
        if (a.isEmpty() || a.get().members() == null || a.get().completedOrBetter() == null) return new Measure(null, List.of());
        return new Measure(a.get().members() - a.get().completedOrBetter(), List.of(Evidence.of(a.get())), aggregateDetail(), null);
    }

    /** How many members were disciplined with at least the given form in the year. */
    public Measure disciplined(int year, DisciplineForm atLeast) {
        if (!members.isEmpty()) {
            List<Evidence> evidence = new ArrayList<>();
            int n = 0;
            for (History m : members) {
                var hits = m.disciplinesTouching(year, year, atLeast);
                if (!hits.isEmpty()) {
                    n++;
                    evidence.addAll(History.evidenceOf(hits));
                }
            }
            return new Measure(n, evidence, Explainer.label("members.share", n, members.size()), null);
        }
        if (atLeast != DisciplineForm.WARNING) return new Measure(null, List.of());
        return fromAggregate(year, MemberAggregateFact::disciplinedWarningOrAbove);
    }

    /** Members holding the award, and those who would once decisions awaiting review are confirmed. */
    private record Tally(int held, int ifConfirmed, List<Evidence> evidence) {}

    private static Tally tally(List<History> members, String award, int year) {
        int held = 0, ifConfirmed = 0;
        List<Evidence> evidence = new ArrayList<>();
        for (History m : members) {
            Measure h = m.holds(award, year);
            if (Boolean.TRUE.equals(h.value())) { held++; evidence.add(member(m, award + " " + year)); }
            else if (Boolean.TRUE.equals(h.ifConfirmed())) ifConfirmed++;
        }
        return new Tally(held, ifConfirmed, evidence);
    }

    private Measure fromAggregate(int year, Function<MemberAggregateFact, Integer> field) {
        Optional<MemberAggregateFact> a = aggregate(year);
        if (a.isEmpty() || field.apply(a.get()) == null) return new Measure(null, List.of());
        return new Measure(field.apply(a.get()), List.of(Evidence.of(a.get())), aggregateDetail(), null);
    }

    private Optional<MemberAggregateFact> aggregate(int year) {
        return collective.getSubject().memberAggregates().stream().filter(a -> a.year() != null && a.year() == year)
                .reduce((first, second) -> second);
    }

    private static Function<MemberAggregateFact, Integer> aggregateField(String award) {
        return switch (award) {
            case "ADVANCED_LABORER" -> MemberAggregateFact::advancedLaborers;
            case "ADVANCED_SOLDIER" -> MemberAggregateFact::advancedSoldiers;
            case "GRASSROOTS_EMULATION_SOLDIER" -> MemberAggregateFact::grassrootsSoldiers;
            default -> null;
        };
    }

    private static Localized aggregateDetail() { return Explainer.label("members.aggregate"); }

    private static Evidence member(History m, String summary) {
        return new Evidence("member", m.getId(), null, summary);
    }

    private static List<Evidence> memberEvidence(List<History> members) {
        return members.stream().map(m -> member(m, "member")).toList();
    }
}
