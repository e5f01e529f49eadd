package vn.laurel.engine.evaluation;

import vn.laurel.engine.history.History;
import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.ParameterUse;
import vn.laurel.engine.ruleset.CompiledRegime;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.*;

/**
 * The members of a collective, decided before it for the awards its criteria count
 * ({@code @memberAwards}), with any quota among them applied: the collective's criteria then count
 * its members' outcomes through their histories.
 *
 * @param histories  the members' histories, with the awards decided for them
 * @param results    the members' answers, quotas applied
 * @param parameters the quota parameters read, then those the members' answers used
 */
record MemberRuns(List<History> histories, List<MemberResult> results, List<ParameterUse> parameters) {
    private static final MemberRuns NONE = new MemberRuns(List.of(), List.of(), List.of());

    /**
     * Decides the members of {@code doc}. A member already decided on the same rules, year and date
     * ({@code decidedMembers}, by id) is not decided again when its answer covers every award wanted.
     */
    static MemberRuns decide(RuleSet rules, SessionRunner sessions, CaseDocument doc, Set<String> askedCodes,
                             Map<String, EvaluationResult> decidedMembers) {
        CompiledRegime compiled = sessions.compiled();
        Set<String> memberAwards = new LinkedHashSet<>();
        SubjectKind kind = doc.subject().kind().isCollective() ? doc.subject().kind() : SubjectKind.COLLECTIVE;
        for (String award : compiled.withPrerequisites(askedCodes, kind)) memberAwards.addAll(compiled.memberAwardsOf(award, kind));
        memberAwards.removeIf(a -> rules.award(a).map(d -> !d.appliesTo(SubjectKind.PERSON)).orElse(true));
        if (doc.members().isEmpty()) return NONE;

        Set<String> toRun = compiled.withPrerequisites(memberAwards, SubjectKind.PERSON);
        List<Run> runs = new ArrayList<>();
        for (Subject member : doc.members()) {
            EvaluationResult decided = decidedMembers.get(member.id());
            Run run = decided != null && decided.year() == doc.year() && decided.asOf().equals(doc.asOf())
                    && decided.rulesetVersion().equals(rules.version()) ? reuse(member, decided, toRun, memberAwards) : null;
            if (run == null) run = sessions.run(new History(member), toRun, memberAwards);
            runs.add(run);
        }
        List<History> histories = runs.stream().map(Run::history).toList();
        Map<String, List<ParameterUse>> quotaParameters = new LinkedHashMap<>();
        List<List<AwardResult>> capped = Quotas.applyAmong(histories, runs.stream().map(Run::results).toList(), memberAwards,
                doc.year(), rules.parameters(), doc.asOf(), doc.organisation(), quotaParameters);
        List<ParameterUse> parameters = new ArrayList<>();
        // Each capped award read the same ranking weights: list each parameter once.
        quotaParameters.values().forEach(uses -> Answers.addDistinct(parameters, uses));
        List<MemberResult> results = new ArrayList<>();
        for (int m = 0; m < runs.size(); m++) {
            Answers.addDistinct(parameters, runs.get(m).parameters());
            results.add(new MemberResult(histories.get(m).getId(), List.copyOf(capped.get(m)), runs.get(m).fired()));
        }
        return new MemberRuns(histories, results, parameters);
    }

    /**
     * A member's earlier answer as if decided here: its history records the same decisions the run
     * would have recorded, and its answers and fired rules are those of the awards wanted. Null when
     * the answer lacks one of them or a quota has already been applied to it.
     */
    private static Run reuse(Subject member, EvaluationResult decided, Set<String> toRun, Set<String> asked) {
        Map<String, AwardResult> byAward = new HashMap<>();
        decided.results().forEach(a -> byAward.put(a.award(), a));
        if (!byAward.keySet().containsAll(toRun)) return null;
        History history = new History(member);
        List<AwardResult> results = new ArrayList<>();
        for (String code : toRun) {
            AwardResult r = byAward.get(code);
            if (r.quota() != null) return null; // capped since: the outcome the rules gave is not at hand
            history.recordDecision(code, decided.year(), r.outcome());
            if (!asked.contains(code) && !r.notes().contains(Explainer.label("note.prerequisite"))) {
                r = Answers.withNote(r, Explainer.label("note.prerequisite"));
            }
            results.add(r);
        }
        List<FiredRule> fired = decided.firedRules().stream().filter(f -> f.award() == null || toRun.contains(f.award())).toList();
        Set<String> read = new HashSet<>();
        results.forEach(r -> read.addAll(r.parameterNames()));
        return new Run(history, null, results, fired, decided.parameters().stream().filter(p -> read.contains(p.name())).toList());
    }
}
