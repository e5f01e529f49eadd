package vn.laurel.engine.cli;

import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.caseformat.FactCodes;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.CriterionOutcome;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.ruleset.RuleProblem;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetException;
import vn.laurel.engine.ruleset.RuleSetLoader;
import vn.laurel.engine.scenario.ScenarioReport;
import vn.laurel.engine.scenario.ScenarioResult;
import vn.laurel.engine.scenario.ScenarioRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * The command line behind {@code ./laurel check} and {@code ./laurel evaluate}: the same engine as
 * the service, without a server or a database.
 */
public final class Main {
    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Main(out, err).run(args));
    }

    int run(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String command = rest.isEmpty() ? "help" : rest.remove(0);
        Map<String, String> options = options(rest);
        try {
            return switch (command) {
                case "check" -> check(rest, options);
                case "evaluate" -> evaluate(rest, options);
                default -> usage();
            };
        } catch (IllegalArgumentException e) {
            err.println("laurel: " + e.getMessage());
            return 2;
        }
    }

    private int usage() {
        err.println("""
                usage:
                  laurel check [RULES_DIR] [--scenarios DIR] [--format text|json]
                      compile and check every rule and parameter file, then run the scenarios
                  laurel evaluate CASE_FILE [--rules DIR] [--format text|json] [--lang vi|en]
                      decide a case document (JSON or YAML) and explain every criterion""");
        return 2;
    }

    private int check(List<String> args, Map<String, String> options) {
        Path rulesDir = Path.of(args.isEmpty() ? "rules" : args.get(0));
        Path scenarios = Path.of(options.getOrDefault("scenarios",
                rulesDir.toAbsolutePath().getParent().resolve("examples/scenarios").toString()));
        boolean json = "json".equals(options.get("format"));
        RuleSet rules;
        try {
            rules = RuleSetLoader.load(rulesDir);
        } catch (RuleSetException e) {
            if (json) {
                out.println(Json.writePretty(Map.of("ok", false, "problems", e.getProblems())));
            } else {
                out.println("Problems in " + rulesDir + " (file:line:column), all of them:");
                for (RuleProblem p : e.getProblems()) out.println(p);
                out.println(e.getProblems().size() + " problem(s) in " + rulesDir + "; the rules were not loaded."
                        + " Fix them and run the check again; the scenarios run once the rules load.");
            }
            return 1;
        }
        ScenarioReport report = ScenarioRunner.run(rules, scenarios);
        if (json) {
            List<Map<String, String>> problems = report.folderProblem() == null ? List.of()
                    : List.of(Map.of("file", scenarios.toString(), "message", report.folderProblem()));
            out.println(Json.writePretty(Map.of("ok", report.passed(), "rulesetVersion", rules.version(),
                    "problems", problems, "scenarios", report.results(), "rulesNeverFired", report.rulesNeverFired())));
            return report.passed() ? 0 : 1;
        }
        out.println("Rules compiled: " + rules.files().size() + " files, version " + rules.version());
        if (report.folderProblem() != null) {
            out.println("FAIL  " + report.folderProblem() + " (--scenarios DIR names another folder)");
            return 1;
        }
        for (ScenarioResult r : report.results()) {
            out.println((r.passed() ? "PASS  " : "FAIL  ") + r.name() + "  (" + r.file() + ")");
            if (r.error() != null) out.println("      " + r.error());
            for (ScenarioResult.Mismatch m : r.mismatches()) {
                out.println("      " + m.award() + ": expected " + m.expected() + ", got " + m.actual());
                m.decidingCriteria().forEach(c -> out.println("        because " + c));
            }
        }
        out.println(report.results().size() - report.failures() + " passed, " + report.failures() + " failed"
                + (report.passed() ? "" : ": a failed scenario means the rules now decide that case differently than its file expects"));
        if (!report.rulesNeverFired().isEmpty()) {
            out.println("Rules that no scenario fires (" + report.rulesNeverFired().size()
                    + "; untested until a scenario reaches them):");
            report.rulesNeverFired().forEach(r -> out.println("  " + r));
        }
        return report.passed() ? 0 : 1;
    }

    private int evaluate(List<String> args, Map<String, String> options) {
        if (args.isEmpty()) throw new IllegalArgumentException("evaluate needs a case file");
        Path caseFile = Path.of(args.get(0));
        RuleSet rules;
        try {
            rules = RuleSetLoader.load(Path.of(options.getOrDefault("rules", "rules")));
        } catch (RuleSetException e) {
            e.getProblems().forEach(err::println);
            return 1;
        }
        EvaluationResult result;
        try {
            var doc = CaseReader.read(Files.readString(caseFile));
            FactCodes.require(rules, doc); // a misspelt code would otherwise count for nothing, silently
            result = new Evaluator(() -> rules).evaluate(doc);
        } catch (CaseFormatException e) {
            e.getErrors().forEach(f -> err.println(caseFile + ": " + f));
            return 1;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + caseFile + ": " + e.getMessage());
        }
        if ("json".equals(options.get("format"))) {
            out.println(Json.writePretty(result));
            return 0;
        }
        String lang = options.getOrDefault("lang", "vi");
        out.println(result.subjectId() + " · " + result.year() + " · " + result.regime() + " · " + result.rulesetVersion());
        for (AwardResult a : result.results()) {
            out.println(a.award() + " (" + a.name().in(lang) + "): " + a.outcome());
            for (CriterionOutcome c : a.criteria()) {
                out.println("  [" + c.status() + "] " + c.explanation().in(lang) + "  — " + c.legalBasis().in(lang));
            }
            a.notes().forEach(n -> out.println("  " + n.in(lang)));
        }
        return 0;
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (Iterator<String> it = args.iterator(); it.hasNext(); ) {
            String a = it.next();
            if (a.startsWith("--")) {
                it.remove();
                if (!it.hasNext()) throw new IllegalArgumentException("option " + a + " needs a value");
                options.put(a.substring(2), it.next());
                it.remove();
            }
        }
        return options;
    }
}
