package vn.laurel.api.workbench.scenarios;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.laurel.api.ThrowawayPostgres;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;
import vn.laurel.engine.scenario.ScenarioRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form and the YAML it writes, on the real example scenarios: a scenario read into the form and
 * written back is the same document (same expectations) and evaluates the same under the rules; one
 * the form cannot hold whole (a unit's members…) is recognised as such, never written back smaller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbenchScenarioFormTest {
    static final Path EXAMPLES = ThrowawayPostgres.repoRoot().resolve("examples/scenarios");
    RuleSet rules;

    @BeforeAll
    void load() {
        rules = RuleSetLoader.load(ThrowawayPostgres.repoRoot().resolve("rules"));
    }

    static List<Path> files() throws Exception {
        try (Stream<Path> s = Files.walk(EXAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void every_example_the_form_holds_is_written_back_as_the_same_scenario_with_the_same_outcome() throws Exception {
        Evaluator evaluator = new Evaluator(() -> rules);
        int held = 0, notHeld = 0;
        List<String> wrong = new ArrayList<>();
        for (Path file : files()) {
            String text = Files.readString(file);
            CaseDocument doc = CaseReader.read(text);
            ScenarioForm form = ScenarioForm.of(doc);
            String yaml = ScenarioYaml.write(form, ScenarioYaml.header(text));
            CaseDocument back = CaseReader.read(yaml);
            if (!ScenarioForm.represents(doc, back)) {
                notHeld++;
                // what the form cannot hold is something it does not model, never a fact it shows
                boolean unmodelled = !doc.members().isEmpty() || doc.organisation() != null
                        || !doc.subject().memberAggregates().isEmpty() || !doc.subject().clusterRankings().isEmpty()
                        // issue 21's facts: written as text, not held by the form
                        || !doc.subject().contributions().isEmpty() || !doc.subject().campaignResults().isEmpty()
                        || !doc.subject().predecessors().isEmpty() || !doc.subject().events().isEmpty()
                        || doc.subject().establishedOn() != null
                        || text.contains("id:") && text.matches("(?s).*\\{[^}]*\\bid:.*") || text.contains("revoked") || text.contains("source");
                if (!unmodelled) wrong.add(file + ": not held, but nothing unmodelled found\n" + yaml);
                continue;
            }
            held++;
            assertThat(back.expect()).as(file.toString()).isEqualTo(doc.expect());
            if (file.getParent().getFileName().toString().equals("advanced-laborer")) {
                EvaluationResult a = evaluator.evaluate(rules, doc), b = evaluator.evaluate(rules, back);
                assertThat(outcomes(b)).as(file.toString()).isEqualTo(outcomes(a));
                var s1 = ScenarioRunner.verdict(new ScenarioRunner.Scenario("x", doc, null), a);
                var s2 = ScenarioRunner.verdict(new ScenarioRunner.Scenario("x", back, null), b);
                assertThat(s2.passed()).as(file.toString()).isEqualTo(s1.passed());
            }
            // the comment block above the scenario is kept
            if (text.startsWith("#")) assertThat(yaml).startsWith(text.substring(0, text.indexOf('\n')));
        }
        assertThat(wrong).isEmpty();
        assertThat(held).as("examples the form holds").isGreaterThan(200);
        System.out.println("form round trip: " + held + " held, " + notHeld + " read-only");
    }

    static Map<String, String> outcomes(EvaluationResult r) {
        Map<String, String> m = new LinkedHashMap<>();
        r.results().forEach(a -> m.put(a.award(), a.outcome() + " " + ScenarioRunner.decidingCriteria(a)));
        return m;
    }

    @Test
    void texts_that_yaml_would_read_otherwise_are_quoted() throws Exception {
        ScenarioForm f = new ScenarioForm();
        f.name = "Tên có \"ngoặc\", dấu: và # ký hiệu\\";
        f.asOf = "2026-01-15";
        f.year = "2025";
        f.subject.put("id", "true");
        f.subject.put("kind", "PERSON");
        f.subject.put("name", "2025-01-01");
        Map<String, String> att = ScenarioForm.emptyRow(ScenarioForm.kind("attestations"));
        att.put("year", "2025");
        att.put("criterion", "EMULATION_PARTICIPATION");
        att.put("value", "true");
        att.put("attestedBy", "Hội đồng, {TĐKT}: [x]");
        f.facts.get("attestations").add(att);
        ScenarioForm.Expect e = new ScenarioForm.Expect();
        e.outcome = "ELIGIBLE";
        f.expect.put("ADVANCED_LABORER", e);
        CaseDocument doc = CaseReader.read(ScenarioYaml.write(f, ""));
        assertThat(doc.name()).isEqualTo(f.name);
        assertThat(doc.subject().id()).isEqualTo("true");
        assertThat(doc.subject().name()).isEqualTo("2025-01-01");
        assertThat(doc.subject().attestations().get(0).attestedBy()).isEqualTo("Hội đồng, {TĐKT}: [x]");
        assertThat(ScenarioForm.represents(doc, CaseReader.read(ScenarioYaml.write(ScenarioForm.of(doc), "")))).isTrue();
    }

    @Test
    void the_form_checks_name_dates_and_the_deciding_criteria() {
        ScenarioForm f = new ScenarioForm();
        f.asOf = "2026-02-30";
        f.year = "20x5";
        f.subject.put("id", "P-1");
        f.subject.put("kind", "PERSON");
        ScenarioForm.Expect e = new ScenarioForm.Expect();
        e.outcome = "NOT_ELIGIBLE";
        f.expect.put("ADVANCED_LABORER", e);
        var fields = ScenarioFormInput.check(f, rules).stream().map(ScenarioFormInput.Error::field).toList();
        assertThat(fields).contains("name", "asOf", "year", "expect.ADVANCED_LABORER.because");
        assertThat(Slug.of("Người được tuyển ngày 1/7 — đủ 6 tháng")).isEqualTo("nguoi-duoc-tuyen-ngay-1-7-du-6-thang");
    }
}
