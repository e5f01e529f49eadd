package vn.laurel.api.workbench.scenarios;

import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.concurrent.Parallel;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.CriterionOutcome;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.model.Expectation;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.scenario.ScenarioResult;
import vn.laurel.engine.scenario.ScenarioRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs scenarios one by one against a draft's rules and keeps what the results page shows: for each
 * expected award the outcome expected and the one given, the deciding criteria, and every criterion
 * not met with its sentence. The verdict is the engine's own ({@link ScenarioRunner#verdict}), so a
 * scenario passes here exactly when it passes in the draft's check.
 */
public final class ScenarioExecution {
    private ScenarioExecution() {}

    /** A criterion that is not MET, with its sentence in the page's language. */
    public record Unmet(String criterion, String status, String explanation) {}

    /** One expected award: expected outcome (and criteria), actual outcome (and criteria), the criteria not met. */
    public record AwardLine(String award, String expected, List<String> expectedBecause, String actual, List<String> deciding,
                            boolean passed, List<Unmet> unmet) {}

    /** One scenario run: its verdict, the mismatch sentences, an error that kept it from running. */
    public record Outcome(String file, String name, boolean passed, String error, List<ScenarioResult.Mismatch> mismatches, List<AwardLine> awards) {}

    public static List<Outcome> run(RuleSet rules, List<ScenarioRunner.Scenario> scenarios, String lang) {
        Evaluator evaluator = new Evaluator(() -> rules);
        return Parallel.map("laurel-workbench-scenarios", scenarios, s -> run(evaluator, rules, s, lang));
    }

    public static Outcome run(Evaluator evaluator, RuleSet rules, ScenarioRunner.Scenario s, String lang) {
        String file = "scenarios/" + s.file();
        if (s.error() != null) return new Outcome(file, s.name(), false, s.error(), List.of(), List.of());
        EvaluationResult result;
        try {
            result = evaluator.evaluate(rules, s.doc());
        } catch (CaseFormatException e) {
            return new Outcome(file, s.name(), false, "cannot evaluate: " + e.getMessage(), List.of(), List.of());
        }
        ScenarioResult verdict = ScenarioRunner.verdict(s, result);
        List<ScenarioResult.Mismatch> mismatches = verdict.mismatches();
        List<AwardLine> lines = new ArrayList<>();
        for (Map.Entry<String, Expectation> e : s.doc().expect().entrySet()) {
            AwardResult a = result.results().stream().filter(r -> r.award().equals(e.getKey())).findFirst().orElse(null);
            boolean passed = verdict.mismatches().stream().noneMatch(m -> m.award().equals(e.getKey()));
            List<Unmet> unmet = new ArrayList<>();
            if (a != null) {
                for (CriterionOutcome c : a.criteria()) {
                    if (c.status() != Status.MET) unmet.add(new Unmet(c.criterion(), c.status().name(), c.explanation().in(lang)));
                }
            }
            lines.add(new AwardLine(e.getKey(), e.getValue() == null ? "" : e.getValue().outcome(),
                    e.getValue() == null ? List.of() : e.getValue().because(),
                    a == null ? "" : a.outcome().name(), a == null ? List.of() : ScenarioRunner.decidingCriteria(a), passed, unmet));
        }
        return new Outcome(file, s.name(), verdict.passed(), null, mismatches, lines);
    }
}
