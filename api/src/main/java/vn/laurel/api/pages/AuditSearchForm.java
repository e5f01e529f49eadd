package vn.laurel.api.pages;

import vn.laurel.api.decisions.DecisionStore;
import vn.laurel.api.web.Params;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The decision search of /audit, read from the query: the criteria of GET /api/v1/decisions, with
 * dates as an official writes them (dd/MM/yyyy, or ISO) and the period's last day included. Each bad
 * field is named with a message key, so the form comes back with the field marked rather than failing.
 */
final class AuditSearchForm {
    static final int MAX_TEXT = 200;
    static final int MAX_CODE = 100;
    static final int DEFAULT_SIZE = 50;
    /** The API's own limits (FactsController): the page may not ask the store for more than the API would. */
    static final int MAX_SIZE = 500;
    static final int MAX_PAGE = 1_000_000;
    static final List<String> OUTCOMES = List.of("ELIGIBLE", "NOT_ELIGIBLE", "NEEDS_REVIEW", "ELIGIBLE_SUBJECT_TO_QUOTA", "NOT_MODELLED");
    static final List<String> FIELDS = List.of("subject", "award", "outcome", "from", "to", "rulesetVersion", "page", "size");

    private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** The form as read: the values to show again, the bad fields (field → message key), and the search when none is bad. */
    record Parsed(Map<String, String> values, Map<String, String> errors, DecisionStore.Search search, int page, int size) {
        boolean valid() {
            return errors.isEmpty();
        }

        /** Whether any criterion was given (an empty form still lists the newest decisions). */
        boolean filtered() {
            return values.entrySet().stream().anyMatch(e -> !e.getKey().equals("page") && !e.getKey().equals("size") && !e.getValue().isEmpty());
        }
    }

    private AuditSearchForm() {}

    /** Reads the form; {@code zone} is where a day begins and ends for the period. */
    static Parsed parse(Function<String, String> query, ZoneId zone) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = query.apply(f);
            values.put(f, v == null ? "" : v.strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String subject = text(values, "subject", MAX_TEXT, errors);
        String award = text(values, "award", MAX_CODE, errors);
        if (award != null && !award.matches("[A-Za-z0-9_]+")) errors.putIfAbsent("award", "audit.error.award");
        String outcome = text(values, "outcome", MAX_CODE, errors);
        if (outcome != null && !OUTCOMES.contains(outcome)) errors.putIfAbsent("outcome", "audit.error.outcome");
        String version = text(values, "rulesetVersion", MAX_TEXT, errors);
        LocalDate from = date(values, "from", errors);
        LocalDate to = date(values, "to", errors);
        if (from != null && to != null && to.isBefore(from)) errors.putIfAbsent("to", "audit.error.period");
        int page = number(values, "page", 0, 0, MAX_PAGE, errors);
        int size = number(values, "size", DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) return new Parsed(values, errors, null, page, size);
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        // The API's "to" is exclusive; an official's last day is not, so the period ends where the next day begins.
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        DecisionStore.Search search = new DecisionStore.Search(subject == null ? null : Params.id(subject), award, outcome, start, end,
                version, null, page * size, size);
        return new Parsed(values, errors, search, page, size);
    }

    /** A date written dd/MM/yyyy (d/M too) or yyyy-MM-dd, from 1900 to 2100; null when empty. */
    static LocalDate date(String value) {
        String v = value.strip();
        LocalDate d;
        try {
            d = v.contains("/") ? LocalDate.parse(v, VI) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
        return d.getYear() < 1900 || d.getYear() > 2100 ? null : d;
    }

    private static LocalDate date(Map<String, String> values, String field, Map<String, String> errors) {
        String v = values.get(field);
        if (v.isEmpty()) return null;
        if (v.length() > 20) {
            errors.put(field, "audit.error.date");
            return null;
        }
        LocalDate d = date(v);
        if (d == null) errors.put(field, "audit.error.date");
        return d;
    }

    /** A text criterion: null when empty; too long, or holding control characters (the database refuses NUL), is an error. */
    private static String text(Map<String, String> values, String field, int max, Map<String, String> errors) {
        String v = values.get(field);
        if (v.isEmpty()) return null;
        if (v.length() > max) {
            errors.put(field, "audit.error.tooLong");
            return null;
        }
        if (!printable(v)) {
            errors.put(field, "audit.error.text");
            return null;
        }
        return v;
    }

    private static int number(Map<String, String> values, String field, int fallback, int min, int max, Map<String, String> errors) {
        String v = values.get(field);
        if (v.isEmpty()) return fallback;
        if (v.matches("[0-9]{1,9}")) {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        }
        errors.put(field, "audit.error.number");
        return fallback;
    }

    /** No control character and no lone half of a surrogate pair: text a store can keep and a page can show. */
    static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
