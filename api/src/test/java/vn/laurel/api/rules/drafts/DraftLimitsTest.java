package vn.laurel.api.rules.drafts;

import org.junit.jupiter.api.Test;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.ruleset.RuleBundle;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The limits of what a draft takes file by file (the API tests send the requests; building 10,000 files
 * or 50 MB through them would take minutes): as large as an uploaded zip may be, text without control
 * characters, and a diff whose cost per answer is bounded.
 */
class DraftLimitsTest {
    @Test
    void a_draft_holds_at_most_as_many_files_and_bytes_as_an_uploaded_zip() {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < DraftInputs.MAX_FILES; i++) files.put("scenarios/s" + i + ".yaml", new byte[] {'x'});
        DraftInputs.requireSize(RuleBundle.of(files), "body");
        files.put("scenarios/one-more.yaml", new byte[] {'x'});
        assertThatThrownBy(() -> DraftInputs.requireSize(RuleBundle.of(files), "body")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().toString()).contains("413", "body", "10001 files"));

        Map<String, byte[]> large = new TreeMap<>();
        for (int i = 0; i < 51; i++) large.put("scenarios/big" + i + ".yaml", new byte[1024 * 1024]);
        assertThatThrownBy(() -> DraftInputs.requireSize(RuleBundle.of(large), "body")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().toString()).contains("413", "body", "50 MB"));
    }

    @Test
    void file_contents_and_notes_are_text_without_control_characters() {
        DraftInputs.requireText("body", "rule \"a\"\r\n\twhen\nthen\nend\n — Nguyễn".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DraftInputs.requireText("body", "line one\nwith a NUL \0".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().toString()).contains("body", "U+0000", "line 2"));
        assertThatThrownBy(() -> DraftInputs.optionalText("note", "bell \u0007")).isInstanceOf(ProblemException.class);
        assertThat(DraftInputs.optionalText("note", " two\nlines\t")).isEqualTo("two\nlines");
    }

    @Test
    void one_diff_compares_at_most_so_many_lines_and_says_so() {
        // 12 files of 9,000 lines changed on both sides: each under the limit of one file, 216,000 lines in all.
        Map<String, byte[]> before = new TreeMap<>(), after = new TreeMap<>();
        for (int f = 0; f < 12; f++) {
            StringBuilder a = new StringBuilder(), b = new StringBuilder();
            for (int i = 0; i < 9_000; i++) {
                a.append("line ").append(i).append('\n');
                b.append(i % 1000 == 0 ? "changed " : "line ").append(i).append('\n');
            }
            before.put(String.format("rules/f%02d.drl", f), a.toString().getBytes(StandardCharsets.UTF_8));
            after.put(String.format("rules/f%02d.drl", f), b.toString().getBytes(StandardCharsets.UTF_8));
        }
        DraftDiff.Files diff = DraftDiff.between(RuleBundle.of(before), RuleBundle.of(after));
        assertThat(diff.linesCapped()).isTrue();
        assertThat(diff.files()).hasSize(12);
        assertThat(diff.files().subList(0, 11)).allSatisfy(f -> assertThat(f.hunks()).isNotEmpty());
        assertThat(diff.files().get(11).hunks()).isEmpty();
        assertThat(diff.files().get(11).note()).contains("not compared line by line", "200000");

        DraftDiff.Files small = DraftDiff.between(RuleBundle.of(Map.of("rules/a.drl", "x\n".getBytes())),
                RuleBundle.of(Map.of("rules/a.drl", "y\n".getBytes())));
        assertThat(small.linesCapped()).isFalse();
    }
}
