package vn.laurel.api.earliest;

import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.model.Rating;
import vn.laurel.engine.projection.Assumptions;

import java.util.Arrays;
import java.util.Locale;

/**
 * The assumptions of an earliest-year question, from query or form parameters: each bad value answered with
 * the parameter's name and the rule it broke (400), before anything is evaluated.
 */
public final class EarliestParams {
    private EarliestParams() {}

    /**
     * {@code rating} a rating code; {@code initiatives} 0–{@value Assumptions#MAX_INITIATIVES_PER_YEAR};
     * {@code attested} true or false; {@code horizon} 1–{@value Assumptions#MAX_HORIZON}. A blank value is not given.
     */
    public static Assumptions assumptions(String rating, String initiatives, String attested, String horizon) {
        return new Assumptions(rating(rating), whole("initiatives", initiatives, 0, Assumptions.MAX_INITIATIVES_PER_YEAR),
                bool("attested", attested), whole("horizon", horizon, 1, Assumptions.MAX_HORIZON));
    }

    /** As above, and {@code rulesContinue} true or false (left out: true — see {@link Assumptions#rulesContinue()}). */
    public static Assumptions assumptions(String rating, String initiatives, String attested, String horizon, String rulesContinue) {
        return assumptions(rating, initiatives, attested, horizon).withRulesContinue(bool("rulesContinue", rulesContinue));
    }

    static Rating rating(String value) {
        if (blank(value)) return null;
        try {
            return Rating.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("rating", "\"" + value + "\" is not one of " + Arrays.toString(Rating.values()));
        }
    }

    static Boolean bool(String field, String value) {
        if (blank(value)) return null;
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("on")) return true;
        if (v.equals("false")) return false;
        throw ProblemException.badField(field, "must be true or false");
    }

    static Integer whole(String field, String value, int min, int max) {
        if (blank(value)) return null;
        String v = value.trim();
        if (!v.matches("-?[0-9]{1,10}")) throw ProblemException.badField(field, "\"" + value + "\" is not a whole number");
        long n = Long.parseLong(v);
        if (n < min || n > max) throw ProblemException.badField(field, "must be between " + min + " and " + max);
        return (int) n;
    }

    /** The evaluation year's last projected appraisal must stay within the dates Laurel reads (up to 2100). */
    public static void requireWithinDates(int year, Assumptions assumptions) {
        int last = year + assumptions.horizon() + 1;
        if (last > 2100) {
            throw ProblemException.badField("year", "with a horizon of " + assumptions.horizon() + " years must be at most "
                    + (2100 - assumptions.horizon() - 1) + " (the last projected year is appraised in " + last + ")");
        }
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }
}
