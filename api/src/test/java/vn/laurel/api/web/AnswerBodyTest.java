package vn.laurel.api.web;

import org.junit.jupiter.api.Test;
import vn.laurel.api.ThrowawayPostgres;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;
import vn.laurel.engine.scenario.ScenarioRunner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bytes an eligibility answer leaves as are the text it was written as before, in every language. */
class AnswerBodyTest {
    @Test
    void every_scenario_s_answer_as_bytes_is_its_text_in_utf8() throws Exception {
        RuleSet rules = RuleSetLoader.load(ThrowawayPostgres.repoRoot().resolve("rules"));
        Evaluator evaluator = new Evaluator(() -> rules);
        List<Path> files = ScenarioRunner.scenarioFiles(ThrowawayPostgres.repoRoot().resolve("examples/scenarios"));
        assertThat(files).hasSizeGreaterThan(100);
        long id = 0;
        for (Path file : files) {
            // Saved (an id) and not saved (null) alike.
            Long decisionId = id++ % 2 == 0 ? null : id;
            var decided = new EligibilityService.Decided(decisionId, evaluator.evaluate(rules, CaseReader.read(Files.readString(file))));
            for (String language : List.of("vi", "en", "both")) {
                assertThat(new String(AnswerBody.of(decided, language), StandardCharsets.UTF_8)).as(file + " " + language)
                        .isEqualTo(decided.json(language));
            }
        }
    }
}
