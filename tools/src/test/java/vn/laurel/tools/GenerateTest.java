package vn.laurel.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.cli.Cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./laurel generate}: the same arguments give the same files; its command line. */
class GenerateTest {
    static int run(ByteArrayOutputStream err, String... args) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Cli.commandLine(new Generate(), out, new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    @Test
    void the_same_arguments_give_the_same_files(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "--people", "300", "--years", "3", "--out", dir.resolve("a").toString())).isEqualTo(Cli.OK);
        assertThat(run(err, "--people", "300", "--years", "3", "--out", dir.resolve("b").toString())).isEqualTo(Cli.OK);
        assertThat(Files.readAllLines(dir.resolve("a/people.csv"))).hasSize(301).isEqualTo(Files.readAllLines(dir.resolve("b/people.csv")));
        assertThat(Files.readString(dir.resolve("a/ratings.csv"))).isEqualTo(Files.readString(dir.resolve("b/ratings.csv")));
        assertThat(run(err, "--people", "300", "--years", "3", "--seed", "7", "--out", dir.resolve("c").toString())).isEqualTo(Cli.OK);
        assertThat(Files.readString(dir.resolve("c/ratings.csv"))).isNotEqualTo(Files.readString(dir.resolve("a/ratings.csv")));
    }

    @Test
    void missing_or_bad_arguments_are_a_usage_error(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "--people", "0", "--out", dir.toString())).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("laurel generate: --people N (> 0) and --out DIR are required");
        assertThat(run(new ByteArrayOutputStream(), "--people", "ten", "--out", dir.toString())).isEqualTo(Cli.USAGE);
        assertThat(run(new ByteArrayOutputStream(), "--people", "5", "--out", dir.toString(), "--years", "61")).isEqualTo(Cli.USAGE);
        assertThat(run(new ByteArrayOutputStream(), "--help")).isEqualTo(Cli.OK);
    }
}
