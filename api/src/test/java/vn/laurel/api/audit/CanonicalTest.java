package vn.laurel.api.audit;

import org.junit.jupiter.api.Test;
import vn.laurel.api.ThrowawayPostgres;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;
import vn.laurel.engine.scenario.ScenarioRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision is stored and hashed from one canonical serialisation of its answer; verification later
 * canonicalises the text the database gives back. The two must agree for every answer Laurel gives.
 */
class CanonicalTest {
    @Test
    void every_scenario_s_answer_written_canonically_is_what_canonicalising_its_ordinary_json_gives() throws Exception {
        RuleSet rules = RuleSetLoader.load(ThrowawayPostgres.repoRoot().resolve("rules"));
        Evaluator evaluator = new Evaluator(() -> rules);
        List<Path> files = ScenarioRunner.scenarioFiles(ThrowawayPostgres.repoRoot().resolve("examples/scenarios"));
        assertThat(files).hasSizeGreaterThan(100);
        for (Path file : files) {
            EvaluationResult result = evaluator.evaluate(rules, CaseReader.read(Files.readString(file)));
            String direct = Canonical.write(result);
            assertThat(direct).as(file.toString()).isEqualTo(Canonical.json(Json.write(result)));
            assertThat(Canonical.json(direct)).as(file.toString()).isEqualTo(direct);
        }
    }

    @Test
    void numbers_keep_the_spelling_a_decimal_reading_gives_them() {
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("share", 0.15);
        value.put("tiny", 1.0E-4);
        value.put("whole", 3.0);
        value.put("huge", 1.5E20);
        value.put("count", 7);
        value.put("b", "z");
        value.put("a", "\"quoted\" ✓ Sở");
        String direct = Canonical.write(value);
        assertThat(direct).isEqualTo(Canonical.json(Json.write(value)));
        assertThat(direct).startsWith("{\"a\":").contains("\"tiny\":0.00010").contains("\"share\":0.15");
    }
}
