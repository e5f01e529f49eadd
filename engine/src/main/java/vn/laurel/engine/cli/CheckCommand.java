package vn.laurel.engine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.ruleset.RuleProblem;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetException;
import vn.laurel.engine.ruleset.RuleSetLoader;
import vn.laurel.engine.scenario.ScenarioReport;
import vn.laurel.engine.scenario.ScenarioResult;
import vn.laurel.engine.scenario.ScenarioRunner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./laurel check}: compile and check the rules, then run the scenarios. */
@Command(name = "check", description = "Compile and check every rule and parameter file, then run the scenarios.",
        exitCodeListHeading = Cli.EXIT_CODES_HEADING,
        exitCodeList = {"0:the rules load and every scenario passes",
                "1:problems in the rules (file:line:column) or a failed scenario",
                "2:usage error"})
public final class CheckCommand implements Callable<Integer> {
    /** How a command prints its answer. */
    public enum Format { text, json }

    @Mixin
    Cli.Help help;

    @Parameters(arity = "0..1", paramLabel = "RULES_DIR", defaultValue = "rules", description = "The rules directory (default: ${DEFAULT-VALUE}).")
    Path rulesDir;

    @Option(names = "--scenarios", paramLabel = "DIR", description = "The scenarios (default: examples/scenarios beside the rules directory).")
    Path scenarios;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "text (default) or json.")
    Format format;

    private final PrintStream out;

    public CheckCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        Path scenarios = this.scenarios != null ? this.scenarios : rulesDir.toAbsolutePath().getParent().resolve("examples/scenarios");
        boolean json = format == Format.json;
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
            return Cli.FAILED;
        }
        ScenarioReport report = ScenarioRunner.run(rules, scenarios);
        if (json) {
            List<Map<String, String>> problems = report.folderProblem() == null ? List.of()
                    : List.of(Map.of("file", scenarios.toString(), "message", report.folderProblem()));
            out.println(Json.writePretty(Map.of("ok", report.passed(), "rulesetVersion", rules.version(),
                    "problems", problems, "scenarios", report.results(), "rulesNeverFired", report.rulesNeverFired())));
            return report.passed() ? Cli.OK : Cli.FAILED;
        }
        out.println("Rules compiled: " + rules.files().size() + " files, version " + rules.version());
        if (report.folderProblem() != null) {
            out.println("FAIL  " + report.folderProblem() + " (--scenarios DIR names another folder)");
            return Cli.FAILED;
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
        return report.passed() ? Cli.OK : Cli.FAILED;
    }
}
