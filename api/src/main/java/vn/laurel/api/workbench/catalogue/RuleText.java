package vn.laurel.api.workbench.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule of a DRL file as policy staff read it: the block from its {@code rule} line to its
 * {@code end}, the {@code // VI …:} and {@code // EN …:} paraphrase lines directly above it, and the
 * check it performs (the lines between {@code then} and {@code end}). The engine keeps none of the
 * comments, so the pages read them from the file itself, located by the line the rule set gives.
 */
public final class RuleText {
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+(?:\"[^\"]+\"|'[^']+'|\\w+)");
    /** "// VI:", "// VI 2022:", "// EN 2022–2026:" — the language and, for a regime's own variant, its year or years. */
    private static final Pattern ENTRY = Pattern.compile("^\\s*//\\s*(VI|EN)(?:\\s+(\\d{4}(?:\\s*[–-]\\s*\\d{4})?))?\\s*:\\s?(.*)$");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * A paraphrase: its language ("vi"/"en"), the years of the regimes it is for ("2022", "2022–2026";
     * null: every regime), the text.
     */
    public record Paraphrase(String lang, String years, String text) {
        /** Whether this variant is for the regime: its code's year ("LAW_2022" → 2022) within the years. */
        boolean isFor(String regime) {
            if (years == null || regime == null) return false;
            Matcher y = YEAR.matcher(regime);
            if (!y.find()) return false;
            int year = Integer.parseInt(y.group());
            Matcher m = YEAR.matcher(years);
            m.find();
            int from = Integer.parseInt(m.group()), to = m.find() ? Integer.parseInt(m.group()) : from;
            return year >= from && year <= to;
        }
    }

    private final int line;
    private final List<String> block;
    private final List<Paraphrase> paraphrases;
    private final String then;

    private RuleText(int line, List<String> block, List<Paraphrase> paraphrases, String then) {
        this.line = line;
        this.block = block;
        this.paraphrases = paraphrases;
        this.then = then;
    }

    /** The rule whose header is on {@code line} (1-based) of the file, or the nearest one above it; empty when none. */
    public static Optional<RuleText> at(byte[] file, int line) {
        return at(lines(file), line);
    }

    public static Optional<RuleText> at(List<String> lines, int line) {
        int start = Math.min(line, lines.size()) - 1;
        while (start >= 0 && !RULE_HEADER.matcher(lines.get(start)).find()) start--;
        if (start < 0) return Optional.empty();
        int end = start;
        while (end < lines.size() && !lines.get(end).trim().equals("end")) end++;
        List<String> block = List.copyOf(lines.subList(start, Math.min(end + 1, lines.size())));
        return Optional.of(new RuleText(start + 1, block, paraphrases(lines, start), then(block)));
    }

    /** The comment lines directly above the rule (no blank line between), read as VI/EN entries with their continuations. */
    private static List<Paraphrase> paraphrases(List<String> lines, int header) {
        int top = header;
        while (top > 0 && lines.get(top - 1).trim().startsWith("//")) top--;
        List<String[]> entries = new ArrayList<>();
        for (int i = top; i < header; i++) {
            String l = lines.get(i);
            Matcher m = ENTRY.matcher(l);
            if (m.matches()) {
                entries.add(new String[]{m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.group(3).trim()});
            } else if (!entries.isEmpty()) {
                // An indented comment line continues the entry above it.
                String rest = l.trim().substring(2).trim();
                if (rest.startsWith("----") || rest.startsWith("====")) continue;
                String[] last = entries.get(entries.size() - 1);
                last[2] = (last[2] + " " + rest).trim();
            }
        }
        return entries.stream().map(e -> new Paraphrase(e[0], e[1], e[2])).toList();
    }

    private static String then(List<String> block) {
        StringBuilder out = new StringBuilder();
        boolean in = false;
        for (String l : block) {
            String t = l.trim();
            if (t.equals("then")) { in = true; continue; }
            if (t.equals("end")) break;
            if (in && !t.isEmpty()) out.append(out.isEmpty() ? "" : "\n").append(t);
        }
        return out.toString();
    }

    static List<String> lines(byte[] file) {
        return new String(file, StandardCharsets.UTF_8).lines().toList();
    }

    /** The line of the rule's header (1-based). */
    public int line() {
        return line;
    }

    /** From the {@code rule} line to its {@code end}, as written. */
    public String source() {
        return String.join("\n", block);
    }

    /** What the rule does when it fires: the {@code $e.record(...)} expression, as written. */
    public String then() {
        return then;
    }

    public List<Paraphrase> paraphrases() {
        return paraphrases;
    }

    /**
     * The paraphrase for a regime in a language: the variant whose years cover the year of the regime's
     * code ("VI 2022:" or "VI 2022–2026:" for LAW_2022), else the plain one ("VI:"); null when the rule has neither.
     */
    public String paraphrase(String lang, String regime) {
        String plain = null;
        for (Paraphrase p : paraphrases) {
            if (!p.lang().equals(lang)) continue;
            if (p.years() == null) {
                if (plain == null) plain = p.text();
            } else if (p.isFor(regime)) {
                return p.text();
            }
        }
        return plain;
    }

    /** The string literals of the rule (annotations and conditions alike), in order, each once. */
    public List<String> strings() {
        Set<String> out = new LinkedHashSet<>();
        for (String l : block) {
            Matcher m = STRING.matcher(l);
            while (m.find()) out.add(m.group(1));
        }
        return List.copyOf(out);
    }

    /** The names among the rule's string literals that are parameters of the rule set, in order. */
    public List<String> parameters(Set<String> known) {
        return strings().stream().filter(known::contains).toList();
    }
}
