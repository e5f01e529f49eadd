package vn.laurel.api.web;

import vn.laurel.api.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Query parameters parsed by hand, so that every bad value is answered with the field's name and the rule it broke. */
public final class Params {
    static final int MIN_YEAR = 1945;
    static final int MAX_YEAR = 2100;

    private Params() {}

    public static int year(String value) {
        if (value == null || value.isBlank()) throw ProblemException.badField("year", "is required, e.g. year=2025");
        try {
            int year = integer(value);
            if (year < MIN_YEAR || year > MAX_YEAR) {
                throw ProblemException.badField("year", "must be between " + MIN_YEAR + " and " + MAX_YEAR);
            }
            return year;
        } catch (NumberFormatException e) {
            throw ProblemException.badField("year", "\"" + value + "\" is not a year");
        }
    }

    /** A whole number in ASCII digits: Integer.parseInt alone would also take "٢٠٢٥" or "+7". */
    public static int integer(String value) {
        String v = value.trim();
        if (!v.matches("-?[0-9]{1,10}")) throw new NumberFormatException(v);
        return Integer.parseInt(v);
    }

    /** An identifier as stored: NFC, so "ĐV-HOÀ" typed decomposed finds the subject imported composed. */
    public static String id(String value) {
        return value == null ? null : java.text.Normalizer.normalize(value.trim(), java.text.Normalizer.Form.NFC);
    }

    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.getYear() < 1900 || date.getYear() > MAX_YEAR) {
                throw ProblemException.badField(field, "must be between 1900-01-01 and " + MAX_YEAR + "-12-31");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "\"" + value + "\" is not a date (YYYY-MM-DD)");
        }
    }

    /** The appraisal of year Y is dated the appraisal day of Y+1, or today if that is still to come. */
    public static LocalDate defaultAppraisalDate(int year, java.time.MonthDay appraisalDay, java.time.Clock clock) {
        LocalDate usual = appraisalDay.atYear(year + 1);
        LocalDate today = LocalDate.now(clock);
        return today.isBefore(usual) ? today : usual;
    }

    public static List<String> codes(String value) {
        if (value == null || value.isBlank()) return List.of();
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
