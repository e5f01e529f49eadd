package vn.laurel.engine.ruleset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.model.SubjectKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code @subject} names one of the four kinds of subject; a COLLECTIVE rule is an ENTERPRISE's too. */
class SubjectKindsInRulesTest {
    @TempDir
    Path dir;

    private Path rulesWith(String kind) throws IOException {
        Path rules = SmallRuleSet.write(dir.resolve("rules"));
        Files.writeString(rules.resolve("awards/advanced-laborer.drl"), SmallRuleSet.HEADER
                + SmallRuleSet.rule("ADVANCED_LABORER: one", "ADVANCED_LABORER", "ONE", "LAW_2022", "$e.record($h.ratingIn($year).atLeast(Rating.GOOD));")
                .replace("@legalBasis(\"a\")", "@subject(\"" + kind + "\") @legalBasis(\"a\")"));
        return rules;
    }

    @Test
    void every_kind_is_accepted_and_a_collective_rule_applies_to_an_enterprise() throws IOException {
        for (SubjectKind kind : SubjectKind.values()) {
            RuleSet loaded = RuleSetLoader.load(rulesWith(kind.name()));
            assertThat(loaded.compiled("LAW_2022").models("ADVANCED_LABORER", kind)).as(kind.name()).isTrue();
            assertThat(loaded.compiled("LAW_2022").models("ADVANCED_LABORER", SubjectKind.ENTERPRISE))
                    .as(kind.name()).isEqualTo(kind == SubjectKind.ENTERPRISE || kind == SubjectKind.COLLECTIVE);
            assertThat(loaded.compiled("LAW_2022").models("ADVANCED_LABORER", SubjectKind.HOUSEHOLD))
                    .as(kind.name()).isEqualTo(kind == SubjectKind.HOUSEHOLD);
        }
    }

    @Test
    void another_word_is_refused_naming_the_four_kinds() throws IOException {
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(rulesWith("FAMILY")));
        assertThat(e.getProblems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("@subject must be one of [PERSON, COLLECTIVE, ENTERPRISE, HOUSEHOLD], not \"FAMILY\""));
    }
}
