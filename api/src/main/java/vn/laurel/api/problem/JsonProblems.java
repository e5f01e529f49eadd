package vn.laurel.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a JSON body or file, in plain words: the parser's own messages name its
 * classes and settings ({@code StreamReadConstraints.getMaxNestingDepth()}, {@code java.lang.String}),
 * which tell a client nothing and an attacker which library to aim at.
 */
public final class JsonProblems {
    private static final Pattern LIMIT = Pattern.compile("maximum allowed \\((\\d+)");

    private JsonProblems() {}

    /** The fault, with its line and column when the parser knows them. */
    public static String describe(Exception e) {
        if (!(e instanceof JsonProcessingException j)) return "cannot be read";
        String what = what(j);
        var at = j.getLocation();
        return at == null || at.getLineNr() < 1 ? what : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String what(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            Matcher m = LIMIT.matcher(message);
            String limit = m.find() ? m.group(1) : null;
            if (limit == null) return PlainText.of(message);
            if (message.contains("nesting depth")) return "is nested more than " + limit + " levels deep";
            if (message.startsWith("String value length")) return "holds a text longer than " + limit + " characters";
            if (message.startsWith("Number value length")) return "holds a number longer than " + limit + " digits";
            if (message.startsWith("Name length")) return "holds a field name longer than " + limit + " characters";
            return "is larger than allowed (" + limit + ")";
        }
        if (e instanceof JsonEOFException) return "ends before the JSON is complete";
        if (message.startsWith("Trailing token")) return "holds something after the JSON value: send one value";
        return PlainText.of(message);
    }
}
