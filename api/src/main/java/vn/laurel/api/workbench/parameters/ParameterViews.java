package vn.laurel.api.workbench.parameters;

import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterUse;
import vn.laurel.engine.policy.ParameterValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.*;

/** What the parameter pages show of a parameter: rows of the list, and the table of its dated values. */
final class ParameterViews {
    private ParameterViews() {}

    /** One parameter in the list. {@code overrides}: "organisation HN-SGDDT from 2024-01-01: 40", one per override. */
    record Row(String name, String description, String unit, String confidence, String today, String todayFrom, int count,
               List<String> overrides) {}

    /** The parameters of one file (and the award it belongs to, when its name says). */
    record Group(String file, String title, List<Row> rows) {}

    /** One dated value; {@code inForce}: the value its scope uses today. */
    record ValueRow(String from, String value, String scope, String reference, String confidence, String appliesBy, boolean inForce) {}

    static List<Group> groups(Collection<Parameter> parameters, Map<String, AwardDefinition> awards, String lang, LocalDate today,
                              String q, Scopes scopes) {
        Map<String, List<Row>> byFile = new TreeMap<>();
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        for (Parameter p : parameters) {
            if (!needle.isEmpty() && !matches(p, needle)) continue;
            Optional<ParameterUse> now = p.resolve(today, null);
            List<String> overrides = p.values().stream().filter(v -> !v.isNational())
                    .map(v -> scopes.of(v) + " · " + v.from() + ": " + text(v.value())).toList();
            byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(new Row(p.name(), description(p, lang), p.unit(), p.confidence(),
                    now.map(u -> text(u.value())).orElse(null), now.map(u -> u.effectiveFrom().toString()).orElse(null),
                    p.values().size(), overrides));
        }
        List<Group> groups = new ArrayList<>();
        byFile.forEach((file, rows) -> groups.add(new Group(file, title(file, awards, lang), rows)));
        return groups;
    }

    /** Every value in file order; per scope, the latest one whose date has come is marked in force. */
    static List<ValueRow> values(Parameter p, LocalDate today, Scopes scopes) {
        Map<String, ParameterValue> current = new HashMap<>();
        for (ParameterValue v : p.values()) {
            if (v.from().isAfter(today)) continue;
            String key = v.organisation() + "|" + v.sector();
            ParameterValue best = current.get(key);
            if (best == null || v.from().isAfter(best.from())) current.put(key, v);
        }
        Set<ParameterValue> inForce = Collections.newSetFromMap(new IdentityHashMap<>());
        inForce.addAll(current.values());
        return p.values().stream().map(v -> new ValueRow(v.from().toString(), text(v.value()), scopes.of(v), v.reference(),
                v.confidence() != null ? v.confidence() : p.confidence(), v.bySubmission() ? "SUBMISSION" : "APPRAISAL",
                inForce.contains(v))).toList();
    }

    static String description(Parameter p, String lang) {
        return p.description() == null ? "" : Objects.toString(p.description().in(lang), "");
    }

    static String text(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

    /** The award a file is named for (advanced-laborer.yaml: ADVANCED_LABORER), in the page's language; else the file. */
    private static String title(String file, Map<String, AwardDefinition> awards, String lang) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
        AwardDefinition a = awards.get(stem.toUpperCase(Locale.ROOT).replace('-', '_'));
        return a == null ? stem : a.name().in(lang);
    }

    private static boolean matches(Parameter p, String needle) {
        return p.name().toLowerCase(Locale.ROOT).contains(needle) || p.file().toLowerCase(Locale.ROOT).contains(needle)
                || (p.description() != null && (contains(p.description().vi(), needle) || contains(p.description().en(), needle)));
    }

    private static boolean contains(String s, String needle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Names a value's scope in the page's language: national, organisation X, sector Y. */
    record Scopes(String national, String organisation, String sector) {
        String of(ParameterValue v) {
            if (v.organisation() != null) return organisation + " " + v.organisation();
            if (v.sector() != null) return sector + " " + v.sector();
            return national;
        }
    }
}
