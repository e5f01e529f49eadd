package vn.laurel.examples;

import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.concurrent.Parallel;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.evaluation.*;
import vn.laurel.engine.ruleset.CompiledRegime;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.scenario.ScenarioRunner;
import vn.laurel.engine.scenario.ScenarioRunner.Scenario;

import java.util.*;

/**
 * The criterion mutation check: for every criterion rule of every regime (a rule listing several
 * regimes once per regime), forcing it to MET, and separately to NOT_MET, must make at least one scenario fail — as
 * a bug that made the criterion always MET, or never, would. A forcing no scenario notices is a
 * criterion the scenarios cannot tell apart from a broken one.
 *
 * <p>Cheap by construction: each scenario is evaluated once as it stands, recording the statuses
 * each criterion rule gave (the subject's, its prerequisites' and its members'). Forcing a rule to
 * a status can only change scenarios of its regime where that rule recorded another status, so
 * only those run again, and a forcing stops at the first scenario that fails.
 */
final class CriterionMutationCheck {
    /** One forcing: a criterion rule of a regime pinned to a status. */
    record Mutation(CriterionDefinition criterion, Status forced) {
        String describe() {
            return criterion.regime() + "  " + criterion.award() + " / " + criterion.criterion()
                    + (criterion.subject() == null ? "" : " (" + criterion.subject() + ")")
                    + "  forced " + forced + ": no scenario fails  [" + criterion.file() + ":" + criterion.line() + "]";
        }
    }

    /** What a run found: the forcings no scenario noticed, and what it cost. */
    record Report(int criteria, int scenarios, int evaluations, List<String> notCaught, double seconds) {
        String summary() {
            return String.format("Criterion mutation check: %d criterion rules (award x criterion x regime) forced to MET and to NOT_MET"
                    + " over %d scenarios, %d evaluations in %.1f s; %d forcing(s) no scenario catches", criteria, scenarios,
                    evaluations, seconds, notCaught.size());
        }
    }

    /** A scenario as it stands: its regime and, for each criterion rule it ran, the statuses recorded. */
    private record Baseline(Scenario scenario, String regime, Map<String, Set<Status>> statusesByRule) {}

    private CriterionMutationCheck() {}

    /** Runs the check; scenarios that do not pass as they stand are left out (the scenario suite reports them). */
    static Report run(RuleSet rules, List<Scenario> scenarios) {
        long start = System.nanoTime();
        Evaluator plain = new Evaluator(() -> rules, false);
        List<Baseline> baselines = Parallel.map("laurel-mutation", scenarios, s -> baseline(rules, plain, s))
                .stream().filter(Objects::nonNull).toList();
        List<Mutation> mutations = new ArrayList<>();
        for (CompiledRegime regime : rules.compiled().values()) {
            for (CriterionDefinition c : regime.criteria()) {
                mutations.add(new Mutation(c, Status.MET));
                mutations.add(new Mutation(c, Status.NOT_MET));
            }
        }
        List<int[]> outcomes = Parallel.map("laurel-mutation", mutations, m -> caught(rules, baselines, m));
        List<String> notCaught = new ArrayList<>();
        int evaluations = scenarios.size();
        for (int i = 0; i < mutations.size(); i++) {
            if (outcomes.get(i)[0] == 0) notCaught.add(mutations.get(i).describe());
            evaluations += outcomes.get(i)[1];
        }
        return new Report(mutations.size() / 2, baselines.size(), evaluations, notCaught, (System.nanoTime() - start) / 1e9);
    }

    private static Baseline baseline(RuleSet rules, Evaluator evaluator, Scenario s) {
        if (s.error() != null) return null;
        EvaluationResult result = evaluator.evaluate(rules, s.doc());
        if (!ScenarioRunner.verdict(s, result).passed()) return null;
        Map<String, Set<Status>> statuses = new HashMap<>();
        List<AwardResult> all = new ArrayList<>(result.results());
        result.members().forEach(m -> all.addAll(m.results()));
        for (AwardResult a : all) {
            for (CriterionOutcome c : a.criteria()) {
                statuses.computeIfAbsent(c.rule(), k -> EnumSet.noneOf(Status.class)).add(c.status());
            }
        }
        return new Baseline(s, result.regime(), statuses);
    }

    /** {caught (1) or not (0), scenarios evaluated}. */
    private static int[] caught(RuleSet rules, List<Baseline> baselines, Mutation m) {
        CriterionDefinition c = m.criterion();
        Evaluator forced = Evaluator.forcing(rules, new CriterionOverride(c.regime(), c.rule(), m.forced()));
        int ran = 0;
        for (Baseline b : baselines) {
            if (!b.regime().equals(c.regime())) continue;
            Set<Status> recorded = b.statusesByRule().get(c.rule());
            if (recorded == null || recorded.equals(EnumSet.of(m.forced()))) continue; // forcing changes nothing here
            ran++;
            try {
                if (!ScenarioRunner.verdict(b.scenario(), forced.evaluate(rules, b.scenario().doc())).passed()) return new int[]{1, ran};
            } catch (RuntimeException e) {
                return new int[]{1, ran}; // the forced rules cannot even answer: noticed
            }
        }
        return new int[]{0, ran};
    }
}
