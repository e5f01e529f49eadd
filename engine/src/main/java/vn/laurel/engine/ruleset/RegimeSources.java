package vn.laurel.engine.ruleset;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.RuleDescr;
import vn.laurel.engine.regime.Regime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * The rule files each regime compiles. Under {@code awards/} one file per award holds the award's
 * rules for every regime, each rule naming its regimes:
 * <pre>
 *   rule "ADVANCED_LABORER: rated good or better"
 *       &#64;regimes("LAW_2013 LAW_2022 LAW_2026_PROVISIONAL")
 * </pre>
 * A regime compiles every awards file with the rules that do not name it blanked out — spaces in
 * place of their text, line breaks kept — so that every problem the compiler finds keeps its file,
 * line and column. The rules' extents come from Drools' own parser, never from a pattern over the text.
 *
 * <p>A rule set stored before this layout gives a regime the files of its {@code folder:} and of
 * {@code common/}, as then; such files name no regimes.
 */
final class RegimeSources {
    static final String ANNOTATION = "regimes";

    /**
     * @param byRegime for each regime code, its files (path relative to the rule set, text as compiled);
     *                 empty for a regime no rule names
     * @param keys     for each regime code, what its build depends on: its files with the other regimes'
     *                 rules cut out rather than blanked, so that an edit to a rule of one regime leaves the
     *                 others' builds as they were (a blanked rule that grows a line moves what follows it,
     *                 which no build depends on)
     * @param compiled every file some regime compiles, as on disk
     */
    record Result(Map<String, Map<String, byte[]>> byRegime, Map<String, String> keys, List<Path> compiled,
                  List<RuleProblem> problems) {}

    private RegimeSources() {}

    static Result of(Path root, RulesDirectory dir, List<Regime> regimes) {
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        regimes.forEach(r -> codes.add(r.code()));
        Map<String, Map<String, byte[]>> byRegime = new LinkedHashMap<>();
        Map<String, Map<String, byte[]>> kept = new LinkedHashMap<>();
        regimes.forEach(r -> byRegime.put(r.code(), new LinkedHashMap<>()));
        regimes.forEach(r -> kept.put(r.code(), new LinkedHashMap<>()));
        Set<Path> compiled = new TreeSet<>(Comparator.comparing(p -> RulesDirectory.relative(root, p)));

        // The former layout: a regime's folder and common/, whole files.
        List<Path> common = dir.drlFiles(RulesDirectory.COMMON);
        for (Regime regime : regimes) {
            if (regime.folder() == null) continue;
            List<Path> files = new ArrayList<>(common);
            files.addAll(dir.drlFiles(regime.folder()));
            for (Path file : files) {
                byRegime.get(regime.code()).put(RulesDirectory.relative(root, file), bytes(file));
                kept.get(regime.code()).put(RulesDirectory.relative(root, file), bytes(file));
                compiled.add(file);
            }
        }
        for (Path file : compiled) {
            if (!isUnderAwards(root, file)) problems.addAll(regimesOutsideAwards(RulesDirectory.relative(root, file), text(file)));
        }

        // awards/: each regime gets every file, with the rules of other regimes blanked out.
        for (Path file : dir.drlFiles(RulesDirectory.AWARDS_FOLDER)) {
            String name = RulesDirectory.relative(root, file);
            byte[] raw = bytes(file);
            String text = new String(raw, StandardCharsets.UTF_8);
            List<RuleDescr> rules = ParsedDrl.rules(text);
            compiled.add(file);
            if (rules == null) {
                // It does not parse: every regime compiles it as it is, and the compiler reports where.
                byRegime.values().forEach(files -> files.put(name, raw));
                kept.values().forEach(files -> files.put(name, raw));
                continue;
            }
            Map<RuleDescr, Set<String>> regimesOf = new LinkedHashMap<>();
            for (RuleDescr rule : rules) {
                // A query is no rule of a regime: left in every regime's text, where DrlShape refuses it.
                if (!rule.isQuery()) regimesOf.put(rule, regimesOf(name, text, rule, codes, problems));
            }
            for (String code : codes) {
                if (regimesOf.values().stream().noneMatch(listed -> listed.contains(code))) continue;
                char[] blanked = text.toCharArray();
                StringBuilder cut = new StringBuilder(text.length());
                int from = 0;
                for (Map.Entry<RuleDescr, Set<String>> r : regimesOf.entrySet()) {
                    if (r.getValue().contains(code)) continue;
                    int start = Math.max(r.getKey().getStartCharacter(), from), end = Math.min(r.getKey().getEndCharacter(), text.length());
                    blank(blanked, start, end);
                    if (start > from) cut.append(text, from, start);
                    from = Math.max(from, end);
                }
                cut.append(text.substring(Math.min(from, text.length())));
                byRegime.get(code).put(name, new String(blanked).getBytes(StandardCharsets.UTF_8));
                kept.get(code).put(name, cut.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        Map<String, String> keys = new LinkedHashMap<>();
        kept.forEach((code, files) -> keys.put(code, ContentHash.of(files)));
        return new Result(byRegime, keys, List.copyOf(compiled), problems);
    }

    static boolean isUnderAwards(Path root, Path file) {
        return RulesDirectory.relative(root, file).startsWith(RulesDirectory.AWARDS_FOLDER + "/");
    }

    /** The regimes a rule under awards/ names; none (after a problem) when it names none or one unknown. */
    private static Set<String> regimesOf(String file, String text, RuleDescr rule, Set<String> codes, List<RuleProblem> problems) {
        AnnotationDescr annotation = rule.getAnnotation(ANNOTATION);
        int[] at = find(text, rule, "@" + ANNOTATION);
        if (annotation == null) {
            problems.add(RuleProblem.error(file, rule.getLine(), Math.max(rule.getColumn(), 0) + 1, "rule \"" + rule.getName()
                    + "\" does not say which regimes it belongs to: add @regimes(\"" + String.join(" ", codes)
                    + "\") with the regimes it applies to (codes of regimes.yaml, separated by spaces)"));
            return Set.of();
        }
        String value = unquote(annotation.getValue() == null ? "" : String.valueOf(annotation.getValue()));
        List<String> listed = Arrays.stream(value.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
        if (listed.isEmpty()) {
            problems.add(RuleProblem.error(file, at[0], at[1], "rule \"" + rule.getName()
                    + "\": @regimes names no regime; list the regimes it applies to, e.g. @regimes(\"" + String.join(" ", codes) + "\")"));
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String code : listed) {
            if (codes.contains(code)) {
                out.add(code);
            } else {
                int[] codeAt = find(text, rule, code);
                problems.add(RuleProblem.error(file, codeAt[0], codeAt[1], "rule \"" + rule.getName() + "\": @regimes names \""
                        + code + "\", which is not a regime of regimes.yaml (" + String.join(", ", codes) + ")"));
            }
        }
        if (out.size() != listed.size()) return Set.of();
        problems.addAll(RegimeOverrides.check(file, text, rule, out, codes));
        return out;
    }

    /** @regimes means something only under awards/: elsewhere a file belongs to its regime's folder. */
    private static List<RuleProblem> regimesOutsideAwards(String file, String text) {
        List<RuleDescr> rules = ParsedDrl.rules(text);
        if (rules == null) return List.of();
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleDescr rule : rules) {
            if (rule.getAnnotation(ANNOTATION) == null) continue;
            int[] at = find(text, rule, "@" + ANNOTATION);
            problems.add(RuleProblem.error(file, at[0], at[1], "rule \"" + rule.getName() + "\": @regimes is read only in files under "
                    + RulesDirectory.AWARDS_FOLDER + "/ (one file per award); move the rule to " + RulesDirectory.AWARDS_FOLDER + "/"));
        }
        return problems;
    }

    /** Spaces in place of the text from {@code start} (inclusive) to {@code end} (exclusive), line breaks kept. */
    static void blank(char[] text, int start, int end) {
        for (int i = Math.max(start, 0); i < Math.min(end, text.length); i++) {
            if (text[i] != '\n' && text[i] != '\r') text[i] = ' ';
        }
    }

    /** {line, column} from 1 of the first {@code word} inside the rule's text; the rule's own line when absent. */
    static int[] find(String text, RuleDescr rule, String word) {
        int start = Math.max(rule.getStartCharacter(), 0);
        int end = Math.min(rule.getEndCharacter() < 0 ? text.length() : rule.getEndCharacter(), text.length());
        int i = text.substring(start, end).indexOf(word);
        if (i < 0) return new int[] {rule.getLine(), Math.max(rule.getColumn(), 0) + 1};
        return ParsedDrl.lineAndColumn(text, start + i);
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }
}
