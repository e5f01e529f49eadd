package vn.laurel.engine.ruleset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.RepoPaths;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleBundleTest {
    @TempDir
    Path dir;

    private static RuleBundle repository() {
        return RuleBundle.fromDirectories(RepoPaths.rules(), RepoPaths.root().resolve("examples/scenarios"));
    }

    @Test
    void the_rules_part_has_the_version_decisions_record_and_loads_back_as_it() {
        RuleBundle bundle = repository();
        String version = RuleSetLoader.load(RepoPaths.rules()).version();
        assertThat(bundle.rulesVersion()).isEqualTo(version);
        assertThat(RuleArchive.load(bundle.rulesZip()).version()).isEqualTo(version);
        assertThat(bundle.files().keySet()).contains("rules/regimes.yaml")
                .anyMatch(p -> p.startsWith("scenarios/advanced-laborer/"))
                .noneMatch(p -> p.endsWith(".md") || p.endsWith(".xml"));
    }

    @Test
    void a_scenario_changes_the_content_hash_but_not_the_rules_version() {
        RuleBundle bundle = repository();
        RuleBundle more = bundle.with("scenarios/extra/one.yaml", "name: x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(more.rulesVersion()).isEqualTo(bundle.rulesVersion());
        assertThat(more.contentHash()).isNotEqualTo(bundle.contentHash());
        assertThat(more.without("scenarios/extra/one.yaml").contentHash()).isEqualTo(bundle.contentHash());
    }

    @Test
    void every_form_gives_back_the_same_files() {
        RuleBundle bundle = repository();
        assertThat(RuleBundle.fromZip(bundle.toZip()).contentHash()).isEqualTo(bundle.contentHash());
        assertThat(RuleBundle.fromZips(bundle.rulesZip(), bundle.scenariosZip()).contentHash()).isEqualTo(bundle.contentHash());
        Path out = dir.resolve("pulled");
        bundle.writeTo(out);
        assertThat(Files.exists(out.resolve("rules/regimes.yaml"))).isTrue();
        assertThat(RuleBundle.fromDirectory(out).contentHash()).isEqualTo(bundle.contentHash());
        assertThat(bundle.toZip()).isEqualTo(RuleBundle.fromZip(bundle.toZip()).toZip());
    }

    @Test
    void paths_outside_the_two_folders_or_of_other_kinds_are_refused() {
        byte[] x = "x".getBytes(StandardCharsets.UTF_8);
        assertThat(RuleBundle.pathProblem("rules/awards/a.drl")).isNull();
        assertThat(RuleBundle.pathProblem("scenarios/a/b.json")).isNull();
        assertThat(RuleBundle.pathProblem("rules/../etc/passwd.yaml")).contains("..");
        assertThat(RuleBundle.pathProblem("/rules/a.drl")).contains("relative");
        assertThat(RuleBundle.pathProblem("rules\\a.drl")).contains("forward");
        assertThat(RuleBundle.pathProblem("rules/a.java")).contains(".drl or .yaml");
        assertThat(RuleBundle.pathProblem("scenarios/a.drl")).contains("scenario");
        assertThat(RuleBundle.pathProblem("other/a.yaml")).contains("rules/ or scenarios/");
        assertThat(RuleBundle.pathProblem("rules/.hidden.yaml")).isNotNull();
        assertThat(RuleBundle.pathProblem("rules/tên.drl")).isNotNull();
        assertThatThrownBy(() -> RuleBundle.of(Map.of("rules/../../x.drl", x))).isInstanceOf(RuleSetException.class);
        assertThatThrownBy(() -> repository().with("x.drl", x)).isInstanceOf(RuleSetException.class);
    }

    @Test
    void a_zip_with_a_file_twice_a_file_under_a_file_or_a_name_that_is_not_utf8_is_refused() throws Exception {
        byte[] x = "x".getBytes(StandardCharsets.UTF_8);
        byte[] twice = replaceAll(zip("rules/a.drl", "rules/b.drl"), "rules/b.drl".getBytes(StandardCharsets.UTF_8),
                "rules/a.drl".getBytes(StandardCharsets.UTF_8)); // the JDK's writer refuses a name twice; a hand-made zip need not
        assertThatThrownBy(() -> RuleBundle.fromZip(twice)).isInstanceOf(RuleSetException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> RuleBundle.fromZip(zip("rules/a.drl", "rules/a.drl/b.drl"))).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("which is a file");
        assertThatThrownBy(() -> repository().with("rules/regimes.yaml/x.yaml", x)).isInstanceOf(RuleSetException.class);
        // A name written in Latin-1 with no UTF-8 flag: the JDK's reader cannot decode it.
        byte[] latin = zip("rules/caf\u00e9.drl");
        byte[] name = "rules/caf\u00e9.drl".getBytes(StandardCharsets.UTF_8);
        byte[] broken = replaceAll(latin, name, "rules/caf\u00e9.drl".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> RuleBundle.fromZip(broken)).isInstanceOf(RuleSetException.class).hasMessageContaining("UTF-8");
    }

    private static byte[] zip(String... names) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
            for (String n : names) {
                z.putNextEntry(new java.util.zip.ZipEntry(n));
                z.write("x".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Every occurrence of one name's bytes replaced by another name of at most its length (padded: the zip's offsets stay right). */
    private static byte[] replaceAll(byte[] in, byte[] from, byte[] to) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < in.length; ) {
            if (i + from.length <= in.length && java.util.Arrays.equals(in, i, i + from.length, from, 0, from.length)) {
                out.write(to, 0, to.length);
                for (int k = to.length; k < from.length; k++) out.write('_'); // same length: offsets in the zip stay right
                i += from.length;
            } else {
                out.write(in[i++]);
            }
        }
        return out.toByteArray();
    }

    @Test
    void a_directory_with_a_file_name_a_bundle_cannot_hold_is_refused_naming_it() throws Exception {
        Path rules = RepoPaths.copyOfRules(dir.resolve("rules"));
        Files.writeString(rules.resolve("awards/điều-24.drl"), "package laurel.x;\n");
        assertThatThrownBy(() -> RuleBundle.fromDirectories(rules, null)).isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).getProblems()).anySatisfy(p ->
                        assertThat(p.file()).isEqualTo("rules/awards/điều-24.drl")));
    }
}
