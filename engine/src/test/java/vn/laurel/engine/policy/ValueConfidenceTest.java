package vn.laurel.engine.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.RepoPaths;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.ruleset.RuleProblem;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetException;
import vn.laurel.engine.ruleset.RuleSetLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A value's own confidence (a new value less certain than the parameter's older ones) reaches the answer. */
class ValueConfidenceTest {
    private static final String NEW_VALUE = "      value: 6\n    - from: 2026-01-01\n      value: 7\n"
            + "      reference: a circular not yet read (test)\n      confidence: %s\n";

    private static Path withNewValue(Path dir, String confidence) throws IOException {
        Path copy = RepoPaths.copyOfRules(dir);
        Path params = copy.resolve("parameters/advanced-laborer.yaml");
        Files.writeString(params, Files.readString(params).replace("      value: 6\n", NEW_VALUE.formatted(confidence)));
        return copy;
    }

    @Test
    void a_value_marked_unconfirmed_makes_the_answers_parameter_use_unconfirmed(@TempDir Path dir) throws IOException {
        RuleSet rules = RuleSetLoader.load(withNewValue(dir, "UNCONFIRMED"));
        var answer = new Evaluator(() -> rules).evaluate(CaseReader.read("""
                asOf: 2027-01-15
                year: 2026
                awards: [ADVANCED_LABORER]
                subject: { id: P-1, kind: PERSON, hiredOn: 2026-03-01, ratings: [ { year: 2026, rating: GOOD } ] }
                """));
        ParameterUse used = answer.parameters().stream()
                .filter(p -> p.name().equals("advanced_laborer.min_service_months")).findFirst().orElseThrow();
        assertThat(used.value()).isEqualTo(7);
        assertThat(used.confidence()).isEqualTo("UNCONFIRMED");
        // The older values keep the parameter's confidence.
        ParameterUse before = rules.parameters().get("advanced_laborer.min_service_months")
                .resolve(LocalDate.of(2025, 1, 15), null).orElseThrow();
        assertThat(before.value()).isEqualTo(6);
        assertThat(before.confidence()).isEqualTo("VERIFIED");
    }

    @Test
    void an_unknown_confidence_word_is_a_load_problem_naming_the_file_and_parameter(@TempDir Path dir) throws IOException {
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(withNewValue(dir, "PROBABLY")));
        assertThat(e.getProblems()).extracting(RuleProblem::file).contains("parameters/advanced-laborer.yaml");
        assertThat(e.getProblems()).extracting(RuleProblem::message).anySatisfy(m -> assertThat(m)
                .contains("advanced_laborer.min_service_months", "PROBABLY", "UNCONFIRMED"));
    }

    @Test
    void the_constructors_without_a_confidence_take_the_parameters() {
        var v = new ParameterValue(LocalDate.of(2024, 1, 1), 6, "ref", null, null);
        assertThat(v.confidence()).isNull();
        var p = new Parameter("x", null, "months", "RECALLED", "parameters/x.yaml", java.util.List.of(v));
        assertThat(p.resolve(LocalDate.of(2025, 1, 1), null).orElseThrow().confidence()).isEqualTo("RECALLED");
    }
}
