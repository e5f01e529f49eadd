package vn.laurel.engine.scenario;

import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.caseformat.FactCodes;
import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.concurrent.Parallel;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.CriterionOutcome;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.evaluation.FiredRule;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Expectation;
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
 *
 * <p>A NOT_ELIGIBLE or NEEDS_REVIEW expectation names the criteria that decide it ({@code because}):
 * the scenario fails when the outcome is right for another reason, so that a criterion broken to
 * always MET cannot hide behind another criterion that happens to fail in the same case.
 */
public final class ScenarioRunner {
    private ScenarioRunner() {}

    /** A scenario file read and checked against the rule set's codes: its document, or why it has none. */
    public record Scenario(String file, CaseDocument doc, String error) {
        public String name() { return doc == null || doc.name() == null ? file : doc.name(); }
    }

    public static List<Path> scenarioFiles(Path directory) {
        if (!Files.isDirectory(directory)) return List.of();
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why a folder cannot serve as a rule set's scenarios, or null when it can. */
    public static String folderProblem(Path directory) {
        if (!Files.isDirectory(directory)) {
            return "the scenario folder " + directory + " does not exist: rules are checked against the scenarios that prove them";
        }
        if (scenarioFiles(directory).isEmpty()) {
            return "the scenario folder " + directory + " holds no scenario (*.yaml, *.yml, *.json): rules are checked against the scenarios that prove them";
        }
        return null;
    }

    /** Reads every scenario file of the folder, in file order. */
    public static List<Scenario> load(RuleSet rules, Path directory) {
        return Parallel.map("laurel-scenarios", scenarioFiles(directory), file ->
                read(rules, directory.relativize(file).toString().replace('\\', '/'), file));
    }

    private static Scenario read(RuleSet rules, String relative, Path file) {
        CaseDocument doc;
        try {
            doc = CaseReader.read(Files.readString(file));
            FactCodes.require(rules, doc);
        } catch (CaseFormatException e) {
            return new Scenario(relative, null, "invalid case document: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (doc.expect().isEmpty()) return new Scenario(relative, doc, "the scenario has no 'expect' section");
        return new Scenario(relative, doc, null);
    }

    /** Runs every scenario, one per core at a time (a reload waits for them); results come in file order. */
    public static ScenarioReport run(RuleSet rules, Path directory) {
        String problem = folderProblem(directory);
        if (problem != null) return new ScenarioReport(List.of(), List.of(), problem);
        Evaluator evaluator = new Evaluator(() -> rules);
        Set<String> fired = ConcurrentHashMap.newKeySet();
        List<ScenarioResult> results = Parallel.map("laurel-scenarios", load(rules, directory), s -> {
            if (s.error() != null) return new ScenarioResult(s.file(), s.name(), false, List.of(), s.error());
            EvaluationResult result;
            try {
                result = evaluator.evaluate(rules, s.doc());
            } catch (CaseFormatException e) {
                return new ScenarioResult(s.file(), s.name(), false, List.of(), "cannot evaluate: " + e.getMessage());
            }
            for (FiredRule f : result.firedRules()) fired.add(result.regime() + "\u0000" + f.rule());
            return verdict(s, result);
        });
        List<String> neverFired = new ArrayList<>();
        for (CompiledRegime regime : rules.compiled().values()) {
            for (CriterionDefinition c : regime.criteria()) {
                if (!fired.contains(regime.regime().code() + "\u0000" + c.rule())) {
                    neverFired.add(regime.regime().code() + ": " + c.file() + ":" + c.line() + " \"" + c.rule() + "\"");
                }
            }
        }
        return new ScenarioReport(results, neverFired, null);
    }

    /** A scenario's verdict on an answer: for each award expected, the outcome and the criteria that decide it. */
    public static ScenarioResult verdict(Scenario s, EvaluationResult result) {
        List<ScenarioResult.Mismatch> mismatches = new ArrayList<>();
        for (Map.Entry<String, Expectation> e : s.doc().expect().entrySet()) {
            Expectation expected = e.getValue();
            Optional<AwardResult> actual = result.results().stream().filter(r -> r.award().equals(e.getKey())).findFirst();
            String outcome = actual.map(a -> a.outcome().name()).orElse("(not evaluated)");
            List<String> deciding = actual.map(ScenarioRunner::decidingCriteria).orElse(List.of());
            boolean sameOutcome = outcome.equals(expected.outcome());
            boolean named = !decides(expected.outcome()) || !expected.because().isEmpty();
            boolean sameReason = new TreeSet<>(expected.because()).equals(new TreeSet<>(deciding));
            if (sameOutcome && (!decides(outcome) || (named && sameReason))) continue;
            List<String> explained = actual.map(a -> a.criteria().stream()
                    .filter(c -> c.status() != Status.MET)
                    .map(c -> c.criterion() + " " + c.status() + ": " + c.explanation().en())
                    .toList()).orElse(List.of());
            String want = expected.outcome() + (!decides(expected.outcome()) ? ""
                    : named ? " because " + expected.because() : " (its deciding criteria are not named: add because: [...])");
            String got = outcome + (decides(outcome) ? " because " + deciding : "");
            mismatches.add(new ScenarioResult.Mismatch(e.getKey(), want, got, explained));
        }
        return new ScenarioResult(s.file(), s.name(), mismatches.isEmpty(), mismatches, null);
    }

    /**
     * The criteria that decide an award's outcome: those NOT_MET for NOT_ELIGIBLE, those that need
     * review for NEEDS_REVIEW; none for the other outcomes. Sorted, each named once.
     */
    public static List<String> decidingCriteria(AwardResult award) {
        Status deciding = switch (award.outcome()) {
            case NOT_ELIGIBLE -> Status.NOT_MET;
            case NEEDS_REVIEW -> Status.NEEDS_REVIEW;
            default -> null;
        };
        if (deciding == null) return List.of();
        Set<String> names = new TreeSet<>();
        for (CriterionOutcome c : award.criteria()) if (c.status() == deciding) names.add(c.criterion());
        return List.copyOf(names);
    }

    private static boolean decides(String outcome) {
        return Outcome.NOT_ELIGIBLE.name().equals(outcome) || Outcome.NEEDS_REVIEW.name().equals(outcome);
    }
}
