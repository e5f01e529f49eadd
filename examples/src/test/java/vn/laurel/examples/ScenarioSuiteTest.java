package vn.laurel.examples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.scenario.ScenarioReport;
import vn.laurel.engine.scenario.ScenarioResult;
import vn.laurel.engine.scenario.ScenarioRunner;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every scenario under examples/scenarios, run against the rules in rules/: one test per file, named by its sentence. */
class ScenarioSuiteTest {
    private static RuleSet rules;
    private static ScenarioReport report;

    static Path root() {
        String root = System.getProperty("laurel.repo.root");
        return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
    }

    @BeforeAll
    static void runAll() {
        rules = RepositoryRules.get();
        report = ScenarioRunner.run(rules, root().resolve("examples/scenarios"));
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_gets_the_outcome_it_expects() {
        assertThat(report.results()).as("scenario files found").isNotEmpty();
        return report.results().stream().map(r -> DynamicTest.dynamicTest(r.name() + " [" + r.file() + "]",
                () -> assertThat(r.passed()).as(describe(r)).isTrue()));
    }

    @Test
    void every_rule_fires_in_at_least_one_scenario() {
        assertThat(report.rulesNeverFired()).as("rules that no scenario fires").isEmpty();
    }

    private static String describe(ScenarioResult r) {
        if (r.error() != null) return r.error();
        StringBuilder sb = new StringBuilder();
        for (ScenarioResult.Mismatch m : r.mismatches()) {
            sb.append(m.award()).append(": expected ").append(m.expected()).append(", got ").append(m.actual());
            m.decidingCriteria().forEach(c -> sb.append("\n    ").append(c));
        }
        return sb.toString();
    }
}
