package vn.laurel.engine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.caseformat.FactCodes;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.CriterionOutcome;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetException;
import vn.laurel.engine.ruleset.RuleSetLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./laurel evaluate}: decide one case document and explain every criterion. */
@Command(name = "evaluate", description = "Decide a case document (JSON or YAML) and explain every criterion.",
        exitCodeListHeading = Cli.EXIT_CODES_HEADING,
        exitCodeList = {"0:decided (whatever the outcome)",
                "1:problems in the rules or in the case document (each named)",
                "2:usage error, or a case file that cannot be read"})
public final class EvaluateCommand implements Callable<Integer> {
    /** The language of the explanations. */
    public enum Lang { vi, en }

    @Spec
    CommandSpec spec;

    @Mixin
    Cli.Help help;

    @Parameters(arity = "0..1", paramLabel = "CASE_FILE", description = "The case document.")
    Path caseFile;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "The rules directory (default: ${DEFAULT-VALUE}).")
    Path rulesDir;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "text (default) or json.")
    CheckCommand.Format format;

    @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi", description = "The language of the explanations (default: ${DEFAULT-VALUE}).")
    Lang lang;

    private final PrintStream out;
    private final PrintStream err;

    public EvaluateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (caseFile == null) throw new ParameterException(spec.commandLine(), "evaluate needs a case file");
        RuleSet rules;
        try {
            rules = RuleSetLoader.load(rulesDir);
        } catch (RuleSetException e) {
            e.getProblems().forEach(err::println);
            return Cli.FAILED;
        }
        EvaluationResult result;
        try {
            var doc = CaseReader.read(Files.readString(caseFile));
            FactCodes.require(rules, doc); // a misspelt code would otherwise count for nothing, silently
            result = new Evaluator(() -> rules).evaluate(doc);
        } catch (CaseFormatException e) {
            e.getErrors().forEach(f -> err.println(caseFile + ": " + f));
            return Cli.FAILED;
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + caseFile + ": " + e.getMessage());
        }
        if (format == CheckCommand.Format.json) {
            out.println(Json.writePretty(result));
            return Cli.OK;
        }
        String lang = this.lang.name();
        out.println(result.subjectId() + " · " + result.year() + " · " + result.regime() + " · " + result.rulesetVersion());
        for (AwardResult a : result.results()) {
            out.println(a.award() + " (" + a.name().in(lang) + "): " + a.outcome());
            for (CriterionOutcome c : a.criteria()) {
                out.println("  [" + c.status() + "] " + c.explanation().in(lang) + "  — " + c.legalBasis().in(lang));
            }
            a.notes().forEach(n -> out.println("  " + n.in(lang)));
        }
        return Cli.OK;
    }
}
