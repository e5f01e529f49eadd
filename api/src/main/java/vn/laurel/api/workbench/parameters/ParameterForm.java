package vn.laurel.api.workbench.parameters;

import vn.laurel.api.pages.Pages;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The form "a new dated value" as sent, kept as typed (to show it again when something is wrong), and
 * its check: each problem names its field with a message key of the area (wbparams.error.*).
 */
public record ParameterForm(String from, String value, String reference, String confidence, String organisation, String sector) {
    static final int MAX_REFERENCE = 2000;
    static final int MAX_SHORT = 100;
    public static final Set<String> CONFIDENCES = Set.of("VERIFIED", "RECALLED", "UNCONFIRMED");

    static ParameterForm empty() {
        return new ParameterForm("", "", "", "VERIFIED", "", "");
    }

    static ParameterForm of(Map<String, Object> form) {
        return new ParameterForm(text(form, "from"), text(form, "value"), text(form, "reference"), text(form, "confidence"),
                text(form, "organisation"), text(form, "sector"));
    }

    /** What is wrong, field by field (message keys), in the form's order; empty when the form is good. */
    Map<String, String> problems(ValueType type) {
        return problems(type, null, null);
    }

    /**
     * As {@link #problems(ValueType)}, also checking the scope against what the system knows: {@code units}
     * the unit codes of the directory, {@code sectors} the sector codes in use (null: not checked).
     */
    Map<String, String> problems(ValueType type, Set<String> units, Set<String> sectors) {
        Map<String, String> p = new LinkedHashMap<>();
        if (from.isBlank()) p.put("from", "wbparams.error.fromMissing");
        else if (date() == null) p.put("from", "wbparams.error.fromBad");
        if (value.isBlank()) p.put("value", "wbparams.error.valueMissing");
        else if (value.length() > MAX_SHORT || type.parse(value) == null) p.put("value", "wbparams.error.value." + type.kind());
        else if (type.rangeProblem(type.parse(value)) != null) p.put("value", type.rangeProblem(type.parse(value)));
        if (reference.isBlank()) p.put("reference", "wbparams.error.referenceMissing");
        else if (reference.length() > MAX_REFERENCE) p.put("reference", "wbparams.error.referenceLong");
        else if (reference.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) p.put("reference", "wbparams.error.referenceLines");
        if (!CONFIDENCES.contains(confidence)) p.put("confidence", "wbparams.error.confidence");
        boolean org = !organisation.isBlank(), sec = !sector.isBlank();
        if (org && sec) p.put("sector", "wbparams.error.bothScopes");
        else if (org && !organisation.strip().matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) p.put("organisation", "wbparams.error.organisation");
        else if (sec && !sector.strip().matches("[A-Za-z][A-Za-z0-9_]{0,63}")) p.put("sector", "wbparams.error.sector");
        else if (org && units != null && !units.contains(organisation.strip())) p.put("organisation", "wbparams.error.organisationUnknown");
        else if (sec && sectors != null && !sectors.contains(sector.strip().toUpperCase())) p.put("sector", "wbparams.error.sectorUnknown");
        return p;
    }

    /** The checked value; call only when {@link #problems} is empty. */
    NewValue toValue(ValueType type) {
        return new NewValue(date(), type.parse(value), reference.strip(), confidence,
                organisation.isBlank() ? null : organisation.strip(), sector.isBlank() ? null : sector.strip().toUpperCase());
    }

    private LocalDate date() {
        try {
            LocalDate d = LocalDate.parse(from.strip());
            return d.getYear() < 1900 || d.getYear() > 2200 ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Map<String, Object> form, String name) {
        String v = Pages.field(form, name);
        // Kept to show again, but never more than a page should hold.
        if (v == null) return "";
        return v.length() > MAX_REFERENCE + 1 ? v.substring(0, MAX_REFERENCE + 1) : v;
    }
}
