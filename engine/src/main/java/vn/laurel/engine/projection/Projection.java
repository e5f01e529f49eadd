package vn.laurel.engine.projection;

import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.MemberResult;
import vn.laurel.engine.model.*;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.LocalDate;
import java.util.*;

/**
 * A subject's record carried forward year by year, as the earliest-year search sees it: each projected
 * year repeats the subject's last evaluated year (the last year up to the evaluation year with a rating),
 * or what the {@link Assumptions} say instead — its rating, its initiatives (same level and kind), the
 * attestations that were true; no absence, no new discipline. A collective's members are carried forward
 * the same way (from their own last year; the assumptions are about the subject itself), as are its
 * members' figures, its cluster rankings and its campaign results. Contributions are one-off gifts, not
 * a level of achievement, and are not repeated.
 * <p>
 * Every award an evaluated year answers ELIGIBLE (or ELIGIBLE_SUBJECT_TO_QUOTA) is taken as conferred in
 * that year before the next one is projected: an emulation title as a title, a commendation as a MERIT
 * commendation (a campaign's commendation as THEMATIC_MOVEMENT, which never counts as prior merit). The
 * members' awards their collective counts are conferred on them alike. Projected facts carry ids such as
 * {@code projected:2027:title:GRASSROOTS_EMULATION_SOLDIER} and the source {@value #SOURCE}.
 */
public final class Projection {
    public static final String SOURCE = "projection";

    private final RuleSet rules;
    private final CaseDocument base;
    private final Assumptions assumptions;
    private final Track subject;
    private final Map<String, Track> members = new LinkedHashMap<>();

    /** The projection of {@code base}'s subject (and members) after its evaluation year. */
    public Projection(RuleSet rules, CaseDocument base, Assumptions assumptions) {
        this.rules = rules;
        this.base = base;
        this.assumptions = assumptions;
        this.subject = new Track(base.subject(), base.year(), assumptions, rules);
        for (Subject m : base.members()) members.put(m.id(), new Track(m, base.year(), Assumptions.NONE, rules));
    }

    /** The last evaluated year of the subject, whose record every projected year repeats. */
    public int basisYear() { return subject.basisYear; }

    /** The subject's rating in every projected year; null when it has none and none is assumed. */
    public Rating projectedRating() { return subject.rating; }

    /** How many initiatives every projected year has. */
    public int projectedInitiatives() { return subject.initiativeTemplate.size(); }

    /** The attestation codes attested true in every projected year. */
    public List<String> projectedAttestations() { return List.copyOf(subject.attestationTemplate); }

    /** The appraisal date of a projected year: the appraisal day of the next year. */
    public LocalDate appraisalOf(int year) {
        return assumptions.appraisalDay().atYear(year + 1);
    }

    /**
     * The case for projected year {@code year}, every award of the subject's kind asked: the record, the
     * years projected so far with what was conferred in them, and this year's projected facts. Years are
     * projected in order: each call adds its year.
     */
    public CaseDocument caseFor(int year) {
        subject.project(year);
        members.values().forEach(t -> t.project(year));
        List<Subject> ms = members.values().stream().map(Track::subject).toList();
        return new CaseDocument("projection " + year, appraisalOf(year), null, year, List.of(), base.organisation(),
                subject.subject(), ms, Map.of());
    }

    /** Takes every award the answer for {@code year} holds (the subject's and its members') as conferred that year. */
    public void confer(int year, EvaluationResult answer) {
        confer(year, answer, answer.results());
    }

    /**
     * As above, with the subject's own awards taken from {@code own} (those of the answer, or a selection of them
     * answered under another regime); its members' from the answer.
     */
    public void confer(int year, EvaluationResult answer, List<AwardResult> own) {
        subject.confer(year, own);
        for (MemberResult m : answer.members()) {
            Track t = members.get(m.subjectId());
            if (t != null) t.confer(year, m.results());
        }
    }

    private static String id(int year, String what) {
        return "projected:" + year + ":" + what;
    }

    /** One subject's record, growing by a projected year at a time. */
    private static final class Track {
        private final Subject original;
        private final RuleSet rules;
        final int basisYear;
        final Rating rating;
        final List<InitiativeFact> initiativeTemplate;
        final List<String> attestationTemplate;
        private final MemberAggregateFact aggregateTemplate;
        private final List<ClusterRankingFact> rankingTemplate;
        private final List<CampaignResultFact> campaignTemplate;

        private final List<RatingFact> ratings;
        private final List<TitleFact> titles;
        private final List<CommendationFact> commendations;
        private final List<InitiativeFact> initiatives;
        private final List<AttestationFact> attestations;
        private final List<MemberAggregateFact> aggregates;
        private final List<ClusterRankingFact> rankings;
        private final List<CampaignResultFact> campaignResults;

        Track(Subject s, int year, Assumptions assumptions, RuleSet rules) {
            this.original = s;
            this.rules = rules;
            this.ratings = new ArrayList<>(s.ratings());
            this.titles = new ArrayList<>(s.titles());
            this.commendations = new ArrayList<>(s.commendations());
            this.initiatives = new ArrayList<>(s.initiatives());
            this.attestations = new ArrayList<>(s.attestations());
            this.aggregates = new ArrayList<>(s.memberAggregates());
            this.rankings = new ArrayList<>(s.clusterRankings());
            this.campaignResults = new ArrayList<>(s.campaignResults());

            RatingFact last = s.ratings().stream().filter(r -> r.year() != null && r.year() <= year)
                    .max(Comparator.comparingInt(RatingFact::year)).orElse(null);
            this.basisYear = last == null ? year : last.year();
            this.rating = assumptions.rating() != null ? assumptions.rating() : last == null ? null : last.rating();
            if (assumptions.initiativesPerYear() != null) {
                List<InitiativeFact> assumed = new ArrayList<>();
                for (int i = 0; i < assumptions.initiativesPerYear(); i++) {
                    assumed.add(new InitiativeFact(null, InitiativeLevel.GRASSROOTS, InitiativeKind.INITIATIVE, null, null, null, SOURCE));
                }
                this.initiativeTemplate = assumed;
            } else {
                this.initiativeTemplate = s.initiatives().stream().filter(i -> Objects.equals(i.year(), basisYear)).toList();
            }
            if (Boolean.TRUE.equals(assumptions.attested())) {
                this.attestationTemplate = List.copyOf(rules.attestations().keySet());
            } else if (Boolean.FALSE.equals(assumptions.attested())) {
                this.attestationTemplate = List.of();
            } else {
                // The latest attestation of a code in the year is the one that counts (History.attestation).
                Map<String, Boolean> latest = new LinkedHashMap<>();
                for (AttestationFact a : s.attestations()) {
                    if (Objects.equals(a.year(), basisYear) && a.criterion() != null) {
                        latest.remove(a.criterion());
                        latest.put(a.criterion(), Boolean.TRUE.equals(a.value()));
                    }
                }
                this.attestationTemplate = latest.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
            }
            this.aggregateTemplate = s.memberAggregates().stream().filter(a -> a.year() != null && a.year() <= year)
                    .max(Comparator.comparingInt(MemberAggregateFact::year)).orElse(null);
            this.rankingTemplate = ofLatestYear(s.clusterRankings(), ClusterRankingFact::year, year);
            this.campaignTemplate = ofLatestYear(s.campaignResults(), CampaignResultFact::year, year);
        }

        private static <F> List<F> ofLatestYear(List<F> facts, java.util.function.Function<F, Integer> yearOf, int upTo) {
            OptionalInt latest = facts.stream().map(yearOf).filter(Objects::nonNull).mapToInt(Integer::intValue)
                    .filter(y -> y <= upTo).max();
            if (latest.isEmpty()) return List.of();
            return facts.stream().filter(f -> Objects.equals(yearOf.apply(f), latest.getAsInt())).toList();
        }

        /** Adds the projected facts of {@code year}; a kind of fact the record already holds for that year is left as recorded. */
        void project(int year) {
            if (rating != null && ratings.stream().noneMatch(r -> Objects.equals(r.year(), year))) {
                ratings.add(new RatingFact(year, rating, id(year, "rating"), SOURCE));
            }
            if (initiatives.stream().noneMatch(i -> Objects.equals(i.year(), year))) {
                int n = 0;
                for (InitiativeFact i : initiativeTemplate) {
                    initiatives.add(new InitiativeFact(year, i.level(), i.kind(), i.benefitVnd(), i.title(), id(year, "initiative:" + (++n)), SOURCE));
                }
            }
            if (attestations.stream().noneMatch(a -> Objects.equals(a.year(), year))) {
                for (String code : attestationTemplate) {
                    attestations.add(new AttestationFact(year, code, true, SOURCE, null, id(year, "attestation:" + code), SOURCE));
                }
            }
            if (aggregateTemplate != null && aggregates.stream().noneMatch(a -> Objects.equals(a.year(), year))) {
                MemberAggregateFact a = aggregateTemplate;
                aggregates.add(new MemberAggregateFact(year, a.members(), a.advancedLaborers(), a.advancedSoldiers(), a.grassrootsSoldiers(),
                        a.completedOrBetter(), a.disciplinedWarningOrAbove(), id(year, "memberAggregate"), SOURCE));
            }
            if (rankings.stream().noneMatch(r -> Objects.equals(r.year(), year))) {
                for (ClusterRankingFact r : rankingTemplate) {
                    rankings.add(new ClusterRankingFact(year, r.cluster(), r.rank(), r.leads(), id(year, "clusterRanking:" + r.cluster()), SOURCE));
                }
            }
            if (campaignResults.stream().noneMatch(c -> Objects.equals(c.year(), year))) {
                for (CampaignResultFact c : campaignTemplate) {
                    // a campaign ends with its period: no result is projected past it (the case format refuses one)
                    boolean within = rules.campaign(c.campaign()).map(k -> year <= k.to()).orElse(false);
                    if (!within) continue;
                    campaignResults.add(new CampaignResultFact(c.campaign(), year, c.group(), c.indicator(), c.value(),
                            id(year, "campaignResult:" + c.campaign() + ":" + c.indicator()), SOURCE));
                }
            }
        }

        /** Every award held in {@code results} becomes a title or a commendation of {@code year}, unless already recorded. */
        void confer(int year, List<AwardResult> results) {
            for (AwardResult r : results) {
                if (!r.outcome().held()) continue;
                String category = rules.award(r.award()).map(AwardDefinition::category).orElse("");
                if ("EMULATION_TITLE".equals(category)) {
                    boolean recorded = titles.stream().anyMatch(t -> t.isValid() && r.award().equals(t.code()) && Objects.equals(t.year(), year));
                    if (!recorded) titles.add(new TitleFact(year, r.award(), null, null, false, id(year, "title:" + r.award()), SOURCE));
                } else {
                    boolean recorded = commendations.stream().anyMatch(c -> c.isValid() && r.award().equals(c.code()) && Objects.equals(c.year(), year));
                    CommendationKind kind = "CAMPAIGN".equals(category) ? CommendationKind.THEMATIC_MOVEMENT : CommendationKind.MERIT;
                    if (!recorded) commendations.add(new CommendationFact(year, r.award(), kind, null, null, false,
                            id(year, "commendation:" + r.award()), SOURCE));
                }
            }
        }

        Subject subject() {
            Subject s = original;
            return new Subject(s.id(), s.kind(), s.name(), s.unit(), s.hiredOn(), s.manager(), s.education(), s.unionMember(),
                    s.armedForces(), ratings, titles, commendations, initiatives, s.disciplines(), s.absences(), attestations,
                    aggregates, rankings, s.deceasedOn(), s.contractSince(), s.establishedOn(), s.contributions(), campaignResults,
                    s.predecessors(), s.events());
        }
    }
}
