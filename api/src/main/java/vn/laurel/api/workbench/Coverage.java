package vn.laurel.api.workbench;

import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Expectation;
import vn.laurel.engine.ruleset.CompiledRegime;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.scenario.ScenarioResult;
import vn.laurel.engine.scenario.ScenarioRunner;

import java.util.*;

/**
 * Which scenarios prove each criterion: a criterion is covered in a regime when a scenario appraised
 * in that regime expects the award refused or held for review naming the criterion as deciding
 * (the proof that the criterion can decide), and exercised when its rule fired in some scenario.
 * Scenarios that only expect an award ELIGIBLE count for every criterion of the award as "tested".
 */
public final class Coverage {
    /** One scenario as it bears on a criterion, with its last result. */
    public record ScenarioRef(String path, String name, boolean passed, String expected) {}

    /**
     * One criterion of an award in one regime.
     *
     * @param deciding scenarios naming it among the deciding criteria
     * @param testing  scenarios that expect the award (any outcome) in the criterion's regime
     * @param fired    whether its rule fired in at least one scenario
     */
    public record Entry(String regime, String award, CriterionDefinition criterion, List<ScenarioRef> deciding,
                        List<ScenarioRef> testing, boolean fired) {
        public boolean covered() {
            return !deciding.isEmpty();
        }
    }

    /** Per award and regime: how many criteria are covered of how many. */
    public record Summary(String regime, String award, int criteria, int covered, int fired) {}

    private final List<Entry> entries;

    private Coverage(List<Entry> entries) {
        this.entries = entries;
    }

    public static Coverage of(RuleSet rules, ScenarioRuns.Run run) {
        Map<String, ScenarioResult> results = new HashMap<>();
        for (ScenarioResult r : run.report().results()) results.put(r.file(), r);
        Set<String> neverFired = new HashSet<>(run.report().rulesNeverFired());
        List<Entry> entries = new ArrayList<>();
        for (CompiledRegime regime : rules.compiled().values()) {
            String code = regime.regime().code();
            for (CriterionDefinition c : regime.criteria()) {
                List<ScenarioRef> deciding = new ArrayList<>(), testing = new ArrayList<>();
                for (ScenarioRunner.Scenario s : run.scenarios()) {
                    CaseDocument doc = s.doc();
                    if (doc == null || doc.asOf() == null) continue;
                    if (rules.regimeOn(doc.asOf()).map(r -> !r.code().equals(code)).orElse(true)) continue;
                    Expectation e = doc.expect().get(c.award());
                    if (e == null) continue;
                    ScenarioResult r = results.get(s.file());
                    ScenarioRef ref = new ScenarioRef("scenarios/" + s.file(), s.name(), r != null && r.passed(), e.outcome());
                    testing.add(ref);
                    if (e.because().contains(c.criterion())) deciding.add(ref);
                }
                boolean fired = !neverFired.contains(code + ": " + c.file() + ":" + c.line() + " \"" + c.rule() + "\"");
                entries.add(new Entry(code, c.award(), c, List.copyOf(deciding), List.copyOf(testing), fired));
            }
        }
        return new Coverage(List.copyOf(entries));
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<Entry> of(String regime, String award) {
        return entries.stream().filter(e -> e.regime().equals(regime) && e.award().equals(award)).toList();
    }

    public Summary summary(String regime, String award) {
        List<Entry> mine = of(regime, award);
        return new Summary(regime, award, mine.size(), (int) mine.stream().filter(Entry::covered).count(),
                (int) mine.stream().filter(Entry::fired).count());
    }
}
