package vn.laurel.api.workbench.scenarios;

import vn.laurel.api.workbench.scenarios.ScenarioForm.Column;
import vn.laurel.api.workbench.scenarios.ScenarioForm.Kind;
import vn.laurel.api.workbench.scenarios.ScenarioForm.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a (validated) form as a scenario file in the examples' style: top-level fields, the subject
 * block, one flow map per fact, the expectations short when no criterion is named. Blank values are
 * left out; defaults the reader fills in (a commendation's MERIT, an initiative's INITIATIVE, a
 * discipline's status) are left out too, so a file read and written back stays as it was written.
 */
public final class ScenarioYaml {
    private ScenarioYaml() {}

    /** A plain scalar that YAML reads back as the same text (not a number, date, boolean or null; no flow or comment signs). */
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}][\\p{L}\\p{M}\\p{N} ._/()-]*");
    private static final Pattern RESERVED = Pattern.compile("(?i)(true|false|yes|no|on|off|null|y|n|~)");

    /** The leading comment block of a file (its lines starting with '#', up to the first other line), or "". */
    public static String header(String file) {
        StringBuilder sb = new StringBuilder();
        for (String line : file.split("\n", -1)) {
            if (!line.startsWith("#")) break;
            sb.append(line.replace("\r", "")).append('\n');
        }
        return sb.toString();
    }

    public static String write(ScenarioForm f, String header) {
        StringBuilder y = new StringBuilder(header);
        y.append("name: ").append(quoted(f.name)).append('\n');
        line(y, "", "asOf", f.asOf);
        line(y, "", "submittedOn", f.submittedOn);
        line(y, "", "year", f.year);
        if (!f.awards.isEmpty()) y.append("awards: [").append(String.join(", ", f.awards)).append("]\n");
        y.append("subject:\n");
        for (Column c : ScenarioForm.SUBJECT) {
            String v = f.subject.getOrDefault(c.name(), "");
            if (!v.isBlank()) y.append("  ").append(c.name()).append(": ").append(value(c, v)).append('\n');
        }
        for (Kind k : ScenarioForm.KINDS) {
            List<Map<String, String>> rows = f.facts.get(k.name());
            if (rows == null || rows.isEmpty()) continue;
            y.append("  ").append(k.name()).append(":\n");
            for (Map<String, String> row : rows) {
                List<String> parts = new ArrayList<>();
                for (Column c : k.columns()) {
                    String v = row.getOrDefault(c.name(), "");
                    if (v.isBlank() || isDefault(k, c, v, row)) continue;
                    parts.add(c.name() + ": " + value(c, v));
                }
                y.append("    - { ").append(String.join(", ", parts)).append(" }\n");
            }
        }
        if (!f.expect.isEmpty()) {
            y.append("expect:\n");
            f.expect.forEach((award, e) -> {
                y.append("  ").append(award).append(": ");
                if (e.because.isEmpty()) y.append(e.outcome).append('\n');
                else y.append("{ outcome: ").append(e.outcome).append(", because: [").append(String.join(", ", e.because)).append("] }\n");
            });
        }
        return y.toString();
    }

    private static boolean isDefault(Kind k, Column c, String v, Map<String, String> row) {
        return switch (k.name() + "." + c.name()) {
            case "commendations.kind" -> v.equals("MERIT");
            case "initiatives.kind" -> v.equals("INITIATIVE");
            case "disciplines.status" -> v.equals(row.getOrDefault("form", "").isBlank() ? "PENDING" : "DECIDED");
            default -> false;
        };
    }

    private static void line(StringBuilder y, String indent, String key, String value) {
        if (value != null && !value.isBlank()) y.append(indent).append(key).append(": ").append(value.trim()).append('\n');
    }

    private static String value(Column c, String v) {
        return c.type() == Type.TEXT ? plainOrQuoted(v) : v.trim();
    }

    static String plainOrQuoted(String v) {
        if (PLAIN.matcher(v).matches() && !v.endsWith(" ") && !RESERVED.matcher(v).matches()) return v;
        return quoted(v);
    }

    /** A double-quoted YAML scalar: backslash, quote and control characters escaped. */
    static String quoted(String v) {
        StringBuilder sb = new StringBuilder("\"");
        v.codePoints().forEach(cp -> {
            if (cp == '"') sb.append("\\\"");
            else if (cp == '\\') sb.append("\\\\");
            else if (cp == '\n') sb.append("\\n");
            else if (cp == '\t') sb.append("\\t");
            else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff) {
                sb.append(String.format("\\u%04x", cp));
            } else sb.appendCodePoint(cp);
        });
        return sb.append('"').toString();
    }
}
