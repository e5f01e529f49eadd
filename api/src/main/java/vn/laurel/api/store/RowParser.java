package vn.laurel.api.store;

import vn.laurel.engine.caseformat.TextValues;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a row of a CSV file, or a JSON object, into typed column values for a fact kind, naming
 * every bad value by file, row and field. Then the checks that look at several fields of one row
 * (a decision dated before its achievement year, a discipline ending before it began…).
 */
public final class RowParser {
    private RowParser() {}

    /** The decimal places a DECIMAL column keeps (NUMERIC(19, 4) in the store). */
    static final int DECIMAL_PLACES = 4;

    /** A decimal without trailing zeros and never in exponent form: 92, 92.5 (the store gives back 92.0000). */
    public static BigDecimal normal(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** The longest a value given is quoted in an error message. */
    static final int QUOTED_LENGTH = 40;

    /** A value as given, in quotes, cut to {@value #QUOTED_LENGTH} characters ("…" when cut). */
    static String quoted(String text) {
        return "\"" + (text.length() <= QUOTED_LENGTH ? text : text.substring(0, QUOTED_LENGTH) + "…") + "\"";
    }

    /** Parses one row whose values are read by CSV column name (strings) or JSON name (any JSON value). */
    public static Map<String, Object> parse(FactKind kind, Function<Column, Object> raw, String file, long row,
                                            List<RowError> errors) {
        Map<String, Object> values = new LinkedHashMap<>();
        int before = errors.size();
        for (Column c : kind.columns()) {
            Object v = raw.apply(c);
            if (v instanceof String s && s.isBlank()) v = null;
            if (v == null) {
                if (c.required()) errors.add(new RowError(file, row, c.csv(), "is required"));
                values.put(c.db(), c.fallback());
                continue;
            }
            try {
                values.put(c.db(), convert(c, v));
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(file, row, c.csv(), e.getMessage()));
            }
        }
        if (errors.size() == before) crossCheck(kind, values, file, row, errors);
        return values;
    }

    static Object convert(Column c, Object v) {
        // One spelling per text: "Hoà" typed on a Mac (NFD) and on Windows (NFC) must be the same key and the same code.
        String text = Normalizer.normalize(String.valueOf(v).strip(), Normalizer.Form.NFC);
        switch (c.type()) {
            case TEXT -> {
                if (text.length() > 512) throw new IllegalArgumentException("is longer than 512 characters");
                if (text.chars().anyMatch(ch -> ch < 0x20 && ch != '\t')) throw new IllegalArgumentException("contains control characters");
                String fault = TextValues.fault(text);
                if (fault != null) throw new IllegalArgumentException(fault);
                return text;
            }
            case CODE -> {
                if (!c.codes().contains(text)) throw new IllegalArgumentException("\"" + text + "\" is not one of " + c.codes());
                return text;
            }
            case INT, LONG -> {
                long n;
                try {
                    n = v instanceof Number num && !(v instanceof Double) && !(v instanceof Float) ? num.longValue() : Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("\"" + text + "\" is not a whole number");
                }
                if (n < c.min() || n > c.max()) {
                    throw new IllegalArgumentException(n + " is out of range (" + c.min() + " to " + c.max() + ")");
                }
                return c.type() == Column.Type.INT ? (Object) (int) n : (Object) n;
            }
            case BOOL -> {
                if (v instanceof Boolean b) return b;
                if (text.equalsIgnoreCase("true")) return true;
                if (text.equalsIgnoreCase("false")) return false;
                throw new IllegalArgumentException("\"" + text + "\" is not true or false");
            }
            case DECIMAL -> {
                BigDecimal n;
                try {
                    n = v instanceof Number num && !(v instanceof Double) && !(v instanceof Float) ? new BigDecimal(num.toString()) : new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("\"" + text + "\" is not a number (digits, with a point for decimals)");
                }
                // Compared and measured, never written out: 1e999999999 in plain digits is a billion characters.
                // The message quotes the value as given, cut short.
                if (n.compareTo(BigDecimal.valueOf(c.min())) < 0 || n.compareTo(BigDecimal.valueOf(c.max())) > 0) {
                    throw new IllegalArgumentException(quoted(text) + " is out of range (" + c.min() + " to " + c.max() + ")");
                }
                if (n.stripTrailingZeros().scale() > DECIMAL_PLACES) {
                    throw new IllegalArgumentException(quoted(text) + " has more than " + DECIMAL_PLACES + " decimal places");
                }
                return normal(n);
            }
            case DATE -> {
                try {
                    LocalDate d = LocalDate.parse(text);
                    if (d.getYear() < 1900 || d.getYear() > 2100) throw new IllegalArgumentException(text + " is out of range (1900 to 2100)");
                    return d;
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("\"" + text + "\" is not a date (YYYY-MM-DD)");
                }
            }
        }
        throw new IllegalStateException(c.type().name());
    }

    /** What each kind of unit event needs and admits (UnitEventKind): the other unit, the new name, the predecessor's figures. */
    private static void unitEvent(Map<String, Object> v, String file, long row, List<RowError> errors) {
        String event = (String) v.get("event_kind"), other = (String) v.get("other_code");
        boolean needsOther = List.of("MERGED_INTO", "SPLIT_FROM", "MOVED").contains(event);
        boolean takesOther = needsOther || event.equals("RENAMED");
        if (needsOther && other == null) errors.add(new RowError(file, row, "other", "is required for a " + event + " event"));
        if (!takesOther && other != null) {
            errors.add(new RowError(file, row, "other", "is given only for MERGED_INTO, SPLIT_FROM, RENAMED or MOVED events, not " + event));
        }
        if (other != null && other.equals(v.get("subject_id"))) errors.add(new RowError(file, row, "other", "is the unit itself"));
        if (event.equals("RENAMED") && v.get("new_name") == null) errors.add(new RowError(file, row, "name", "is required for a RENAMED event"));
        if (!event.equals("RENAMED") && v.get("new_name") != null) {
            errors.add(new RowError(file, row, "name", "is given only for RENAMED events, not " + event));
        }
        boolean predecessor = List.of("MERGED_INTO", "SPLIT_FROM", "RENAMED").contains(event);
        for (String[] c : new String[][] {{"members", "members"}, {"continues", "continues"}}) {
            if (!predecessor && v.get(c[0]) != null) {
                errors.add(new RowError(file, row, c[1], "is given only for MERGED_INTO, SPLIT_FROM or RENAMED events, not " + event));
            }
        }
    }

    private static void crossCheck(FactKind kind, Map<String, Object> v, String file, long row, List<RowError> errors) {
        if (kind == FactKinds.TITLES || kind == FactKinds.COMMENDATIONS) {
            LocalDate decided = (LocalDate) v.get("decided_on");
            int year = (Integer) v.get("achievement_year");
            if (decided != null && decided.getYear() < year) {
                errors.add(new RowError(file, row, "decided_on", "a decision dated " + decided + " cannot reward achievements of " + year));
            }
        }
        if (kind == FactKinds.DISCIPLINES) {
            if (v.get("status") == null) v.put("status", v.get("discipline_form") == null ? "PENDING" : "DECIDED");
            if ("DECIDED".equals(v.get("status"))) {
                if (v.get("discipline_form") == null) errors.add(new RowError(file, row, "form", "is required for a decided discipline"));
                if (v.get("decided_on") == null) errors.add(new RowError(file, row, "decided_on", "is required for a decided discipline"));
            }
            LocalDate on = (LocalDate) v.get("decided_on"), until = (LocalDate) v.get("until_date");
            if (on != null && until != null && until.isBefore(on)) errors.add(new RowError(file, row, "until", "is before decided_on"));
        }
        if (kind == FactKinds.MEMBERSHIPS) {
            LocalDate from = (LocalDate) v.get("from_date"), to = (LocalDate) v.get("to_date");
            if (to != null && to.isBefore(from)) errors.add(new RowError(file, row, "to", "is before from"));
        }
        if (kind == FactKinds.CLUSTER_MEMBERS && v.get("leads") != null && v.get("ranking") == null) {
            // The case format reads a ranking only with its rank: a "leads" without one could not be exported or replayed.
            errors.add(new RowError(file, row, "rank", "is required when leads is given"));
        }
        if (kind == FactKinds.UNIT_EVENTS) unitEvent(v, file, row, errors);
        if (kind == FactKinds.MEMBER_AGGREGATES) {
            int members = (Integer) v.get("members");
            for (Column c : kind.valueColumns()) {
                if (c.db().equals("members")) continue;
                if (v.get(c.db()) instanceof Integer part && part > members) {
                    errors.add(new RowError(file, row, c.csv(), part + " is more than the " + members + " members"));
                }
            }
        }
    }
}
