package vn.laurel.api.workbench.parameters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds a dated value to a parameter file as text, so that every comment and the file's layout stay as
 * they were (a YAML library writing the file back would drop the comments that explain each value):
 * the parameter's top-level key, its {@code values:} list, a new item after the list's last item with
 * the items' own indentation. Everything outside the inserted lines is kept byte for byte.
 */
public final class ValueInsertion {
    private ValueInsertion() {}

    /** The file as it would be, and the lines inserted (for tests and for the page to show). */
    public record Result(String text, String inserted) {}

    /** The file cannot be changed this way (a layout this class does not write into): edit the file itself. */
    public static final class Unsupported extends Exception {
        public Unsupported(String message) { super(message); }
    }

    private static final Pattern VALUES = Pattern.compile("^( +)values:[ \\t]*(#.*)?$");
    private static final Pattern ITEM = Pattern.compile("^( *)-( +)\\S.*$");
    /** Words YAML 1.1 readers take for booleans or null: written quoted so that they stay words. */
    private static final Set<String> AMBIGUOUS = Set.of("Y", "N", "YES", "NO", "ON", "OFF", "TRUE", "FALSE", "NULL");

    public static Result insert(String text, String parameter, NewValue value) throws Unsupported {
        List<int[]> lines = lines(text); // [start, end without line break, end with it]
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        int key = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isKey(line(text, lines.get(i)), parameter)) { key = i; break; }
        }
        if (key < 0) throw new Unsupported("parameter " + parameter + " is not a top-level key of the file");
        int blockEnd = lines.size();
        for (int i = key + 1; i < lines.size(); i++) {
            String l = line(text, lines.get(i));
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && l.charAt(0) != '#') { blockEnd = i; break; }
        }
        // The key's children are indented alike: values: must be one of them, not a deeper key of the same name.
        int childIndent = -1, valuesLine = -1;
        for (int i = key + 1; i < blockEnd; i++) {
            String l = line(text, lines.get(i));
            if (isBlankOrComment(l)) continue;
            if (childIndent < 0) childIndent = indent(l);
            if (indent(l) == childIndent && VALUES.matcher(l).matches()) { valuesLine = i; break; }
        }
        if (valuesLine < 0) throw new Unsupported("parameter " + parameter + " has no block list 'values:' (a flow list [..] is not edited here)");
        int listIndent = -1, firstItem = -1, lastContent = -1;
        for (int i = valuesLine + 1; i < blockEnd; i++) {
            String l = line(text, lines.get(i));
            if (isBlankOrComment(l)) continue;
            int in = indent(l);
            if (listIndent < 0) {
                if (!ITEM.matcher(l).matches() || in < childIndent) throw new Unsupported("the values of " + parameter + " are not a list of items");
                listIndent = in;
                firstItem = i;
                lastContent = i;
                continue;
            }
            if (in > listIndent || (in == listIndent && l.charAt(in) == '-')) lastContent = i;
            else break;
        }
        if (firstItem < 0) throw new Unsupported("parameter " + parameter + " has an empty values list");
        // Comments indented as the last item's fields, right after it, are read as its own: the new item follows them.
        int after = lastContent;
        for (int i = lastContent + 1; i < blockEnd; i++) {
            String l = line(text, lines.get(i));
            if (l.isBlank() || !l.stripLeading().startsWith("#") || indent(l) <= listIndent) break;
            after = i;
        }
        Matcher first = ITEM.matcher(line(text, lines.get(firstItem)));
        first.matches();
        String dash = " ".repeat(listIndent);
        String field = " ".repeat(listIndent + 1 + first.group(2).length());
        List<String> out = new ArrayList<>();
        out.add(dash + "- from: " + value.from());
        out.add(field + "value: " + scalar(value.value()));
        if (value.organisation() != null) out.add(field + "organisation: " + quoted(value.organisation()));
        if (value.sector() != null) out.add(field + "sector: " + quoted(value.sector()));
        out.add(field + "reference: " + quoted(value.reference()));
        if (value.confidence() != null) out.add(field + "confidence: " + value.confidence());
        int[] at = lines.get(after);
        boolean hasBreak = at[2] > at[1];
        String inserted = (hasBreak ? "" : eol) + String.join(eol, out) + (hasBreak ? eol : "");
        return new Result(text.substring(0, at[2]) + inserted + text.substring(at[2]), inserted);
    }

    /** A value as YAML reads it back as the same thing: numbers and booleans plain, words plain unless YAML would take them for something else. */
    static String scalar(Object value) {
        if (value instanceof BigDecimal d) return d.toPlainString();
        if (value instanceof Number || value instanceof Boolean) return value.toString();
        String word = value.toString();
        return word.matches("[A-Z][A-Z0-9_]*") && !AMBIGUOUS.contains(word) ? word : quoted(word);
    }

    /** A double-quoted YAML string: backslash, quote and control characters escaped; anything else (Vietnamese) as it is. */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean isKey(String line, String name) {
        String rest;
        if (line.startsWith(name + ":")) rest = line.substring(name.length() + 1);
        else if (line.startsWith("\"" + name + "\":")) rest = line.substring(name.length() + 3);
        else if (line.startsWith("'" + name + "':")) rest = line.substring(name.length() + 3);
        else return false;
        String r = rest.strip();
        return r.isEmpty() || r.startsWith("#");
    }

    private static boolean isBlankOrComment(String l) {
        String s = l.strip();
        return s.isEmpty() || s.startsWith("#");
    }

    private static int indent(String l) {
        int i = 0;
        while (i < l.length() && l.charAt(i) == ' ') i++;
        return i;
    }

    private static String line(String text, int[] l) {
        return text.substring(l[0], l[1]);
    }

    private static List<int[]> lines(String text) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int next = nl < 0 ? text.length() : nl + 1;
            int end = nl < 0 ? text.length() : (nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl);
            lines.add(new int[]{start, end, next});
            start = next;
        }
        return lines;
    }
}
