package vn.laurel.api.demo;

import vn.laurel.api.csv.CsvReader;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Typed access to one CSV row; every bad value names its file, row and column. */
final class RowValues {
    private final String file;
    private final CsvReader.Row row;

    RowValues(String file, CsvReader.Row row) {
        this.file = file;
        this.row = row;
    }

    int line() { return row.line(); }

    String optional(String column) { return row.get(column); }

    String required(String column) {
        String v = row.get(column);
        if (v == null) throw error(column, "is required");
        return v;
    }

    Integer integer(String column, boolean required) {
        String v = required ? required(column) : optional(column);
        if (v == null) return null;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw error(column, "\"" + v + "\" is not a whole number");
        }
    }

    Long longValue(String column) {
        String v = optional(column);
        if (v == null) return null;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw error(column, "\"" + v + "\" is not a whole number");
        }
    }

    LocalDate date(String column, boolean required) {
        String v = required ? required(column) : optional(column);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw error(column, "\"" + v + "\" is not a date (YYYY-MM-DD)");
        }
    }

    Boolean bool(String column) {
        String v = optional(column);
        if (v == null) return null;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw error(column, "\"" + v + "\" is not true or false");
    }

    <E extends Enum<E>> String code(String column, Class<E> type, boolean required) {
        String v = required ? required(column) : optional(column);
        if (v == null) return null;
        try {
            return Enum.valueOf(type, v).name();
        } catch (IllegalArgumentException e) {
            throw error(column, "\"" + v + "\" is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    CsvRowException error(String column, String message) {
        return new CsvRowException(file, row.line(), column, message);
    }
}
