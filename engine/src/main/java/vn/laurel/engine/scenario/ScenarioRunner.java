package vn.laurel.engine.scenario;

import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.concurrent.Parallel;
import vn.laurel.engine.criteria.Status;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.evaluation.Outcome;
import vn.laurel.engine.model.Expectation;
import vn.laurel.engine.evaluation.FiredRule;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.ruleset.CompiledRegime;
import vn.laurel.engine.ruleset.RuleSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Runs scenario files — case documents with a sentence-style {@code name} and an {@code expect}
 * map of award to outcome — against a rule set, and reports which rules no scenario fired.
 */
public final class ScenarioRunner {
    private ScenarioRunner() {}

    public static List<Path> scenarioFiles(Path directory) {
        if (!Files.isDirectory(directory)) return List.of();
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every scenario, one per core at a time (a reload waits for them); results come in file order. */
    public static ScenarioReport run(RuleSet rules, Path directory) {
        Evaluator evaluator = new Evaluator(() -> rules);
        Set<String> fired = ConcurrentHashMap.newKeySet();
        List<ScenarioResult> results = Parallel.map("laurel-scenarios", scenarioFiles(directory), file ->
                runOne(evaluator, rules, directory.relativize(file).toString().replace('\\', '/'), file, fired));
        List<String> neverFired = new ArrayList<>();
        for (CompiledRegime regime : rules.compiled().values()) {
            for (CriterionDefinition c : regime.criteria()) {
                if (!fired.contains(regime.regime().code() + "\u0000" + c.rule())) {
                    neverFired.add(regime.regime().code() + ": " + c.file() + ":" + c.line() + " \"" + c.rule() + "\"");
                }
            }
        }
        return new ScenarioReport(results, neverFired);
    }

    /**
     * When the scenario names the deciding criteria ({@code because}), the criteria whose status decides
     * the outcome (NOT_MET for NOT_ELIGIBLE, NEEDS_REVIEW for NEEDS_REVIEW) must be exactly those:
     * null when they are, else the criteria that actually decided. A right outcome for another
     * reason fails the scenario.
     */
    static String decidedBy(AwardResult actual, List<String> because) {
        if (because.isEmpty()) return null;
        Status deciding = actual.outcome() == Outcome.NOT_ELIGIBLE ? Status.NOT_MET
                : actual.outcome() == Outcome.NEEDS_REVIEW ? Status.NEEDS_REVIEW : null;
        Set<String> decided = new TreeSet<>();
        if (deciding != null) actual.criteria().stream().filter(c -> c.status() == deciding).forEach(c -> decided.add(c.criterion()));
        return decided.equals(new TreeSet<>(because)) ? null : decided.toString();
    }

    private static ScenarioResult runOne(Evaluator evaluator, RuleSet rules, String relative, Path file, Set<String> fired) {
        CaseDocument doc;
        try {
            doc = CaseReader.read(Files.readString(file));
        } catch (CaseFormatException e) {
            return new ScenarioResult(relative, relative, false, List.of(), "invalid case document: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = doc.name() == null ? relative : doc.name();
        if (doc.expect().isEmpty()) {
            return new ScenarioResult(relative, name, false, List.of(), "the scenario has no 'expect' section");
        }
        EvaluationResult result;
        try {
            result = evaluator.evaluate(rules, doc);
        } catch (CaseFormatException e) {
            return new ScenarioResult(relative, name, false, List.of(), "cannot evaluate: " + e.getMessage());
        }
        for (FiredRule f : result.firedRules()) fired.add(result.regime() + "\u0000" + f.rule());

        List<ScenarioResult.Mismatch> mismatches = new ArrayList<>();
        for (Map.Entry<String, Expectation> e : doc.expect().entrySet()) {
            Optional<AwardResult> actual = result.results().stream().filter(r -> r.award().equals(e.getKey())).findFirst();
            String outcome = actual.map(a -> a.outcome().name()).orElse("(not evaluated)");
            String expected = e.getValue().outcome();
            List<String> because = e.getValue().because();
            String decidedBy = actual.map(a -> decidedBy(a, because)).orElse(null);
            if (!outcome.equals(expected) || decidedBy != null) {
                List<String> deciding = actual.map(a -> a.criteria().stream()
                        .filter(c -> c.status() != Status.MET)
                        .map(c -> c.criterion() + " " + c.status() + ": " + c.explanation().en())
                        .toList()).orElse(List.of());
                String shown = because.isEmpty() ? expected : expected + " because " + because;
                String got = decidedBy == null || !outcome.equals(expected) ? outcome : outcome + " because " + decidedBy;
                mismatches.add(new ScenarioResult.Mismatch(e.getKey(), shown, got, deciding));
            }
        }
        return new ScenarioResult(relative, name, mismatches.isEmpty(), mismatches, null);
    }
}
