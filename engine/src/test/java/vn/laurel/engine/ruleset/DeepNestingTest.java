package vn.laurel.engine.ruleset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.RepoPaths;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A rule file small enough for any upload limit can nest deeply enough to exhaust the stack of the
 * parser or the compiler. That must be a problem named at its file, like any other, never an Error
 * that escapes the load (it would be a 500, and leave others waiting on a compile that never ends).
 */
class DeepNestingTest {
    @TempDir
    Path dir;

    @Test
    void a_condition_nested_thousands_deep_is_a_problem_of_its_file() throws Exception {
        Path rules = RepoPaths.copyOfRules(dir.resolve("rules"));
        String deep = "(".repeat(3000) + "person" + ")".repeat(3000);
        Files.writeString(rules.resolve("awards/deep.drl"), RuleSetLoaderTest.HEADER + "rule \"deep\"\n" + RuleSetLoaderTest.META
                + "when\n    $e : Evaluation( " + deep + " )\nthen\nend\n");

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(rules));

        assertThat(e).isNotNull();
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("awards/deep.drl");
            assertThat(p.message()).contains("nested too deeply");
        });
    }
}
