package vn.laurel.engine.evaluation;

import vn.laurel.engine.model.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.RepoPaths;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Law 06/2022 art. 73.1.b under both readings the parameter
 * prime_minister_certificate_of_merit.window_starts_after_prior_award chooses (award-catalogue §4,
 * December 2026): the scenarios prove the default (false: a run up to the evaluation year that may
 * include the certificate's year); here the same scenario files are decided with the old reading
 * ("05 năm tiếp theo", true), and the 2013 law's scenarios with the new one.
 */
class PrimeMinisterCertificateReadingsTest {
    static final String PARAMETER = "prime_minister_certificate_of_merit.window_starts_after_prior_award";
    static final Path SCENARIOS = RepoPaths.root().resolve("examples/scenarios/prime-minister-certificate-of-merit");
    static RuleSet rules;

    @BeforeAll
    static void load() { rules = RuleSetLoader.load(RepoPaths.rules()); }

    /** The rules with the parameter's value from {@code from} replaced. */
    static RuleSet withReading(Path dir, String from, boolean startsAfterPrior) throws IOException {
        Path copy = RepoPaths.copyOfRules(dir);
        Path params = copy.resolve("parameters/prime-minister-certificate-of-merit.yaml");
        String text = Files.readString(params);
        int at = text.indexOf(PARAMETER + ":");
        int value = text.indexOf("- from: " + from, at);
        int line = text.indexOf("value: ", value);
        int end = text.indexOf('\n', line);
        Files.writeString(params, text.substring(0, line) + "value: " + startsAfterPrior + text.substring(end));
        return RuleSetLoader.load(copy);
    }

    static AwardResult decide(RuleSet with, String scenario) throws IOException {
        CaseDocument doc = CaseReader.read(Files.readString(SCENARIOS.resolve(scenario)));
        return new Evaluator(() -> with).evaluate(doc).result("PRIME_MINISTER_CERTIFICATE_OF_MERIT");
    }

    @Test
    void under_the_old_reading_the_period_starts_after_the_certificate_and_these_records_fall_short(@TempDir Path dir) throws IOException {
        RuleSet old = withReading(dir, "2024-01-01", true);
        Map<String, Outcome> expected = Map.of(
                // 2019 certificate: 2020–2024 hold only the titles of 2021 and 2023.
                "a-grassroots-title-in-the-certificates-own-year-counts-under-the-2022-law.yaml", Outcome.NOT_ELIGIBLE,
                // 2020 certificate: 2021–2024 is four years.
                "five-good-years-including-the-certificates-own-year-are-enough.yaml", Outcome.NOT_ELIGIBLE,
                // the later certificate (2021, anchor LATEST) leaves 2022–2024.
                "with-two-ministry-certificates-the-run-up-to-the-evaluation-year-decides.yaml", Outcome.NOT_ELIGIBLE,
                // MOHA answer 71926: a 2021 certificate leaves 2022–2024, three years with one title.
                "the-ministrys-answer-71926-a-youth-union-certificate-inside-five-good-years-qualifies.yaml", Outcome.NOT_ELIGIBLE,
                // a record that starts after its certificate qualifies under both readings.
                "five-good-years-with-three-grassroots-titles-after-a-ministry-certificate-are-eligible.yaml", Outcome.ELIGIBLE);
        expected.forEach((scenario, outcome) -> {
            try {
                AwardResult under = decide(old, scenario);
                assertThat(under.outcome()).as(scenario).isEqualTo(outcome);
                assertThat(decide(rules, scenario).outcome()).as(scenario + " under the default reading").isEqualTo(Outcome.ELIGIBLE);
                if (outcome == Outcome.NOT_ELIGIBLE) {
                    assertThat(under.criteria()).filteredOn(c -> c.status() == Status.NOT_MET).extracting(CriterionOutcome::criterion)
                            .as(scenario).containsExactly("PERSON_ACHIEVEMENT_PATH");
                    assertThat(under.criteria()).filteredOn(c -> c.criterion().equals("PERSON_ACHIEVEMENT_PATH")).singleElement()
                            .satisfies(c -> assertThat(c.explanation().en()).contains("after MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT"));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(decide(rules, "the-ministrys-answer-71926-a-youth-union-certificate-inside-five-good-years-qualifies.yaml")
                .criteria()).filteredOn(c -> c.criterion().equals("PERSON_ACHIEVEMENT_PATH")).singleElement()
                .satisfies(c -> assertThat(c.explanation().en()).contains("2020–2024", "with MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT of 2021"));
    }

    @Test
    void the_2013_law_keeps_the_five_following_years_and_the_new_reading_would_let_the_certificates_year_count(@TempDir Path dir) throws IOException {
        String scenario = "law-2013-an-initiative-in-the-certificates-own-year-does-not-count.yaml";
        assertThat(decide(rules, scenario).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        RuleSet flipped = withReading(dir, "2014-06-01", false);
        assertThat(decide(flipped, scenario).outcome()).isEqualTo(Outcome.ELIGIBLE);
    }
}
