package vn.laurel.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./laurel completion}: every command of the launcher, with the options of the Java ones, as valid bash. */
class CompletionTest {
    @Test
    void the_tree_has_every_command_the_launcher_lists() throws IOException {
        Set<String> listed = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^#\\s+\\./laurel (\\S+)").matcher(Files.readString(RepoPaths.root().resolve("laurel")));
        while (m.find()) listed.add(m.group(1));
        assertThat(listed).contains("serve", "check", "evaluate", "import", "generate", "rules", "batch", "bench", "completion");
        assertThat(Completion.launcher().getSubcommands().keySet()).containsAll(listed);
    }

    @Test
    void the_script_completes_commands_and_their_options() {
        String script = Completion.script();
        assertThat(script).contains("complete -F _complete_laurel");
        assertThat(script).contains("--scenarios", "--lang", "--db", "--people", "--include-subunits", "--propose", "--revision", "--quick");
    }

    @Test
    void the_script_is_valid_bash(@TempDir Path dir) throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("laurel-completion.bash"), Completion.script());
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(new String(bash.getInputStream().readAllBytes())).isZero();
    }
}
