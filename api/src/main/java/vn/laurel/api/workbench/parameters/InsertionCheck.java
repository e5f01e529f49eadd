package vn.laurel.api.workbench.parameters;

import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterValue;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.engine.ruleset.RuleProblem;
import vn.laurel.engine.ruleset.RuleSetException;
import vn.laurel.engine.ruleset.RuleSetLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads a changed parameter file back with the engine's own loader before anything is saved: the
 * text insertion must give a file that parses and holds the new value, as the engine reads it. When the
 * draft's rules fail to load for reasons in other files (a broken rule elsewhere), the file is read on
 * its own ({@link ParameterFiles}) so that such a draft can still have a value added.
 */
final class InsertionCheck {
    private InsertionCheck() {}

    /** Null when the new value is there as meant; else what is wrong, in the engine's words. */
    static String problem(RuleBundle next, String path, String parameter, NewValue value) {
        String file = path.substring(RuleBundle.RULES.length());
        Path dir = null;
        try {
            dir = Files.createTempDirectory("laurel-param-");
            next.writeTo(dir);
            Parameter read;
            try {
                read = RuleSetLoader.load(dir.resolve("rules")).parameters().get(parameter);
            } catch (RuleSetException e) {
                List<RuleProblem> mine = e.getProblems().stream().filter(p -> file.equals(p.file())).toList();
                if (!mine.isEmpty()) {
                    return String.join("; ", mine.stream().map(p -> p.file() + ":" + p.line() + ":" + p.column() + ": " + p.message()).toList());
                }
                // The rules fail elsewhere: this file, read on its own, must still hold the value.
                ParameterFiles.Read alone = ParameterFiles.of(RuleBundle.of(java.util.Map.of(path, next.files().get(path))));
                if (alone.unreadable().containsKey(path)) return path + ": " + alone.unreadable().get(path);
                read = alone.parameters().get(parameter);
            } catch (StackOverflowError | RuntimeException e) {
                // A file nested too deeply (as DraftService.compiled finds it): nothing confirms the value, nothing is written.
                return "the rules cannot be read back (" + e.getClass().getSimpleName() + ")";
            }
            return holds(read, value) ? null : "the file read back does not hold the new value of " + parameter;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) delete(dir);
        }
    }

    static boolean holds(Parameter p, NewValue v) {
        if (p == null) return false;
        for (ParameterValue x : p.values()) {
            if (x.from().equals(v.from()) && v.sameScope(x.organisation(), x.sector()) && same(x.value(), v.value())
                    && Objects.equals(x.reference(), v.reference()) && Objects.equals(x.confidence(), v.confidence())) return true;
        }
        return false;
    }

    static boolean same(Object a, Object b) {
        BigDecimal x = decimal(a), y = decimal(b);
        if (x != null && y != null) return x.compareTo(y) == 0;
        return Objects.equals(a, b);
    }

    /** A YAML number as a decimal; null for what is no finite number (.nan and .inf read as doubles). */
    static BigDecimal decimal(Object o) {
        if (!(o instanceof Number n)) return null;
        try {
            return new BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether a number lies in [low, high]; a value that is no finite number does not. */
    static boolean within(Number n, BigDecimal low, BigDecimal high) {
        BigDecimal d = decimal(n);
        return d != null && d.compareTo(low) >= 0 && d.compareTo(high) <= 0;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
