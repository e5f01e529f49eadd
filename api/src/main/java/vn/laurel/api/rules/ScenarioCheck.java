package vn.laurel.api.rules;

import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.ruleset.RuleArchive;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.scenario.ScenarioReport;
import vn.laurel.engine.scenario.ScenarioResult;
import vn.laurel.engine.scenario.ScenarioRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Runs a bundle's own scenarios against rules: the scenarios travel with the rules they prove. */
public final class ScenarioCheck {
    private ScenarioCheck() {}

    /** The bundle's scenario files extracted to a temporary folder, run, and the folder removed. */
    public static ScenarioReport run(RuleSet rules, RuleBundle bundle) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("laurel-scenarios-");
            RuleArchive.unzip(bundle.scenariosZip(), dir);
            return ScenarioRunner.run(rules, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) delete(dir);
        }
    }

    /** Each failing scenario as its file (scenarios/…) and what went wrong. */
    public static List<FieldError> failures(ScenarioReport report) {
        List<FieldError> errors = new ArrayList<>();
        for (ScenarioResult r : report.results()) {
            if (r.passed()) continue;
            if (r.error() != null) errors.add(new FieldError("scenarios/" + r.file(), r.error()));
            for (ScenarioResult.Mismatch m : r.mismatches()) {
                errors.add(new FieldError("scenarios/" + r.file(), "\"" + r.name() + "\": " + m.award() + " expected "
                        + m.expected() + ", got " + m.actual() + (m.decidingCriteria().isEmpty() ? ""
                        : " because " + String.join("; ", m.decidingCriteria()))));
            }
        }
        return errors;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary folder left behind is removed with the system's temporary files
        }
    }
}
