package vn.laurel.engine.ruleset;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The executable model reports many errors without a line ("Unable to parse left part of
 * expression: yeer > 2000"). Policy staff need the line, so it is found from the text the message
 * quotes: the expression after the last colon, else a quoted name.
 */
final class CompileErrorLocator {
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']{2,})[\"']");

    private static final Pattern CODE_WORD = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+|[A-Za-z_$]*[A-Z0-9_$][\\w$]*");

    record At(String file, int line, int column) {}

    private CompileErrorLocator() {}

    /** For an error in generated Java: the first rule file, and line, that holds what the message quotes. */
    static At locateAnywhere(String message, Map<String, byte[]> sources) {
        for (Map.Entry<String, byte[]> s : sources.entrySet()) {
            int[] at = locate(message, s.getValue());
            if (at[0] > 0) return new At(s.getKey(), at[0], at[1]);
        }
        return new At(sources.keySet().stream().findFirst().orElse("?"), 0, 0);
    }

    /** {line, column}, both from 1; {0, 0} when the message quotes nothing found in the file. */
    static int[] locate(String message, byte[] source) {
        String[] lines = new String(source, StandardCharsets.UTF_8).split("\n", -1);
        int colon = message.lastIndexOf(": ");
        if (colon >= 0) {
            int[] at = find(lines, message.substring(colon + 2).trim());
            if (at != null) return at;
        }
        Matcher q = QUOTED.matcher(message);
        while (q.find()) {
            int[] at = find(lines, q.group(1));
            if (at != null) return at;
        }
        // javac's own words ("org.mvel2.MVEL cannot be resolved to a type"): the first word that looks like code
        Matcher w = CODE_WORD.matcher(message);
        while (w.find()) {
            if (w.group().length() < 3) continue;
            int[] at = find(lines, w.group());
            if (at != null) return at;
        }
        return new int[] {0, 0};
    }

    /** The first line holding the text, spaces compared loosely; comments are skipped. */
    private static int[] find(String[] lines, String text) {
        if (text.isBlank()) return null;
        String wanted = text.replaceAll("\\s+", " ");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.trim().startsWith("//")) continue;
            String loose = line.replaceAll("\\s+", " ");
            int at = loose.indexOf(wanted);
            if (at >= 0) return new int[] {i + 1, Math.max(line.indexOf(wanted.split(" ")[0]), 0) + 1};
        }
        return null;
    }
}
