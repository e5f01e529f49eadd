package vn.laurel.api.clusters;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.StoredCases;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.model.ClusterRankingFact;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.ruleset.RuleSet;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.*;

/**
 * A cluster's review of a year: the scores, the ranking, the proposals walked from it (each unit
 * evaluated for the award by the rules in service, for the flag as the cluster's designated leader),
 * and the recording of it, which makes the review the source of each member's rank and of who leads.
 */
@Singleton
public class ClusterReviewService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClusterStore store;
    private final FactStore facts;
    private final StoredCases cases;
    private final RuleSetHolder rules;
    private final MonthDay appraisalDay;
    private final Clock clock = Clock.systemDefaultZone();

    public ClusterReviewService(ClusterStore store, FactStore facts, StoredCases cases, RuleSetHolder rules,
                                @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.store = store;
        this.facts = facts;
        this.cases = cases;
        this.rules = rules;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
    }

    /** A cluster as the list shows it: its members in the year, its head and deputy. */
    public record Summary(ClusterStore.Cluster cluster, int year, List<ClusterStore.Member> members, ClusterStore.Term term) {}

    public List<Summary> clusters(int year) {
        List<Summary> out = new ArrayList<>();
        for (ClusterStore.Cluster c : store.clusters()) out.add(summary(c, year));
        return out;
    }

    public Summary cluster(String code, int year) {
        return summary(find(code), year);
    }

    private Summary summary(ClusterStore.Cluster c, int year) {
        return new Summary(c, year, store.members(c.code(), year), store.term(c.code(), year).orElse(null));
    }

    public ClusterStore.Cluster find(String code) {
        return store.cluster(code).orElseThrow(() -> ReviewRefused.notFound("clusters.error.noCluster", code));
    }

    /** The day a review's table and settings are read on: the last day of its year. */
    static LocalDate yearEnd(int year) {
        return LocalDate.of(year, 12, 31);
    }

    public ClusterSettings settings(String code, int year) {
        return store.settings(code, yearEnd(year)).orElse(ClusterSettings.defaults());
    }

    public ScoringTable table(String code, int year) {
        return store.table(code, yearEnd(year));
    }

    /** The review as it stands; reading it evaluates the units it considers, and writes nothing. */
    public ClusterReview review(String code, int year) {
        ClusterStore.Cluster cluster = find(code);
        List<ClusterStore.Member> members = store.members(code, year);
        ScoringTable table = table(code, year);
        ClusterSettings settings = settings(code, year);
        ClusterStore.Term term = store.term(code, year).orElse(null);
        ClusterStore.Recorded recorded = store.recorded(code, year).orElse(null);
        List<ClusterStore.Score> scores = store.scores(code, year);
        Map<String, String> digests = new LinkedHashMap<>();
        digests.put("scores", ReviewDigest.scores(scores));
        digests.put("table", ReviewDigest.table(table));
        digests.put("settings", ReviewDigest.settings(settings));
        digests.put("members", ReviewDigest.members(members.stream().map(ClusterStore.Member::unit).toList()));
        Inputs inputs = new Inputs(digests.get("scores"), ReviewDigest.inputs(digests), recorded);
        Map<String, Map<String, BigDecimal>> points = new HashMap<>();
        for (ClusterStore.Score s : scores) points.computeIfAbsent(s.unit(), u -> new HashMap<>()).put(s.criterion(), s.points());
        List<String> missing = new ArrayList<>();
        List<Ranking.Line> lines = new ArrayList<>();
        for (ClusterStore.Member m : members) {
            Map<String, BigDecimal> own = points.getOrDefault(m.unit(), Map.of());
            Map<String, BigDecimal> inTable = new LinkedHashMap<>();
            BigDecimal total = BigDecimal.ZERO;
            boolean complete = true;
            for (ScoringTable.Criterion k : table.criteria()) {
                BigDecimal p = own.get(k.code());
                inTable.put(k.code(), p);
                if (p == null) { complete = false; missing.add(m.unit() + "/" + k.code()); } else total = total.add(p);
            }
            lines.add(new Ranking.Line(m.unit(), m.name(), inTable, total, complete, 0, false));
        }
        List<Ranking.Line> ranking = Ranking.rank(lines);
        ClusterReview.Status status = table.criteria().isEmpty() ? ClusterReview.Status.NO_TABLE
                : members.isEmpty() ? ClusterReview.Status.NO_MEMBERS
                : !missing.isEmpty() ? ClusterReview.Status.INCOMPLETE : null;
        if (status != null) return inputs.review(cluster, year, term, table, settings, ranking, status, missing, null, null);

        RuleSet ruleSet = rules.current();
        LocalDate asOf = appraisalDate(year);
        List<List<Ranking.Line>> groups = Ranking.groups(ranking);
        Map<String, Subject> subjects = facts.subjects(members.stream().map(ClusterStore.Member::unit).toList());
        Proposals.AwardList flag = Proposals.walk(settings.flagAward(), awardName(ruleSet, settings.flagAward()), settings.flagQuota(),
                groups, Set.of(), (line, award) -> evaluate(ruleSet, subjects.get(line.unit()), code, year, line.rank(), true, award, asOf));
        if (flag.waiting()) {
            return inputs.review(cluster, year, term, table, settings, ranking, ClusterReview.Status.TIE, missing, flag, null);
        }
        Set<String> flagged = new HashSet<>();
        flag.proposed().forEach(c -> flagged.add(c.unit()));
        Proposals.AwardList merit = Proposals.walk(settings.meritAward(), awardName(ruleSet, settings.meritAward()), settings.meritCount(),
                groups, flagged, (line, award) -> evaluate(ruleSet, subjects.get(line.unit()), code, year, line.rank(), false, award, asOf));
        return inputs.review(cluster, year, term, table, settings, ranking,
                merit.waiting() ? ClusterReview.Status.TIE : ClusterReview.Status.READY, missing, flag, merit);
    }

    /**
     * What a review was computed from, to compare with its last recording: the digests of its inputs, and
     * what it proposes (a change of the rules or of a unit's facts changes the answers, not the inputs).
     */
    private record Inputs(String scoresVersion, String digests, ClusterStore.Recorded recorded) {
        ClusterReview review(ClusterStore.Cluster cluster, int year, ClusterStore.Term term, ScoringTable table, ClusterSettings settings,
                             List<Ranking.Line> ranking, ClusterReview.Status status, List<String> missing, Proposals.AwardList flag,
                             Proposals.AwardList merit) {
            List<String> changed = null;
            if (recorded != null) {
                changed = new ArrayList<>(ReviewDigest.changed(recorded.inputs(), digests));
                // Same inputs, other answers: the rules in service or a unit's facts changed since.
                if (changed.isEmpty() && (flag == null || merit == null || !sameOutcome(recorded.proposals(), outcome(flag, merit, ranking)))) {
                    changed.add("proposals");
                }
            }
            return new ClusterReview(cluster, year, term, table, settings, ranking, status, missing, flag, merit, recorded,
                    scoresVersion, digests, changed == null ? null : List.copyOf(changed));
        }
    }

    /** What a recording keeps of the review: the units proposed, and the ranking with the totals. */
    static String outcome(Proposals.AwardList flag, Proposals.AwardList merit, List<Ranking.Line> ranking) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("flag", flag.proposed().stream().map(Proposals.Considered::unit).toList());
        kept.put("merit", merit.proposed().stream().map(Proposals.Considered::unit).toList());
        kept.put("ranking", ranking.stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", l.unit());
            m.put("rank", l.rank());
            m.put("total", l.total());
            return m;
        }).toList());
        try {
            return JSON.writeValueAsString(kept);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compared as JSON trees: the order of an object's keys, or "91.00" against "91.0", is no change. */
    private static boolean sameOutcome(String recorded, String now) {
        try {
            return recorded != null && JSON.readTree(recorded).equals(JSON.readTree(now));
        } catch (Exception e) {
            return false;
        }
    }

    /** The appraisal date of the year's answers, as every evaluation from the store dates it. */
    LocalDate appraisalDate(int year) {
        LocalDate usual = appraisalDay.atYear(year + 1);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
        return today.isBefore(usual) ? today : usual;
    }

    private static Localized awardName(RuleSet ruleSet, String award) {
        return ruleSet.award(award).map(AwardDefinition::name).orElse(new Localized(award, award));
    }

    /**
     * The unit's answer for the award with the review's ranking in its case, as recording would write it:
     * its rank, and for the flag, that the cluster designates it its leader — so the flag's criterion
     * "leads its cluster" holds for the unit proposed, and the answer turns on the award's other criteria.
     */
    private AwardResult evaluate(RuleSet ruleSet, Subject stored, String cluster, int year, int rank, boolean leads, String award,
                                 LocalDate asOf) {
        List<ClusterRankingFact> rankings = new ArrayList<>(stored.clusterRankings().stream()
                .filter(r -> !(Objects.equals(r.year(), year) && cluster.equals(r.cluster()))).toList());
        rankings.add(new ClusterRankingFact(year, cluster, rank, leads, "clusterReview:" + cluster + ":" + year,
                "cluster review " + cluster + " " + year + " (not recorded yet)"));
        Subject s = stored.withClusterRankings(rankings);
        return rules.evaluator().evaluate(ruleSet, cases.caseOf(s, year, asOf, List.of(award))).result(award);
    }

    // ------------------------------------------------------------------ writes

    /** Sets the year's scores to exactly these (replace) or merges them in, after checking every row. */
    public List<ClusterStore.Score> saveScores(String code, int year, List<ScoreSheet.Row> rows, boolean replace, boolean json, String by) {
        return saveScores(code, year, rows, replace, json, null, by);
    }

    /**
     * The same, only if the year's scores are still those of {@code version} (the review's
     * {@link ClusterReview#scoresVersion()} the writer read; null: no check): else 409, nothing written.
     */
    public List<ClusterStore.Score> saveScores(String code, int year, List<ScoreSheet.Row> rows, boolean replace, boolean json,
                                               String version, String by) {
        find(code);
        ScoringTable table = table(code, year);
        if (table.criteria().isEmpty()) throw ReviewRefused.field(ReviewRefused.Kind.CONFLICT, "year", "clusters.error.noTable", year);
        Set<String> members = new HashSet<>();
        store.members(code, year).forEach(m -> members.add(m.unit()));
        if (rows.size() > ScoreSheet.MAX_ROWS) throw ReviewRefused.field(ReviewRefused.Kind.TOO_LARGE, "scores", "clusters.error.tooManyRows", ScoreSheet.MAX_ROWS);
        List<ClusterStore.Score> scores = ScoreSheet.check(rows, members, table, json);
        store.saveScores(code, year, scores, replace, version, by);
        return scores;
    }

    public void saveTerm(String code, int year, String head, String deputy, String by) {
        find(code);
        Set<String> members = new HashSet<>();
        store.members(code, year).forEach(m -> members.add(m.unit()));
        List<ReviewRefused.Fault> faults = new ArrayList<>();
        if (head != null && !members.contains(head)) faults.add(new ReviewRefused.Fault("head", "clusters.error.notMember", head));
        if (deputy != null && !members.contains(deputy)) faults.add(new ReviewRefused.Fault("deputy", "clusters.error.notMember", deputy));
        if (head != null && head.equals(deputy)) faults.add(new ReviewRefused.Fault("deputy", "clusters.error.deputyIsHead"));
        if (!faults.isEmpty()) throw new ReviewRefused(ReviewRefused.Kind.INVALID, "clusters.error.termRefused", List.of(), faults);
        store.saveTerm(code, year, new ClusterStore.Term(head, deputy), by);
    }

    public void saveSettings(String code, ClusterSettings s, String by) {
        find(code);
        RuleSet ruleSet = rules.current();
        List<ReviewRefused.Fault> faults = new ArrayList<>();
        if (s.validFrom() == null) faults.add(new ReviewRefused.Fault("validFrom", "clusters.error.required"));
        if (ruleSet.award(s.flagAward()).isEmpty()) faults.add(new ReviewRefused.Fault("flagAward", "clusters.error.unknownAward", s.flagAward()));
        if (ruleSet.award(s.meritAward()).isEmpty()) faults.add(new ReviewRefused.Fault("meritAward", "clusters.error.unknownAward", s.meritAward()));
        if (s.flagQuota() < 0 || s.flagQuota() > 100) faults.add(new ReviewRefused.Fault("flagQuota", "clusters.error.range", 0, 100));
        if (s.meritCount() < 0 || s.meritCount() > 1000) faults.add(new ReviewRefused.Fault("meritCount", "clusters.error.range", 0, 1000));
        if (s.basis() != null && s.basis().length() > 2000) faults.add(new ReviewRefused.Fault("basis", "clusters.error.tooLong", 2000));
        if (!faults.isEmpty()) throw new ReviewRefused(ReviewRefused.Kind.INVALID, "clusters.error.settingsRefused", List.of(), faults);
        store.saveSettings(code, s, by);
    }

    public void saveTable(String code, ScoringTable table, String by) {
        find(code);
        List<ReviewRefused.Fault> faults = new ArrayList<>();
        if (table.validFrom() == null) faults.add(new ReviewRefused.Fault("validFrom", "clusters.error.required"));
        if (table.criteria().isEmpty()) faults.add(new ReviewRefused.Fault("criteria", "clusters.error.required"));
        if (table.criteria().size() > 200) faults.add(new ReviewRefused.Fault("criteria", "clusters.error.tooMany", 200));
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < table.criteria().size(); i++) {
            ScoringTable.Criterion k = table.criteria().get(i);
            String at = "criteria[" + i + "].";
            if (k.code() == null || !k.code().matches("[A-Za-z0-9_.-]{1,64}")) faults.add(new ReviewRefused.Fault(at + "code", "clusters.error.code"));
            else if (!codes.add(k.code())) faults.add(new ReviewRefused.Fault(at + "code", "clusters.error.duplicateCode", k.code()));
            if (k.nameVi() == null || k.nameVi().isBlank()) faults.add(new ReviewRefused.Fault(at + "nameVi", "clusters.error.required"));
            else if (k.nameVi().length() > 500) faults.add(new ReviewRefused.Fault(at + "nameVi", "clusters.error.tooLong", 500));
            if (k.nameEn() != null && k.nameEn().length() > 500) faults.add(new ReviewRefused.Fault(at + "nameEn", "clusters.error.tooLong", 500));
            if (k.maxPoints() == null || k.maxPoints().signum() <= 0 || k.maxPoints().scale() > 2
                    || k.maxPoints().compareTo(new BigDecimal("10000")) > 0) {
                faults.add(new ReviewRefused.Fault(at + "maxPoints", "clusters.error.maxPoints"));
            }
        }
        if (!faults.isEmpty()) throw new ReviewRefused(ReviewRefused.Kind.INVALID, "clusters.error.tableRefused", List.of(), faults);
        store.saveTable(code, table, by);
    }

    /**
     * Records the review: each member's rank, and that the unit proposed for the flag leads (the others
     * do not), become their cluster_member facts of the year with the review as their source. Refused
     * (409) while scores are missing or a tie waits for the cluster.
     */
    public ClusterStore.Recorded record(String code, int year, String by) {
        ClusterReview review = review(code, year);
        if (!review.recordable()) {
            throw ReviewRefused.field(ReviewRefused.Kind.CONFLICT, "year", "clusters.error.notRecordable." + review.status(), year);
        }
        Set<String> leaders = new HashSet<>();
        review.flag().proposed().forEach(c -> leaders.add(c.unit()));
        List<ClusterStore.Placed> placed = review.ranking().stream()
                .map(l -> new ClusterStore.Placed(l.unit(), l.rank(), leaders.contains(l.unit()))).toList();
        String source = "cluster review " + code + " " + year + ", recorded by " + by + " on " + LocalDate.now(clock);
        // The digests of what this review was computed from: a later change of any shows the recording is out of date.
        String proposals = outcome(review.flag(), review.merit(), review.ranking());
        return store.record(code, year, placed, source, proposals, review.inputs(), rules.current(), by);
    }
}
