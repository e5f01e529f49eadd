package vn.laurel.api.workbench.scenarios;

import vn.laurel.api.pages.Pages;
import vn.laurel.api.workbench.scenarios.ScenarioForm.Column;
import vn.laurel.api.workbench.scenarios.ScenarioForm.Kind;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.*;

/**
 * The posted form read back into a {@link ScenarioForm} (rows ticked for removal and wholly blank rows
 * dropped, so row numbers match the written file), and what is wrong with it before the engine reads
 * it: each error names the form field (the case document's path) and a message key of the page's
 * bundle. The engine's own validation runs afterwards on the written YAML.
 */
public final class ScenarioFormInput {
    static final int MAX_TEXT = 2000;
    static final int MAX_ROWS = 200;
    static final int MIN_YEAR = 1945, MAX_YEAR = 2100;

    /** One thing wrong: the field (a case document path) and a message key, or an engine message as is. */
    public record Error(String field, String key, String detail) {}

    private ScenarioFormInput() {}

    public static ScenarioForm read(Map<String, Object> form) {
        ScenarioForm f = new ScenarioForm();
        f.name = field(form, "name");
        f.asOf = field(form, "asOf");
        f.submittedOn = field(form, "submittedOn");
        f.year = field(form, "year");
        f.awards = new ArrayList<>(values(form, "awards"));
        for (Column c : ScenarioForm.SUBJECT) f.subject.put(c.name(), field(form, "subject." + c.name()));
        for (Kind k : ScenarioForm.KINDS) {
            int n = Math.min(MAX_ROWS, count(field(form, "rows." + k.name())));
            for (int i = 0; i < n; i++) {
                String at = "subject." + k.name() + "[" + i + "].";
                if (Pages.field(form, at + "remove") != null) continue;
                Map<String, String> row = new LinkedHashMap<>();
                boolean blank = true;
                for (Column c : k.columns()) {
                    String v = field(form, at + c.name());
                    row.put(c.name(), v);
                    if (!v.isBlank()) blank = false;
                }
                if (!blank) f.facts.get(k.name()).add(row);
            }
        }
        // An expectation block for each award that had one, and for each award newly ticked.
        Set<String> awards = new LinkedHashSet<>(values(form, "expect"));
        awards.addAll(f.awards);
        for (String award : awards) {
            if (!award.matches("[A-Z0-9_]{1,100}")) continue;
            ScenarioForm.Expect e = new ScenarioForm.Expect();
            e.outcome = field(form, "expect." + award + ".outcome");
            e.because = new ArrayList<>(values(form, "expect." + award + ".because"));
            f.expect.put(award, e);
        }
        return f;
    }

    /** Expectations without an outcome are only blocks shown for ticked awards: they are not written. */
    public static void dropBlankExpectations(ScenarioForm f) {
        f.expect.values().removeIf(e -> e.outcome.isBlank());
    }

    public static List<Error> check(ScenarioForm f, RuleSet rules) {
        List<Error> errors = new ArrayList<>();
        if (f.name.isBlank()) errors.add(new Error("name", "wbscenarios.error.required", null));
        text(errors, "name", f.name);
        date(errors, "asOf", f.asOf, true);
        date(errors, "submittedOn", f.submittedOn, false);
        integer(errors, "year", f.year, true, MIN_YEAR, MAX_YEAR);
        for (String a : f.awards) if (!rules.awards().containsKey(a)) errors.add(new Error("awards", "wbscenarios.error.code", a));
        for (Column c : ScenarioForm.SUBJECT) cell(errors, "subject." + c.name(), c, f.subject.get(c.name()),
                c.name().equals("id") || c.name().equals("kind"));
        for (Kind k : ScenarioForm.KINDS) {
            List<Map<String, String>> rows = f.facts.get(k.name());
            for (int i = 0; i < rows.size(); i++) {
                for (Column c : k.columns()) cell(errors, "subject." + k.name() + "[" + i + "]." + c.name(), c, rows.get(i).get(c.name()), false);
            }
        }
        if (f.expect.isEmpty()) errors.add(new Error("expect", "wbscenarios.error.noExpectation", null));
        f.expect.forEach((award, e) -> {
            String at = "expect." + award;
            if (!rules.awards().containsKey(award)) errors.add(new Error(at + ".outcome", "wbscenarios.error.code", award));
            Outcome o = null;
            try {
                o = Outcome.valueOf(e.outcome);
            } catch (IllegalArgumentException ex) {
                errors.add(new Error(at + ".outcome", "wbscenarios.error.choice", e.outcome));
            }
            boolean decides = o == Outcome.NOT_ELIGIBLE || o == Outcome.NEEDS_REVIEW;
            if (decides && e.because.isEmpty()) errors.add(new Error(at + ".because", "wbscenarios.error.because", null));
            if (!decides && o != null && !e.because.isEmpty()) errors.add(new Error(at + ".because", "wbscenarios.error.becauseNotAllowed", null));
            for (String c : e.because) if (!c.matches("[A-Z0-9_]{1,100}")) errors.add(new Error(at + ".because", "wbscenarios.error.code", c));
        });
        return errors;
    }

    private static void cell(List<Error> errors, String field, Column c, String v, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) errors.add(new Error(field, "wbscenarios.error.required", null));
            return;
        }
        switch (c.type()) {
            case INT -> integer(errors, field, v, true, field.endsWith("days") ? 0 : MIN_YEAR, field.endsWith("days") ? 366 : MAX_YEAR);
            case LONG -> {
                try {
                    if (Long.parseLong(v.trim()) < 0) errors.add(new Error(field, "wbscenarios.error.number", null));
                } catch (NumberFormatException e) {
                    errors.add(new Error(field, "wbscenarios.error.number", null));
                }
            }
            case DATE -> date(errors, field, v, true);
            case BOOL -> { if (!v.equals("true") && !v.equals("false")) errors.add(new Error(field, "wbscenarios.error.choice", v)); }
            case ENUM -> { if (!c.choices().contains(v)) errors.add(new Error(field, "wbscenarios.error.choice", v)); }
            case CODE -> { if (!v.matches("[A-Z0-9_]{1,100}")) errors.add(new Error(field, "wbscenarios.error.code", v)); }
            case TEXT -> text(errors, field, v);
        }
    }

    private static void text(List<Error> errors, String field, String v) {
        if (v.length() > MAX_TEXT) errors.add(new Error(field, "wbscenarios.error.tooLong", null));
    }

    private static void date(List<Error> errors, String field, String v, boolean required) {
        if (v.isBlank()) {
            if (required) errors.add(new Error(field, "wbscenarios.error.required", null));
            return;
        }
        try {
            LocalDate d = LocalDate.parse(v.trim());
            if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) errors.add(new Error(field, "wbscenarios.error.date", null));
        } catch (DateTimeParseException e) {
            errors.add(new Error(field, "wbscenarios.error.date", null));
        }
    }

    private static void integer(List<Error> errors, String field, String v, boolean required, int min, int max) {
        if (v.isBlank()) {
            if (required) errors.add(new Error(field, "wbscenarios.error.required", null));
            return;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) errors.add(new Error(field, "wbscenarios.error.range", min + "–" + max));
        } catch (NumberFormatException e) {
            errors.add(new Error(field, "wbscenarios.error.number", null));
        }
    }

    private static int count(String v) {
        try {
            return Math.max(0, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String field(Map<String, Object> form, String name) {
        String v = Pages.field(form, name);
        return v == null ? "" : v.trim();
    }

    static List<String> values(Map<String, Object> form, String name) {
        Object v = form == null ? null : form.get(name);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) l.forEach(x -> { if (x != null && !x.toString().isBlank()) out.add(x.toString().trim()); });
        else if (v != null && !v.toString().isBlank()) out.add(v.toString().trim());
        return out.stream().distinct().limit(MAX_ROWS).toList();
    }
}
