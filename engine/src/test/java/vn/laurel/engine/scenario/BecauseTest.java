package vn.laurel.engine.scenario;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.RepoPaths;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An expectation's {@code because:} names the criteria that decide it; a right outcome for another reason fails. */
class BecauseTest {
    static RuleSet rules;

    @BeforeAll
    static void load() { rules = RuleSetLoader.load(RepoPaths.rules()); }

    static final String CASE = """
            name: "Forty days absent under Decree 65/2014"
            asOf: 2016-02-15
            year: 2015
            awards: [ADVANCED_LABORER]
            subject:
              id: P-1
              kind: PERSON
              hiredOn: 2010-03-01
              ratings: [ { year: 2015, rating: GOOD } ]
              absences: [ { year: 2015, days: 40 } ]
              attestations:
                - { year: 2015, criterion: EXEMPLARY_COMPLIANCE, value: true }
                - { year: 2015, criterion: ACTIVE_LEARNING, value: true }
                - { year: 2015, criterion: HEALTHY_LIFESTYLE, value: true }
            expect:
              ADVANCED_LABORER: %s
            """;

    ScenarioReport run(Path dir, String expectation) throws IOException {
        Files.writeString(dir.resolve("case.yaml"), CASE.formatted(expectation));
        return ScenarioRunner.run(rules, dir);
    }

    @Test
    void the_deciding_criteria_named_pass(@TempDir Path dir) throws IOException {
        assertThat(run(dir, "{ outcome: NOT_ELIGIBLE, because: [ABSENCE_BELOW_LIMIT] }").results()).singleElement()
                .satisfies(r -> assertThat(r.passed()).isTrue());
        assertThat(run(dir, "NOT_ELIGIBLE").results()).singleElement().satisfies(r -> assertThat(r.passed()).isTrue());
    }

    @Test
    void the_right_outcome_for_another_reason_fails_and_names_the_real_one(@TempDir Path dir) throws IOException {
        assertThat(run(dir, "{ outcome: NOT_ELIGIBLE, because: [NO_DISCIPLINE_IN_YEAR] }").results()).singleElement().satisfies(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.mismatches()).singleElement().satisfies(m -> assertThat(m.actual()).contains("[ABSENCE_BELOW_LIMIT]"));
        });
        // Naming a criterion that did not decide, beside the one that did, fails too.
        assertThat(run(dir, "{ outcome: NOT_ELIGIBLE, because: [ABSENCE_BELOW_LIMIT, NO_DISCIPLINE_IN_YEAR] }").results())
                .singleElement().satisfies(r -> assertThat(r.passed()).isFalse());
    }
}
