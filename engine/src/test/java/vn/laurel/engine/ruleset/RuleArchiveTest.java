package vn.laurel.engine.ruleset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.RepoPaths;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleArchiveTest {
    @TempDir
    Path dir;

    @Test
    void a_zipped_rule_set_loads_back_with_the_same_version() {
        RuleSet fromDirectory = RuleSetLoader.load(RepoPaths.rules());
        byte[] zip = RuleArchive.zip(RepoPaths.rules());
        RuleSet fromZip = RuleArchive.load(zip);
        assertThat(fromZip.version()).isEqualTo(fromDirectory.version());
        assertThat(fromZip.files()).isEqualTo(fromDirectory.files());
        assertThat(RuleArchive.zip(RepoPaths.rules())).isEqualTo(zip);
    }

    @Test
    void an_entry_that_would_leave_the_directory_is_refused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../../etc/evil.drl"));
            zip.write("x".getBytes());
            zip.closeEntry();
        }
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleArchive.unzip(bytes.toByteArray(), dir));
        assertThat(e.getProblems().get(0).message()).contains("leaves the directory");
        assertThat(catchThrowableOfType(RuleSetException.class, () -> RuleArchive.load("not a zip".getBytes()))
                .getProblems().get(0).message()).contains("zip");
    }

    @Test
    void a_new_regime_needs_only_an_entry_in_regimes_yaml_and_its_code_in_the_regimes_of_its_rules() throws IOException {
        Path rules = RepoPaths.copyOfRules(dir.resolve("rules"));
        Path regimes = rules.resolve("regimes.yaml");
        String text = Files.readString(regimes).replace("    from: 2026-10-01\n", "    from: 2026-10-01\n    to: 2029-12-31\n") + """
                  - code: LAW_2030_TEST
                    from: 2030-01-01
                    legalBasis:
                      vi: Luật thử nghiệm
                      en: A test law
                """;
        Files.writeString(regimes, text);
        // The new regime keeps the Advanced Laborer rules of LAW_2026_PROVISIONAL.
        Path laborer = rules.resolve("awards/advanced-laborer.drl");
        String drl = Files.readString(laborer);
        assertThat(drl).contains("LAW_2026_PROVISIONAL\")");
        Files.writeString(laborer, drl.replace("LAW_2026_PROVISIONAL\")", "LAW_2026_PROVISIONAL LAW_2030_TEST\")"));

        RuleSet loaded = RuleSetLoader.load(rules);

        assertThat(loaded.regimes()).extracting("code").contains("LAW_2030_TEST");
        assertThat(loaded.regimeOn(java.time.LocalDate.of(2031, 1, 15)).orElseThrow().code()).isEqualTo("LAW_2030_TEST");
        assertThat(loaded.compiled("LAW_2030_TEST").models("ADVANCED_LABORER")).isTrue();
        assertThat(loaded.compiled("LAW_2030_TEST").criteriaOf("ADVANCED_LABORER")).extracting("criterion")
                .containsExactlyElementsOf(loaded.compiled("LAW_2026_PROVISIONAL").criteriaOf("ADVANCED_LABORER").stream()
                        .map(c -> c.criterion()).toList());
        assertThat(loaded.compiled("LAW_2030_TEST").models("ADVANCED_LABOR_COLLECTIVE")).isFalse();
    }
}
