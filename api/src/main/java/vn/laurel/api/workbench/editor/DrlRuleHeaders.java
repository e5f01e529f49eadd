package vn.laurel.api.workbench.editor;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metadata lines of the rules of a DRL file ({@code @award("…")}, {@code @vi("…")}, …) read and
 * rewritten in place. Drools' own parser finds the rules and the annotations each has; only the lines
 * of a rule's header (between its {@code rule "…"} line and its {@code when}) that hold one annotation
 * with one string literal are read and rewritten, so comments, the conditions, the action and every
 * other rule keep their bytes.
 */
public final class DrlRuleHeaders {
    /** One metadata line: {@code <indent>@name("value")<trailing blanks>}. */
    private static final Pattern META = Pattern.compile("^([ \\t]*)@([A-Za-z][A-Za-z0-9_]*)\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)[ \\t]*$");
    private static final Pattern WHEN = Pattern.compile("^[ \\t]*when\\b.*");

    private DrlRuleHeaders() {}

    /** A metadata entry of a rule: its name, its value (escapes resolved), where its line is in the text. */
    public record Meta(String name, String value, int line, int start, int end, String indent) {}

    /** A rule of the file and its metadata lines, in file order. */
    public record Rule(String name, int line, List<Meta> meta) {
        public Optional<Meta> entry(String name) {
            return meta.stream().filter(m -> m.name().equals(name)).findFirst();
        }
    }

    /** A file that does not parse: its rules cannot be listed (the check names the error). */
    public static final class Unparsable extends RuntimeException {
        Unparsable() {
            super("the file does not parse", null, false, false);
        }
    }

    /** The rules of the file; {@link Unparsable} when Drools cannot read it. */
    public static List<Rule> rules(String text) {
        List<RuleDescr> descrs = parse(text);
        List<Rule> out = new ArrayList<>();
        for (RuleDescr r : descrs) {
            if (r.isQuery()) continue;
            out.add(new Rule(r.getName(), r.getLine(), metaLines(text, r)));
        }
        return out;
    }

    public static Optional<Rule> rule(String text, String name) {
        return rules(text).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * The text with the named metadata lines of one rule given new values; every other byte kept.
     * Only entries the rule has on a line of their own are changed (unknown names are ignored: the
     * form shows only those). Values must hold no line break or control character (checked by the caller).
     */
    public static String rewrite(String text, String ruleName, Map<String, String> values) {
        Rule rule = rule(text, ruleName).orElseThrow(() -> new NoSuchElementException("no rule " + ruleName));
        StringBuilder out = new StringBuilder(text.length() + 64);
        int from = 0;
        for (Meta m : rule.meta()) { // in file order: each line replaced as the text is copied
            String value = values.get(m.name());
            if (value == null || value.equals(m.value())) continue;
            out.append(text, from, m.start());
            out.append(m.indent()).append('@').append(m.name()).append("(\"").append(escape(value)).append("\")");
            from = m.end();
        }
        out.append(text, from, text.length());
        return out.toString();
    }

    /** A DRL string literal's content: backslash and double quote escaped. */
    public static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String unescape(String literal) {
        StringBuilder b = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char ch = literal.charAt(i);
            if (ch == '\\' && i + 1 < literal.length()) ch = literal.charAt(++i);
            b.append(ch);
        }
        return b.toString();
    }

    private static List<RuleDescr> parse(String text) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, text);
            if (pkg == null || parser.hasErrors()) throw new Unparsable();
            return pkg.getRules();
        } catch (DroolsParserException | RuntimeException | StackOverflowError e) {
            if (e instanceof Unparsable u) throw u;
            throw new Unparsable();
        }
    }

    /** The header lines of the rule that are one annotation the parser also found on the rule. */
    private static List<Meta> metaLines(String text, RuleDescr rule) {
        Set<String> annotations = new HashSet<>(rule.getAnnotationNames());
        int start = Math.max(rule.getStartCharacter(), 0);
        int end = Math.min(rule.getEndCharacter() < 0 ? text.length() : rule.getEndCharacter(), text.length());
        int lineNo = rule.getLine();
        int at = text.indexOf('\n', start); // the line after "rule …"
        List<Meta> out = new ArrayList<>();
        while (at >= 0 && at < end) {
            int lineStart = at + 1;
            lineNo++;
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.length();
            int contentEnd = lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            String line = text.substring(lineStart, contentEnd);
            if (WHEN.matcher(line).matches()) break;
            Matcher m = META.matcher(line);
            if (m.matches() && annotations.contains(m.group(2))) {
                out.add(new Meta(m.group(2), unescape(m.group(3)), lineNo, lineStart, contentEnd, m.group(1)));
            }
            at = lineEnd < text.length() ? lineEnd : -1;
        }
        return out;
    }
}
