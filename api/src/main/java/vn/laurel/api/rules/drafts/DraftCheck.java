package vn.laurel.api.rules.drafts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import vn.laurel.api.problem.RuleError;
import vn.laurel.api.rules.RuleSetService;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.engine.ruleset.RuleProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.*;

/**
 * What the last check of a draft's files found, as kept on the draft: the rule problems located by
 * the draft's own paths (file:line:column) and the scenario results. Stored as JSON so the draft
 * answers with its check without compiling again.
 */
public record DraftCheck(boolean passed, String rulesVersion, List<Problem> problems, int scenarios, int scenarioFailures,
                         List<FieldError> failures, long compileMs, long scenarioMs, Instant checkedAt) {

    public record Problem(String file, int line, int column, String severity, String message, String location) {}

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public static DraftCheck of(RuleSetService.CheckResult result, RuleBundle bundle) {
        List<Problem> problems = result.problems().stream().map(p -> located(p, bundle)).toList();
        return new DraftCheck(result.passed(), result.rulesVersion(), problems, result.scenarios(), result.scenarioFailures(),
                List.copyOf(result.failures()), result.compileMs(), result.scenarioMs(), Instant.now());
    }

    /** A check that could not run at all: the draft does not pass, and says why. */
    public static DraftCheck failed(RuleBundle bundle, String why) {
        return failed(bundle, null, why);
    }

    /** As above, blaming a file when one is known (the file just saved), else "(check)". */
    public static DraftCheck failed(RuleBundle bundle, String file, String why) {
        String f = file == null ? "(check)" : file;
        return new DraftCheck(false, bundle.rulesVersion(), List.of(new Problem(f, 0, 0, "ERROR", why, f + ":0:0")),
                0, 0, List.of(), 0, 0, Instant.now());
    }

    /** The engine names a file by its place in the rules directory; a draft names it with its rules/ prefix. */
    private static Problem located(RuleProblem p, RuleBundle bundle) {
        String file = p.file() != null && bundle.files().containsKey(RuleBundle.RULES + p.file()) ? RuleBundle.RULES + p.file() : p.file();
        return new Problem(file, p.line(), p.column(), p.severity().name(), p.message(), file + ":" + p.line() + ":" + p.column());
    }

    /** Every problem and failing scenario, each naming its file as the field: the errors of a refusal. */
    public List<Object> errors() {
        List<Object> errors = new ArrayList<>();
        for (Problem p : problems) {
            // Its location is file:line:column (as located() and failed() make it), as the refusal of rules that do not load says it.
            if ("ERROR".equals(p.severity())) errors.add(RuleError.of(p.file(), p.line(), p.column(), p.message()));
        }
        errors.addAll(failures);
        return errors;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DraftCheck fromJson(String json) {
        try {
            return JSON.readValue(json, DraftCheck.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
