package vn.laurel.api.workbench.parameters;

import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterValue;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a new value of a parameter may be, learnt from the values it has: whole numbers, decimals,
 * true/false, code words (REPRIMAND, NONE…) or a mix (a limit: a number or NONE). The rules read a
 * parameter through one typed accessor, so a value of another type would only fail later, in a rule.
 */
public record ValueType(boolean integer, boolean decimal, boolean bool, Set<String> words, BigDecimal max) {
    private static final String WORD = "[A-Z][A-Z0-9_]{0,79}";

    public ValueType(boolean integer, boolean decimal, boolean bool, Set<String> words) {
        this(integer, decimal, bool, words, null);
    }

    public static ValueType of(Parameter p) {
        boolean integer = false, decimal = false, bool = false;
        Set<String> words = new TreeSet<>();
        boolean withinOne = true;
        for (ParameterValue v : p.values()) {
            Object x = v.value();
            if (x instanceof Number n && !InsertionCheck.within(n, BigDecimal.ZERO, BigDecimal.ONE)) withinOne = false;
            if (x instanceof Integer || x instanceof Long || x instanceof java.math.BigInteger) integer = true;
            else if (x instanceof Number) decimal = true;
            else if (x instanceof Boolean) bool = true;
            else if (x != null) words.add(x.toString());
        }
        // Counts, months, days, years are never negative; a share (every value so far in [0, 1], or a unit
        // that says so) is at most 1; a percentage at most 100. The bound is null for a non-numeric parameter.
        String unit = p.unit() == null ? "" : p.unit().toLowerCase(java.util.Locale.ROOT);
        BigDecimal max = null;
        if (decimal && (withinOne || unit.contains("fraction") || unit.contains("share") || unit.contains("ratio"))) max = BigDecimal.ONE;
        else if ((integer || decimal) && unit.contains("percent")) max = BigDecimal.valueOf(100);
        return new ValueType(integer && !decimal, decimal, bool, words, max);
    }

    /**
     * The message key of a number out of range (wbparams.error.range.*), or null when the value is within it.
     * Every numeric parameter of the rules is a count, a duration, a share or a percentage: none is negative.
     */
    public String rangeProblem(Object value) {
        if (!(value instanceof Number n)) return null;
        BigDecimal v = new BigDecimal(n.toString());
        if (max != null && BigDecimal.ONE.equals(max) && (v.signum() < 0 || v.compareTo(max) > 0)) return "wbparams.error.range.share";
        if (max != null && (v.signum() < 0 || v.compareTo(max) > 0)) return "wbparams.error.range.percent";
        if (v.signum() < 0) return "wbparams.error.range.negative";
        return null;
    }

    /** Only words: a code parameter, which may take a code not used yet (WARNING) written as codes are. */
    public boolean wordsOnly() {
        return !integer && !decimal && !bool && !words.isEmpty();
    }

    /** The value typed, or null when the text is no value of this type. */
    public Object parse(String text) {
        String t = text.strip();
        if (bool && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"))) return Boolean.valueOf(t.toLowerCase());
        if (integer && t.matches("-?\\d{1,9}")) return Integer.valueOf(t);
        if (decimal && t.matches("-?\\d{1,15}")) return new BigDecimal(t);
        if (decimal && t.matches("-?\\d{1,15}\\.\\d{1,10}")) return new BigDecimal(t);
        if (words.contains(t)) return t;
        if (wordsOnly() && t.matches(WORD)) return t;
        return null;
    }

    /** The kind, as a message key suffix: integer, decimal, boolean, words, integerOrWords, decimalOrWords. */
    public String kind() {
        String number = integer ? "integer" : decimal ? "decimal" : null;
        if (bool) return "boolean";
        if (number != null) return words.isEmpty() ? number : number + "OrWords";
        return "words";
    }

    /** The words it has, for the message: "REPRIMAND" or "NONE". */
    public String wordList() {
        return String.join(", ", words);
    }
}
