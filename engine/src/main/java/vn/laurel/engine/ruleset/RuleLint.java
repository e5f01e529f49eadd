package vn.laurel.engine.ruleset;

import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on the DRL text that the compiler does not make: no two rules of one regime (the rules
 * that name it) share a name, since the trace, the coverage report and the answers name
 * rules. What a rule file may contain and reach is checked on the parsed and compiled forms
 * ({@link DrlShape}, {@link CompiledCodeCheck}), never on the text: a deny-list over text is
 * bypassed by line breaks, escapes and classes nobody listed.
 */
final class RuleLint {
    static final String ALLOWED_IMPORT_PREFIX = "vn.laurel.engine.";

    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\w+))");

    private RuleLint() {}

    /** Rules of one regime (the files it compiles, path → text) that share a name with an earlier one. */
    static List<RuleProblem> duplicateNames(Map<String, byte[]> files, String regime) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        files.forEach((name, bytes) -> {
            List<String> raw = lines(bytes);
            List<String> lines = code(raw);
            for (int i = 0; i < lines.size(); i++) {
                if (!RULE_HEADER.matcher(lines.get(i)).find()) continue;
                Matcher m = RULE_HEADER.matcher(raw.get(i)); // names are string literals: read them from the raw line
                if (!m.find()) continue;
                String rule = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                String at = name + ":" + (i + 1);
                String first = seen.putIfAbsent(rule, at);
                if (first != null) {
                    problems.add(RuleProblem.error(name, i + 1, m.start() + 1, "rule name \"" + rule
                            + "\" is already used in regime " + regime + " at " + first));
                }
            }
        });
        return problems;
    }

    static List<String> lines(byte[] bytes) {
        return List.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\\R", -1));
    }

    /**
     * The lines with comments removed and string literals blanked, columns kept: a legal basis that
     * quotes "System." or an English sentence with "exit(" must not count as code.
     */
    static List<String> code(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        boolean inBlock = false;
        for (String line : lines) {
            StringBuilder b = new StringBuilder(line.length());
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
                if (inBlock) {
                    if (c == '*' && next == '/') { inBlock = false; b.append("  "); i++; } else b.append(' ');
                } else if (quote != 0) {
                    if (c == '\\' && next != 0) { b.append("  "); i++; }
                    else if (c == quote) { quote = 0; b.append(c); }
                    else b.append(' ');
                } else if (c == '/' && next == '/') {
                    break;
                } else if (c == '/' && next == '*') {
                    inBlock = true; b.append("  "); i++;
                } else if (c == '"' || c == '\'') {
                    quote = c; b.append(c);
                } else {
                    b.append(c);
                }
            }
            out.add(b.toString());
        }
        return out;
    }
}
