package vn.laurel.engine.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule set written today must be beyond what any stored version is ({@link LoadMode#STRICT}):
 * its rules one file per award under {@code awards/} (no {@code folder:} in regimes.yaml, no rule file
 * elsewhere), and every action one {@code $e.record(…)} ({@link ActionShape}).
 */
final class StrictChecks {
    private static final Pattern FOLDER = Pattern.compile("^(\\s*-?\\s*)folder\\s*:");

    private StrictChecks() {}

    static List<RuleProblem> of(Path root, RulesDirectory dir) {
        List<RuleProblem> problems = new ArrayList<>(folders(root));
        for (Path file : dir.allDrlFiles()) {
            String name = RulesDirectory.relative(root, file);
            if (!RegimeSources.isUnderAwards(root, file)) {
                problems.add(RuleProblem.error(name, 1, 1, "rule files are one file per award under " + RulesDirectory.AWARDS_FOLDER
                        + "/, each rule naming its regimes with @regimes; move this file's rules to "
                        + RulesDirectory.AWARDS_FOLDER + "/<award>.drl (see rules/README.md)"));
            }
            problems.addAll(ActionShape.check(name, read(file)));
        }
        return problems;
    }

    /** Every {@code folder:} of regimes.yaml, at its line: a regime's rules are the awards/ rules that name it. */
    private static List<RuleProblem> folders(Path root) {
        Path regimes = root.resolve(RulesDirectory.REGIMES);
        if (!Files.isRegularFile(regimes)) return List.of();
        List<RuleProblem> problems = new ArrayList<>();
        String[] lines = read(regimes).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FOLDER.matcher(lines[i]);
            if (m.find()) {
                problems.add(RuleProblem.error(RulesDirectory.REGIMES, i + 1, m.end(1) + 1, "\"folder:\" is the former layout: "
                        + "a regime's rules are now the rules under " + RulesDirectory.AWARDS_FOLDER
                        + "/ that name it with @regimes; remove the line"));
            }
        }
        return problems;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
