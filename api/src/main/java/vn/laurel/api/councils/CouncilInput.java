package vn.laurel.api.councils;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reading one value of a council request, from JSON (numbers, strings) or a form (strings) alike: each
 * refusal names the field, so that the API's problem and the page's form say the same.
 */
public final class CouncilInput {
    public static final int MAX_TEXT = 2000;
    public static final int MAX_NAME = 255;
    public static final int MAX_MEMBERS = 200;
    /** Ballots in one request: each is checked by evaluating the council's unit and asking the engine what it settles. */
    public static final int MAX_BALLOTS = 100;

    private CouncilInput() {}

    public static String text(String field, Object value, boolean required, int max) {
        String s = value == null ? null : String.valueOf(value).strip();
        if (s == null || s.isEmpty()) {
            if (required) throw CouncilRefused.bad(field, "councils.error.required");
            return null;
        }
        if (s.length() > max) throw new CouncilRefused(413, field, "councils.error.tooLong", max);
        if (s.chars().anyMatch(ch -> ch < 0x20 && ch != '\t')) throw CouncilRefused.bad(field, "councils.error.control");
        return s;
    }

    /** A council's code: letters, digits, '.', '_' and '-', at most 64. */
    public static String code(String field, Object value) {
        String s = text(field, value, true, 64);
        if (!s.matches("[A-Za-z0-9._-]+")) throw CouncilRefused.bad(field, "councils.error.code");
        return s;
    }

    public static LocalDate date(String field, Object value, boolean required) {
        String s = text(field, value, required, 10);
        if (s == null) return null;
        try {
            LocalDate d = LocalDate.parse(s);
            if (d.getYear() < 1945 || d.getYear() > 2100) throw CouncilRefused.bad(field, "councils.error.date");
            return d;
        } catch (DateTimeParseException e) {
            throw CouncilRefused.bad(field, "councils.error.date");
        }
    }

    public static int year(String field, Object value) {
        String s = text(field, value, true, 4);
        if (!s.matches("\\d{4}")) throw CouncilRefused.bad(field, "councils.error.year");
        int y = Integer.parseInt(s);
        if (y < 2000 || y > 2100) throw CouncilRefused.bad(field, "councils.error.year");
        return y;
    }

    public static long id(String field, Object value) {
        if (value instanceof Number n && n.longValue() == n.doubleValue()) return n.longValue();
        String s = text(field, value, true, 19);
        if (!s.matches("\\d{1,18}")) throw CouncilRefused.bad(field, "councils.error.member");
        return Long.parseLong(s);
    }

    public static Vote vote(String field, Object value) {
        String s = text(field, value, true, 16);
        try {
            return Vote.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CouncilRefused.bad(field, "councils.error.vote");
        }
    }
}
