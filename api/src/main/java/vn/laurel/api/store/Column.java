package vn.laurel.api.store;

import java.util.Arrays;
import java.util.List;

/**
 * One column of a fact kind: its name in the database, in CSV files (snake_case) and in JSON
 * (camelCase, as in the case format), its type and the values it accepts.
 *
 * @param key      part of the natural key: a row with the same key replaces (supersedes) the current one
 * @param codes    for a code column, the accepted codes
 * @param min      the smallest value of a number (a DECIMAL's too), inclusive
 * @param fallback the value used when the column is empty (a default kind, say); null for none
 */
public record Column(String db, String csv, String json, Type type, boolean key, boolean required,
                     List<String> codes, long min, long max, Object fallback) {
    public enum Type { TEXT, INT, LONG, BOOL, DATE, CODE, DECIMAL }

    public static Column of(String db, String csv, Type type) {
        return new Column(db, csv, camel(csv), type, false, false, List.of(), Long.MIN_VALUE, Long.MAX_VALUE, null);
    }

    public Column asKey() { return new Column(db, csv, json, type, true, required, codes, min, max, fallback); }

    public Column mandatory() { return new Column(db, csv, json, type, key, true, codes, min, max, fallback); }

    public Column json(String name) { return new Column(db, csv, name, type, key, required, codes, min, max, fallback); }

    public Column range(long min, long max) { return new Column(db, csv, json, type, key, required, codes, min, max, fallback); }

    public Column orElse(Object value) { return new Column(db, csv, json, type, key, required, codes, min, max, value); }

    public Column codes(Class<? extends Enum<?>> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return new Column(db, csv, json, Type.CODE, key, required, names, min, max, fallback);
    }

    /** A key column that may be empty needs a null-safe comparison in SQL. */
    public boolean nullable() { return !required && fallback == null; }

    private static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') { upper = true; continue; }
            sb.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        return sb.toString();
    }
}
