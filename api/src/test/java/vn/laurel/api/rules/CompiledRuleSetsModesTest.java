package vn.laurel.api.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.ruleset.LoadMode;
import vn.laurel.engine.ruleset.RuleArchive;
import vn.laurel.engine.ruleset.RuleProblem;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 17: a version stored before today's rules of form (a folder per regime, actions with
 * kcontext and branches) still compiles for a replay, a rollback or the start ({@code compileStored});
 * the same files are refused on an authoring path ({@code compile}), even once compiled for a replay.
 */
class CompiledRuleSetsModesTest {
    @TempDir
    Path dir;

    static final String HEADER = "package laurel.%s;\nimport vn.laurel.engine.evaluation.Evaluation;\nimport vn.laurel.engine.model.Rating;\n";

    static String rule(String regimes, String action) {
        return "rule \"ADVANCED_LABORER: rated good or better\"\n"
                + (regimes == null ? "" : "    @regimes(\"" + regimes + "\")\n")
                + "    @award(\"ADVANCED_LABORER\") @criterion(\"RATING\") @legalBasis(\"a\") @legalBasisVi(\"b\")\n"
                + "    @confidence(\"VERIFIED\") @en(\"{actual}\") @vi(\"{actual}\")\n"
                + "when\n    $e : Evaluation( person, $year : year, $h : history )\nthen\n    " + action + "\nend\n";
    }

    Path ruleSet(String name, boolean former) throws IOException {
        Path rules = Files.createDirectories(dir.resolve(name));
        Files.writeString(rules.resolve("regimes.yaml"), "regimes:\n  - code: LAW_2022\n    from: 2024-01-01\n"
                + (former ? "    folder: law-2022\n" : "") + "    legalBasis: { vi: Luật 2022, en: Law 2022 }\n");
        Files.writeString(rules.resolve("awards.yaml"), "awards:\n  - code: ADVANCED_LABORER\n    category: EMULATION_TITLE\n"
                + "    subjectKinds: [PERSON]\n    name: { vi: Lao động tiên tiến, en: Advanced Laborer }\n");
        Files.writeString(rules.resolve("attestations.yaml"), "attestations: {}\n");
        if (former) {
            Files.createDirectories(rules.resolve("law-2022"));
            Files.writeString(rules.resolve("law-2022/advanced-laborer.drl"), HEADER.formatted("law2022")
                    + rule(null, "Rating good = Rating.GOOD;\n    $e.record(kcontext, $h.ratingIn($year).atLeast(good));"));
        } else {
            Files.createDirectories(rules.resolve("awards"));
            Files.writeString(rules.resolve("awards/advanced-laborer.drl"), HEADER.formatted("awards")
                    + rule("LAW_2022", "$e.record($h.ratingIn($year).atLeast(Rating.GOOD));"));
        }
        return rules;
    }

    @Test
    void a_stored_version_in_the_former_form_compiles_for_replay_and_is_refused_on_an_authoring_path() throws IOException {
        byte[] zip = RuleArchive.zip(ruleSet("former", true));
        String version = RuleArchive.load(zip, LoadMode.LENIENT).version();
        CompiledRuleSets compiled = new CompiledRuleSets();

        RuleSet stored = compiled.compileStored(version, () -> zip);
        assertThat(stored.compiled("LAW_2022").models("ADVANCED_LABORER")).isTrue();
        assertThat(compiled.cached(version)).containsSame(stored);

        // Kept compiled for replays, it is still not taken for a rule set written today.
        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> compiled.compile(version, () -> zip));
        assertThat(refused).isNotNull();
        assertThat(refused.getProblems()).extracting(RuleProblem::file).contains("regimes.yaml", "law-2022/advanced-laborer.drl");
        assertThat(refused.getProblems()).extracting(RuleProblem::message)
                .anySatisfy(m -> assertThat(m).contains("a local variable (good)"))
                .anySatisfy(m -> assertThat(m).contains("\"kcontext\" is not needed"));
    }

    @Test
    void a_rule_set_written_today_compiles_on_both_paths_once() throws IOException {
        byte[] zip = RuleArchive.zip(ruleSet("today", false));
        String version = RuleArchive.load(zip).version();
        CompiledRuleSets compiled = new CompiledRuleSets();

        RuleSet authored = compiled.compile(version, () -> zip);
        assertThat(compiled.compileStored(version, () -> { throw new AssertionError("compiled again"); })).isSameAs(authored);
        assertThat(compiled.compile(version, () -> zip)).isSameAs(authored);
    }

    @Test
    void an_authoring_path_reports_the_form_and_the_compiler_problems_together() throws IOException {
        Path rules = ruleSet("both", true);
        Path file = rules.resolve("law-2022/advanced-laborer.drl");
        Files.writeString(file, Files.readString(file).replace("Rating.GOOD", "Rating.GOOOD"));
        byte[] zip = RuleArchive.zip(rules);

        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> new CompiledRuleSets().compile("v", () -> zip));

        assertThat(refused.getProblems()).extracting(RuleProblem::message)
                .anySatisfy(m -> assertThat(m).contains("GOOOD"))
                .anySatisfy(m -> assertThat(m).contains("\"folder:\" is the former layout"));
    }
}
