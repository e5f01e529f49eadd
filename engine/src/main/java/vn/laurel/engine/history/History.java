package vn.laurel.engine.history;

import vn.laurel.engine.model.Decided;
import vn.laurel.engine.criteria.Evidence;
import vn.laurel.engine.criteria.Measure;
import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.model.*;
import vn.laurel.engine.policy.Localized;

import java.time.LocalDate;
import java.time.Period;
import java.util.*;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * One subject's whole history, indexed by year, with the counting conventions of the award
 * catalogue (§1.4) implemented once. Rules call these helpers instead of counting facts
 * themselves; every helper returns a {@link Measure} that carries the facts it looked at.
 *
 * <p>Awards decided earlier in the same evaluation (Advanced Laborer before Grassroots Emulation
 * Soldier, say) count as held for their year: eligible ones as held, those awaiting review as
 * "held if confirmed", so that a dependent criterion needs review instead of failing.
 */
public final class History {
    private final Subject subject;
    private final Map<Integer, RatingFact> ratingsByYear;
    private Map<String, Map<Integer, Fact>> conferred; // built on first use; a History is used by one session at a time
    private final Map<String, Map<Integer, Decided>> decided = new HashMap<>();
    private final List<History> members;
    // Windows by their arguments: rules repeat $h.windowAfter(…) where they need it instead of keeping
    // it in a local variable. Forgotten when a decision is recorded (a window reads awards decided).
    private final Map<List<Object>, AwardWindow> windows = new HashMap<>();

    public History(Subject subject) {
        this(subject, List.of());
    }

    public History(Subject subject, List<History> members) {
        this.subject = subject;
        this.members = List.copyOf(members);
        this.ratingsByYear = subject.ratings().stream()
                .collect(Collectors.toMap(RatingFact::year, r -> r, (a, b) -> b, TreeMap::new));
    }

    public Subject getSubject() { return subject; }

    public String getId() { return subject.id(); }

    public boolean isPerson() { return subject.kind() == SubjectKind.PERSON; }

    /** A collective in the law's sense: a unit or an enterprise ({@link SubjectKind#isCollective}). */
    public boolean isCollective() { return subject.kind() != null && subject.kind().isCollective(); }

    public boolean isEnterprise() { return subject.kind() == SubjectKind.ENTERPRISE; }

    public boolean isHousehold() { return subject.kind() == SubjectKind.HOUSEHOLD; }

    public boolean isArmedForces() { return Boolean.TRUE.equals(subject.armedForces()); }

    /** The members' histories of a collective, with the awards decided for them in this evaluation. */
    public Members members() { return new Members(this, members); }

    List<History> memberHistories() { return members; }

    /** Called by the evaluator when an award is decided for this subject in this evaluation. */
    public void recordDecision(String award, int year, Decided outcome) {
        decided.computeIfAbsent(award, k -> new HashMap<>()).put(year, outcome);
        windows.clear();
    }

    // ---------------------------------------------------------------- ratings

    /** The rating for a year; a year without one is NOT_RATED. */
    public Measure ratingIn(int year) {
        RatingFact fact = ratingsByYear.get(year);
        if (fact == null || fact.rating() == null) return new Measure(Rating.NOT_RATED, List.of());
        return new Measure(fact.rating(), List.of(Evidence.of(fact)));
    }

    boolean ratedAtLeast(int year, Rating atLeast) {
        RatingFact fact = ratingsByYear.get(year);
        return fact != null && fact.rating() != null && fact.rating().isAtLeast(atLeast);
    }

    /**
     * The unbroken run of years rated at least {@code atLeast} that ends at {@code endYear} ("có liên
     * tục … năm … được công nhận HTTNV trở lên"). A year without a rating breaks the run.
     */
    public Measure consecutiveYearsRated(Rating atLeast, int endYear) {
        return run(y -> ratedAtLeast(y, atLeast), y -> false, endYear, Integer.MIN_VALUE, ratingEvidence());
    }

    /** How many years from {@code from} to {@code to} (inclusive) are rated at least {@code atLeast}. */
    public Measure yearsRated(Rating atLeast, int from, int to) {
        List<Evidence> evidence = new ArrayList<>();
        int n = 0;
        for (int y = from; y <= to; y++) {
            if (ratedAtLeast(y, atLeast)) {
                n++;
                evidence.add(Evidence.of(ratingsByYear.get(y)));
            }
        }
        return new Measure(n, evidence, yearsDetail(from, to), null);
    }

    // ---------------------------------------------------------------- titles and commendations

    /**
     * Whether the subject holds an award for a year: a title or commendation conferred (not revoked;
     * for a commendation, of kind MERIT — ad hoc and thematic awards, and from 01/10/2026 the awards of a thematic
     * emulation movement, are no basis for a higher one: {@link CommendationKind#countsAsPriorMerit}),
     * or decided eligible earlier in this evaluation. True, false, or false-if-awaiting-review.
     */
    public Measure holds(String award, int year) {
        Optional<Fact> fact = conferred(award, year);
        if (fact.isPresent()) return new Measure(true, List.of(Evidence.of(fact.get())));
        Decided outcome = decision(award, year);
        if (outcome == null) return new Measure(false, List.of());
        Evidence evidence = decisionEvidence(award, year, outcome);
        if (outcome.held()) return new Measure(true, List.of(evidence));
        return new Measure(false, List.of(evidence), null, outcome.open() ? true : null);
    }

    /** Either of two awards for the year (Advanced Laborer or Advanced Soldier, say). */
    public Measure holdsEither(String award, String other, int year) {
        Measure a = holds(award, year);
        if (Boolean.TRUE.equals(a.value())) return a;
        Measure b = holds(other, year);
        if (Boolean.TRUE.equals(b.value())) return b;
        List<Evidence> evidence = new ArrayList<>(a.evidence());
        evidence.addAll(b.evidence());
        boolean ifConfirmed = Boolean.TRUE.equals(a.ifConfirmed()) || Boolean.TRUE.equals(b.ifConfirmed());
        return new Measure(false, evidence, null, ifConfirmed ? true : null);
    }

    /** How many times the award has been conferred (any year up to {@code upToYear}), revoked ones excepted. */
    public Measure timesHeld(String award, int upToYear) {
        List<Fact> held = new ArrayList<>();
        for (int y : yearsHeld(award)) {
            if (y <= upToYear) conferred(award, y).ifPresent(held::add);
        }
        return new Measure(held.size(), held.stream().map(Evidence::of).toList());
    }

    /**
     * The unbroken run of years holding an award that ends at {@code endYear} ("n lần liên tục"): a
     * missing year breaks it whatever the reason.
     */
    public Measure consecutiveYearsHolding(String award, int endYear) {
        return consecutiveYearsHoldingAfter(award, endYear, null);
    }

    /**
     * As {@link #consecutiveYearsHolding}, counting only years after the last time {@code resetBy} was
     * conferred: a chain that has served for a higher award starts again ("chain resets after award").
     */
    public Measure consecutiveYearsHoldingAfter(String award, int endYear, String resetBy) {
        int floor = Integer.MIN_VALUE;
        if (resetBy != null) {
            OptionalInt last = yearsHeld(resetBy).stream().filter(y -> y < endYear).mapToInt(Integer::intValue).max();
            if (last.isPresent()) floor = last.getAsInt() + 1;
        }
        return run(y -> Boolean.TRUE.equals(holds(award, y).value()),
                y -> Boolean.TRUE.equals(holds(award, y).ifConfirmed()), endYear, floor, y -> holds(award, y).evidence());
    }

    /**
     * The unbroken run of years holding {@code award} that ends at {@code endYear}; when {@code resets}
     * (a policy switch) only the years after the last {@code resetAward} count, as
     * {@link #consecutiveYearsHoldingAfter}; otherwise as {@link #consecutiveYearsHolding(String, int)}.
     * <pre>  $h.consecutiveYearsHolding("GRASSROOTS_EMULATION_SOLDIER", $year, "MINISTERIAL_PROVINCIAL_EMULATION_SOLDIER",
     *          $e.flag("ministerial_provincial_emulation_soldier.chain_resets_after_award"))</pre>
     */
    public Measure consecutiveYearsHolding(String award, int endYear, String resetAward, boolean resets) {
        return resets ? consecutiveYearsHoldingAfter(award, endYear, resetAward) : consecutiveYearsHolding(award, endYear);
    }

    /**
     * How many of the last {@code years} years up to {@code to} ({@code to - years + 1} to {@code to})
     * hold {@code award}. When {@code resets} (a policy switch) the count starts no earlier than the
     * year after the last {@code resetAward} received up to {@code to}: a title that has served for the
     * higher award is not counted again.
     * <pre>  $h.yearsHoldingInLastYears("MINISTERIAL_PROVINCIAL_EMULATION_SOLDIER", $year - 1,
     *          $e.param("national_emulation_soldier.max_years_between_titles"), "NATIONAL_EMULATION_SOLDIER",
     *          $e.flag("national_emulation_soldier.chain_resets_after_award"))</pre>
     */
    public Measure yearsHoldingInLastYears(String award, int to, Number years, String resetAward, boolean resets) {
        int from = to - years.intValue() + 1;
        if (resets) from = afterLast(resetAward, to + 1, from);
        return yearsHolding(award, from, to);
    }

    /** The later of {@code from} and the year after the last {@code award} held before {@code before}. */
    private int afterLast(String award, int before, int from) {
        Integer last = windowAfter(award, before, Rating.NOT_COMPLETED).prior();
        return last != null && last + 1 > from ? last + 1 : from;
    }

    /** How many of the years from {@code from} to {@code to} the award is held. */
    public Measure yearsHolding(String award, int from, int to) {
        List<Evidence> evidence = new ArrayList<>();
        int n = 0, pending = 0;
        for (int y = from; y <= to; y++) {
            Measure m = holds(award, y);
            if (Boolean.TRUE.equals(m.value())) { n++; evidence.addAll(m.evidence()); }
            else if (Boolean.TRUE.equals(m.ifConfirmed())) { pending++; evidence.addAll(m.evidence()); }
        }
        return new Measure(n, evidence, yearsDetail(from, to), pending > 0 ? n + pending : null);
    }

    /**
     * The window after a prior award ("đã được tặng X và sau đó có liên tục từ 05 năm trở lên … được
     * công nhận HTTNV trở lên, trong thời gian đó …"): the run of years rated at least {@code atLeast}
     * ending at {@code endYear}, starting no earlier than the year after the latest X.
     */
    public AwardWindow windowAfter(String award, int endYear, Rating atLeast) {
        return windowAfter(award, endYear, atLeast, "LATEST");
    }

    /**
     * As above, anchored on the LATEST or the EARLIEST prior award (a policy parameter). The same
     * arguments give the same window, computed once: a rule may repeat {@code $h.windowAfter(…)}.
     */
    public AwardWindow windowAfter(String award, int endYear, Rating atLeast, String anchor) {
        List<Object> key = Arrays.asList("after", award, endYear, atLeast, anchor);
        AwardWindow known = windows.get(key);
        if (known == null) {
            known = computeWindowAfter(award, endYear, atLeast, anchor);
            windows.put(key, known);
        }
        return known;
    }

    private AwardWindow computeWindowAfter(String award, int endYear, Rating atLeast, String anchor) {
        List<Integer> years = yearsHeld(award).stream().filter(y -> y < endYear).sorted().toList();
        if (years.isEmpty()) return new AwardWindow(this, award, null, null, endYear + 1, endYear, true);
        int prior = "EARLIEST".equals(anchor) ? years.get(0) : years.get(years.size() - 1);
        Fact priorFact = conferred(award, prior).orElse(null);
        int from = endYear + 1;
        for (int y = endYear; y > prior && ratedAtLeast(y, atLeast); y--) from = y;
        return new AwardWindow(this, award, prior, priorFact, from, endYear, true);
    }

    /**
     * The run of years rated at least {@code atLeast} ending at {@code endYear}, for a subject who has
     * received a prior award in any year up to {@code endYear} ("đã được tặng X và có liên tục từ 05 năm
     * trở lên đến thời điểm đề nghị …", with no "và sau đó"): the prior award's year may lie inside the
     * run. The prior award named is the latest one conferred up to {@code endYear}; one only found
     * eligible in this evaluation has not been received.
     */
    public AwardWindow runWithPrior(String award, int endYear, Rating atLeast) {
        List<Object> key = Arrays.asList("run", award, endYear, atLeast);
        AwardWindow known = windows.get(key);
        if (known == null) {
            known = computeRunWithPrior(award, endYear, atLeast);
            windows.put(key, known);
        }
        return known;
    }

    private AwardWindow computeRunWithPrior(String award, int endYear, Rating atLeast) {
        // Received: conferred, not merely found eligible in this evaluation ("đã được tặng").
        List<Integer> years = yearsHeld(award).stream().filter(y -> y <= endYear && conferred(award, y).isPresent())
                .sorted().toList();
        if (years.isEmpty()) return new AwardWindow(this, award, null, null, endYear + 1, endYear, false);
        int prior = years.get(years.size() - 1);
        int from = endYear + 1;
        for (int y = endYear; y >= endYear - 100 && ratedAtLeast(y, atLeast); y--) from = y;
        return new AwardWindow(this, award, prior, conferred(award, prior).orElse(null), from, endYear, false);
    }

    /**
     * The period of a prior-award chain under either reading, as a policy parameter chooses: after the
     * prior award ({@link #windowAfter}, "và sau đó") when {@code startsAfterPrior}, else the run that may
     * include it ({@link #runWithPrior}).
     */
    public AwardWindow window(String award, int endYear, Rating atLeast, String anchor, boolean startsAfterPrior) {
        return startsAfterPrior ? windowAfter(award, endYear, atLeast, anchor) : runWithPrior(award, endYear, atLeast);
    }

    // ---------------------------------------------------------------- initiatives

    /** Initiatives, science works and combat ingenuity recognised from {@code from} to {@code to}, at a level at least {@code atLeast}. */
    public Measure initiativesIn(int from, int to, InitiativeLevel atLeast) {
        return initiatives(from, to, atLeast, null);
    }

    public Measure initiativesIn(int year, InitiativeLevel atLeast) {
        return initiatives(year, year, atLeast, null);
    }

    /**
     * As {@link #initiativesIn(int, int, InitiativeLevel)} from a year given by a parameter (the first
     * year of a campaign, say): {@code $h.initiativesIn($e.campaignFrom("INNOVATION_DX_2025_2030"), $year, InitiativeLevel.GRASSROOTS)}.
     */
    public Measure initiativesIn(Number from, int to, InitiativeLevel atLeast) {
        return initiatives(from.intValue(), to, atLeast, null);
    }

    /**
     * Initiatives at a level at least {@code atLeast} recognised in the last {@code years} years up to
     * {@code year} ({@code year - years + 1} to {@code year}). When {@code resets} (a policy switch) the
     * count starts no earlier than the year after the last {@code resetAward} received before
     * {@code year}: an initiative that has served for that award is not used again.
     * <pre>  $h.initiativesInLastYears($year, $e.param("national_emulation_soldier.initiative_window_years"),
     *          InitiativeLevel.NATIONAL, "NATIONAL_EMULATION_SOLDIER", $e.flag("national_emulation_soldier.chain_resets_after_award"))</pre>
     */
    public Measure initiativesInLastYears(int year, Number years, InitiativeLevel atLeast, String resetAward, boolean resets) {
        int from = year - years.intValue() + 1;
        if (resets) from = afterLast(resetAward, year, from);
        return initiatives(from, year, atLeast, null);
    }

    /**
     * Initiatives of one kind at a level at least {@code atLeast} recognised within the unbroken run of
     * years rated at least {@code rating} that ends at {@code year} ("trong thời gian đó"); none when the
     * year itself is not so rated.
     * <pre>  $h.initiativesInRunRated(Rating.EXCELLENT, $year, InitiativeLevel.GRASSROOTS, InitiativeKind.INITIATIVE)</pre>
     */
    public Measure initiativesInRunRated(Rating rating, int year, InitiativeLevel atLeast, InitiativeKind kind) {
        int run = ((Number) consecutiveYearsRated(rating, year).value()).intValue();
        return initiatives(year - run + 1, year, atLeast, kind);
    }

    /** As above, of one kind only (INITIATIVE, SCIENCE_PROJECT, COMBAT_INGENUITY). */
    public Measure initiativesIn(int from, int to, InitiativeLevel atLeast, InitiativeKind kind) {
        return initiatives(from, to, atLeast, kind);
    }

    private Measure initiatives(int from, int to, InitiativeLevel atLeast, InitiativeKind kind) {
        List<InitiativeFact> hits = subject.initiatives().stream()
                .filter(i -> i.year() >= from && i.year() <= to)
                .filter(i -> i.level() != null && i.level().isAtLeast(atLeast))
                .filter(i -> kind == null || i.kind() == kind)
                .toList();
        return new Measure(hits.size(), evidenceOf(hits), yearsDetail(from, to), null);
    }

    /** The largest benefit (giá trị làm lợi, VND) of a single initiative recognised in the years. */
    public Measure largestInitiativeBenefit(int from, int to) {
        Optional<InitiativeFact> best = subject.initiatives().stream()
                .filter(i -> i.year() >= from && i.year() <= to && i.benefitVnd() != null)
                .max(Comparator.comparingLong(InitiativeFact::benefitVnd));
        return new Measure(best.map(InitiativeFact::benefitVnd).orElse(0L),
                best.map(b -> List.of(Evidence.of(b))).orElse(List.of()), yearsDetail(from, to), null);
    }

    /** The total benefit (VND) of the initiatives recognised in the years. */
    public Measure totalInitiativeBenefit(int from, int to) {
        List<InitiativeFact> hits = subject.initiatives().stream()
                .filter(i -> i.year() >= from && i.year() <= to && i.benefitVnd() != null).toList();
        long total = hits.stream().mapToLong(InitiativeFact::benefitVnd).sum();
        return new Measure(total, evidenceOf(hits), yearsDetail(from, to), null);
    }

    /** The unbroken run of years, ending at {@code endYear}, each with an initiative at least {@code atLeast}. */
    public Measure consecutiveYearsWithInitiatives(InitiativeLevel atLeast, int endYear) {
        return run(y -> subject.initiatives().stream().anyMatch(i -> i.year() == y && i.level() != null && i.level().isAtLeast(atLeast)),
                y -> false, endYear, Integer.MIN_VALUE,
                y -> evidenceOf(subject.initiatives().stream().filter(i -> i.year() == y).toList()));
    }

    // ---------------------------------------------------------------- service, discipline, absence, attestation

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
     * As {@link #monthsOfServiceAtEndOf}, counting from the start of contract work at the same agency
     * before recruitment when there was some ({@code contractSince}): from 2024 that time counts toward
     * a new hire's six months (Circular 01/2024/TT-BNV as the Ministry of Home Affairs reads it,
     * award-catalogue §1.4). Training, maternity leave and injury treatment are time worked: they are
     * never subtracted here.
     */
    public Measure monthsOfServiceCountingContractAtEndOf(int year) {
        LocalDate contract = subject.contractSince();
        LocalDate hiredOn = subject.hiredOn();
        if (contract == null || (hiredOn != null && !contract.isBefore(hiredOn))) return monthsOfServiceAtEndOf(year);
        long months = Math.max(0, Period.between(contract, LocalDate.of(year + 1, 1, 1)).toTotalMonths());
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("subject", subject.id(), null, "contractSince " + contract));
        if (hiredOn != null) evidence.add(new Evidence("subject", subject.id(), null, "hiredOn " + hiredOn));
        return new Measure((int) months, evidence, Explainer.label("service.contract", String.valueOf(contract)), null);
    }

    /**
     * Decided disciplines of at least the given form that touch the year: decided in it, or in force
     * during part of it (achievements count only from the end of a discipline term, Decree
     * 152/2025 art. 4.4).
     */
    public Measure disciplinesAffecting(int year, DisciplineForm atLeast) {
        return count(disciplinesTouching(year, year, atLeast));
    }

    /** As above, with the form named by its code (a policy parameter's value). */
    public Measure disciplinesAffecting(int year, String atLeast) {
        // An empty code comes from a parameter with no value in force; the criterion is then open anyway.
        // A code that names no form is a fault of the parameter file: the criterion cannot be judged,
        // and the evaluation records it as NEEDS_REVIEW naming the parameter's value.
        DisciplineForm form = DisciplineForm.REPRIMAND;
        if (atLeast != null && !atLeast.isEmpty()) {
            try {
                form = DisciplineForm.valueOf(atLeast);
            } catch (IllegalArgumentException e) {
                throw new vn.laurel.engine.policy.UnknownParameterException("\"" + atLeast + "\" is not a discipline form");
            }
        }
        return disciplinesAffecting(year, form);
    }

    /** Decided disciplines of at least the given form that touch any year from {@code from} to {@code to}. */
    public Measure disciplinesAffecting(int from, int to, DisciplineForm atLeast) {
        return count(disciplinesTouching(from, to, atLeast));
    }

    /** Every decided discipline of at least the given form, ever ("chưa từng bị kỷ luật"). */
    public Measure disciplinesEver(DisciplineForm atLeast) {
        return count(subject.disciplines().stream()
                .filter(d -> !d.isPending() && d.form() != null && d.form().isAtLeast(atLeast)).toList());
    }

    List<DisciplineFact> disciplinesTouching(int fromYear, int toYear, DisciplineForm atLeast) {
        LocalDate start = LocalDate.of(fromYear, 1, 1);
        LocalDate end = LocalDate.of(toYear, 12, 31);
        return subject.disciplines().stream()
                .filter(d -> !d.isPending() && d.form() != null && d.form().isAtLeast(atLeast))
                .filter(d -> d.decidedOn() != null && !d.decidedOn().isAfter(end))
                .filter(d -> !d.decidedOn().isBefore(start) || (d.until() != null && !d.until().isBefore(start)))
                .toList();
    }

    /** Matters pending on the appraisal date: while one is open no award is decided (Decree 152/2025 art. 4.4). */
    public Measure pendingMattersOn(LocalDate asOf) {
        return count(subject.disciplines().stream()
                .filter(DisciplineFact::isPending)
                .filter(d -> d.since() == null || !d.since().isAfter(asOf))
                .toList());
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

    /**
     * Whether a collective leads its emulation cluster or block in the year: from a cluster ranking
     * when one is recorded, else from the attestation LEADS_EMULATION_CLUSTER. A ranking that says
     * whether the unit leads ({@code leads}, written by a recorded cluster review, which may designate
     * the next unit when the first fails the flag's criteria) decides by it; one that does not, by
     * rank 1. The evidence is the ranking that makes the unit lead, else its best place.
     */
    public Measure leadsCluster(int year) {
        List<ClusterRankingFact> rankings = subject.clusterRankings().stream()
                .filter(r -> r.year() != null && r.year() == year && (r.rank() != null || r.leads() != null)).toList();
        Optional<ClusterRankingFact> leading = rankings.stream().filter(ClusterRankingFact::leader).findFirst();
        if (leading.isPresent()) return new Measure(true, List.of(Evidence.of(leading.get())));
        Optional<ClusterRankingFact> best = rankings.stream()
                .min(Comparator.comparing(ClusterRankingFact::rank, Comparator.nullsLast(Comparator.naturalOrder())));
        if (best.isPresent()) return new Measure(false, List.of(Evidence.of(best.get())));
        return attestation("LEADS_EMULATION_CLUSTER", year);
    }

    // ---------------------------------------------------------------- households, campaigns, units

    /**
     * A household's (or a person's) contributions of work, land or assets recorded for the year ("đóng góp công
     * sức, đất đai, tài sản"), counted; the evidence names each.
     */
    public Measure contributionsIn(int year) {
        return count(subject.contributions().stream().filter(c -> c.year() != null && c.year() == year).toList());
    }

    /**
     * Whether the subject takes part in a campaign in the year: true when a result of the campaign is recorded for
     * the year (in a participant group the campaign declares for its kind of subject, which the case checks),
     * false otherwise. The evidence is the year's results.
     */
    public Measure inCampaign(String campaign, int year) {
        List<CampaignResultFact> results = campaignResults(campaign, year);
        return new Measure(!results.isEmpty(), evidenceOf(results));
    }

    /**
     * The value of one indicator of a campaign for the year, as recorded (the latest recorded wins); unknown (null)
     * when none is recorded, so a criterion that compares it needs review.
     */
    public Measure campaignResult(String campaign, String indicator, int year) {
        CampaignResultFact latest = null;
        for (CampaignResultFact r : campaignResults(campaign, year)) {
            if (indicator.equals(r.indicator())) latest = r;
        }
        if (latest == null) return new Measure(null, List.of());
        return new Measure(latest.value(), List.of(Evidence.of(latest)));
    }

    /** The year's results of a campaign, in the order recorded. */
    public List<CampaignResultFact> campaignResults(String campaign, int year) {
        return subject.campaignResults().stream()
                .filter(r -> campaign.equals(r.campaign()) && r.year() != null && r.year() == year).toList();
    }

    /**
     * Whether the subject leads in innovation and digital transformation in the year ("đi đầu trong đổi mới sáng
     * tạo, chuyển đổi số", a standard of Law 06/2026/QH16 from 01/10/2026, award-catalogue §0 row T8): attested
     * ({@code LEADS_INNOVATION_DIGITAL_TRANSFORMATION}), or a campaign result of that indicator of 1 or more in the
     * year. True when either says so; false when one says not and none says so; unknown when nothing is recorded.
     */
    public Measure leadsInnovation(int year) {
        String code = "LEADS_INNOVATION_DIGITAL_TRANSFORMATION";
        Measure attested = attestation(code, year);
        List<CampaignResultFact> results = subject.campaignResults().stream()
                .filter(r -> code.equals(r.indicator()) && r.year() != null && r.year() == year && r.value() != null).toList();
        List<CampaignResultFact> leading = results.stream().filter(r -> r.value().compareTo(java.math.BigDecimal.ONE) >= 0).toList();
        if (Boolean.TRUE.equals(attested.value())) return attested;
        if (!leading.isEmpty()) return new Measure(true, evidenceOf(leading));
        List<Evidence> evidence = new ArrayList<>(attested.evidence());
        evidence.addAll(evidenceOf(results));
        return new Measure(attested.value() == null && results.isEmpty() ? null : false, evidence);
    }

    /**
     * Whole months from the unit's founding ({@code establishedOn}) to the date (the proposal's appraisal date, say):
     * a unit existing less than a year may be left out (Circular 64/2026/TT-BXD arts. 8, 9). Unknown when the
     * founding day is not recorded.
     */
    public Measure unitAgeMonthsOn(LocalDate date) {
        LocalDate founded = subject.establishedOn();
        if (founded == null) return new Measure(null, List.of());
        long months = Math.max(0, Period.between(founded, date).toTotalMonths());
        return new Measure((int) months, List.of(subjectEvidence("establishedOn " + founded)));
    }

    /**
     * Whether the unit was formed by, or has since its founding gone through, a merger or consolidation (sáp nhập,
     * hợp nhất) by the proposal: a predecessor MERGED_INTO it dated on or after its founding day (any, when that day is
     * not recorded) and on or before {@code proposal} — the date the unit's age is measured to
     * ({@link #unitAgeMonthsOn}), so a merger after the proposal never makes a young unit eligible. A unit split from
     * another, or renamed, was not; a MERGED_INTO entry without a day is not counted (the case format requires one).
     */
    public Measure formedByMerger(LocalDate proposal) {
        LocalDate founded = subject.establishedOn();
        List<Predecessor> merged = subject.predecessors().stream()
                .filter(p -> p != null && p.relation() == UnitEventKind.MERGED_INTO && p.on() != null)
                .filter(p -> founded == null || !p.on().isBefore(founded))
                .filter(p -> proposal == null || !p.on().isAfter(proposal)).toList();
        return new Measure(!merged.isEmpty(), evidenceOf(merged));
    }

    // ---------------------------------------------------------------- attributes of the person

    public Measure isManager() { return attribute(subject.manager(), "manager"); }

    public Measure isUnionMember() { return attribute(subject.unionMember(), "unionMember"); }

    public Measure inArmedForces() { return new Measure(isArmedForces(), List.of(subjectEvidence("armedForces " + isArmedForces()))); }

    public Measure education() {
        return new Measure(subject.education(), subject.education() == null ? List.of()
                : List.of(subjectEvidence("education " + subject.education())));
    }

    /**
     * Whether the person's education is {@code education}: true or false, unknown (null) when the
     * education is not recorded. The evidence is the recorded education, as {@link #education()}.
     */
    public Measure educationIs(Education education) {
        Education recorded = subject.education();
        return new Measure(recorded == null ? null : recorded == education, education().evidence());
    }

    /** True unless the person died on or before the date (some awards are never posthumous). */
    public Measure aliveOn(LocalDate date) {
        boolean alive = subject.deceasedOn() == null || subject.deceasedOn().isAfter(date);
        return new Measure(alive, subject.deceasedOn() == null ? List.of()
                : List.of(subjectEvidence("deceasedOn " + subject.deceasedOn())));
    }

    // ---------------------------------------------------------------- internals

    /** Years in which the award was conferred (facts) or decided eligible in this evaluation. */
    List<Integer> yearsHeld(String award) {
        Set<Integer> years = new TreeSet<>();
        subject.titles().stream().filter(t -> award.equals(t.code()) && t.isValid() && t.year() != null)
                .forEach(t -> years.add(t.year()));
        subject.commendations().stream()
                .filter(c -> award.equals(c.code()) && c.isValid() && c.kind().countsAsPriorMerit() && c.year() != null)
                .forEach(c -> years.add(c.year()));
        decided.getOrDefault(award, Map.of()).forEach((y, o) -> { if (o.held()) years.add(y); });
        return List.copyOf(years);
    }

    Optional<Fact> conferred(String award, int year) {
        if (conferred == null) conferred = conferredByAwardAndYear();
        return Optional.ofNullable(conferred.getOrDefault(award, Map.of()).get(year));
    }

    /**
     * For each award and year, the title conferred (not revoked) or else the MERIT commendation — the
     * first in the subject's order. Built once: the rules ask this hundreds of times per subject.
     */
    private Map<String, Map<Integer, Fact>> conferredByAwardAndYear() {
        Map<String, Map<Integer, Fact>> byAward = new HashMap<>();
        for (TitleFact t : subject.titles()) {
            if (t.code() != null && t.year() != null && t.isValid()) byAward.computeIfAbsent(t.code(), k -> new HashMap<>()).putIfAbsent(t.year(), t);
        }
        for (CommendationFact c : subject.commendations()) {
            if (c.code() != null && c.year() != null && c.isValid() && c.kind().countsAsPriorMerit()) {
                byAward.computeIfAbsent(c.code(), k -> new HashMap<>()).putIfAbsent(c.year(), c);
            }
        }
        return byAward;
    }

    Decided decision(String award, int year) {
        return decided.getOrDefault(award, Map.of()).get(year);
    }

    Evidence decisionEvidence(String award, int year, Decided outcome) {
        return new Evidence("decision", null, "this evaluation", award + " " + year + " " + outcome.name());
    }

    private interface YearEvidence { List<Evidence> of(int year); }

    private YearEvidence ratingEvidence() {
        return y -> ratingsByYear.containsKey(y) ? List.of(Evidence.of(ratingsByYear.get(y))) : List.of();
    }

    /**
     * The run of years satisfying {@code held} that ends at {@code endYear} and starts no earlier than
     * {@code floor}; years that would hold once confirmed extend the "if confirmed" run.
     */
    private Measure run(IntPredicate held, IntPredicate heldIfConfirmed, int endYear, int floor, YearEvidence evidence) {
        int n = 0, y = endYear;
        List<Evidence> used = new ArrayList<>();
        while (y >= floor && y >= endYear - 100 && held.test(y)) {
            used.addAll(evidence.of(y));
            n++;
            y--;
        }
        int confirmed = n, c = y;
        while (c >= floor && c >= endYear - 100 && (held.test(c) || heldIfConfirmed.test(c))) {
            confirmed++;
            c--;
        }
        Localized detail = runDetail(n == 0 ? null : endYear - n + 1, endYear, y >= floor ? y : null);
        return new Measure(n, used, detail, confirmed > n ? confirmed : null);
    }

    private static Localized runDetail(Integer from, int to, Integer breakYear) {
        Localized years = from == null ? Explainer.label("run.none") : yearsDetail(from, to);
        if (breakYear == null) return years;
        Localized breaks = Explainer.label("run.breaks", String.valueOf(breakYear));
        return new Localized(years.vi() + "; " + breaks.vi(), years.en() + "; " + breaks.en());
    }

    static Localized yearsDetail(int from, int to) {
        String span = from > to ? "—" : from == to ? String.valueOf(from) : from + "–" + to;
        return Explainer.label("run.years", span);
    }

    private Measure attribute(Boolean value, String name) {
        return new Measure(value, value == null ? List.of() : List.of(subjectEvidence(name + " " + value)));
    }

    private Evidence subjectEvidence(String summary) {
        return new Evidence("subject", subject.id(), null, summary);
    }

    static Measure count(List<? extends Fact> facts) {
        return new Measure(facts.size(), evidenceOf(facts));
    }

    static List<Evidence> evidenceOf(Collection<? extends Fact> facts) {
        List<Evidence> evidence = new ArrayList<>(facts.size());
        for (Fact f : facts) evidence.add(Evidence.of(f));
        return evidence;
    }

    private String label; // the trace names this fact once per rule fired

    @Override
    public String toString() {
        if (label == null) label = "History[" + subject.id() + "]";
        return label;
    }
}
