package vn.laurel.api.workbench.scenarios;

import vn.laurel.api.i18n.Messages;
import vn.laurel.api.workbench.scenarios.ScenarioForm.Column;
import vn.laurel.api.workbench.scenarios.ScenarioForm.Kind;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.regime.Regime;
import vn.laurel.engine.ruleset.CompiledRegime;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.LocalDate;
import java.util.*;

/**
 * What the form's selects and checkboxes offer, from the draft's rules: the awards, the title and
 * commendation codes, the attestation codes, the criteria of each expected award in the scenario's
 * regime. A value the form holds that the rules do not offer is offered too (marked unknown by the
 * check), so that opening a form never drops a value.
 */
public final class ScenarioChoices {
    /** An option: its value, what it reads as. */
    public record Option(String value, String label) {}

    /** A criterion checkbox of an expectation. */
    public record Criterion(String code, String label, boolean checked) {}

    private ScenarioChoices() {}

    /** Per "kind.column" (and "subject.column"), the options of each select. */
    public static Map<String, List<Option>> options(ScenarioForm f, RuleSet rules, Messages messages, String lang) {
        Map<String, List<Option>> out = new HashMap<>();
        for (Column c : ScenarioForm.SUBJECT) {
            if (c.type() == ScenarioForm.Type.ENUM || c.type() == ScenarioForm.Type.BOOL) {
                out.put("subject." + c.name(), with(base(c, rules, messages, lang, "subject"), List.of(f.subject.getOrDefault(c.name(), ""))));
            }
        }
        for (Kind k : ScenarioForm.KINDS) {
            for (Column c : k.columns()) {
                if (c.type() == ScenarioForm.Type.ENUM || c.type() == ScenarioForm.Type.BOOL || c.type() == ScenarioForm.Type.CODE) {
                    List<String> present = f.facts.get(k.name()).stream().map(r -> r.getOrDefault(c.name(), "")).toList();
                    out.put(k.name() + "." + c.name(), with(base(c, rules, messages, lang, k.name()), present));
                }
            }
        }
        List<Option> outcomes = new ArrayList<>();
        for (Outcome o : Outcome.values()) outcomes.add(new Option(o.name(), o.name() + " · " + messages.text(lang, "outcome." + o.name())));
        out.put("outcome", outcomes);
        return out;
    }

    private static List<Option> base(Column c, RuleSet rules, Messages messages, String lang, String kind) {
        List<Option> options = new ArrayList<>();
        if (c.type() == ScenarioForm.Type.BOOL) {
            options.add(new Option("true", messages.text(lang, "wbscenarios.yes")));
            options.add(new Option("false", messages.text(lang, "wbscenarios.no")));
        } else if (c.type() == ScenarioForm.Type.ENUM) {
            for (String v : c.choices()) options.add(new Option(v, label(v, messages, lang)));
        } else if (kind.equals("attestations")) {
            rules.attestations().forEach((code, name) -> options.add(new Option(code, code + " · " + name.in(lang))));
        } else {
            String category = kind.equals("titles") ? "EMULATION_TITLE" : "COMMENDATION";
            for (AwardDefinition a : rules.awards().values()) {
                if (category.equals(a.category())) options.add(new Option(a.code(), a.code() + " · " + a.name().in(lang)));
            }
        }
        return options;
    }

    private static String label(String v, Messages messages, String lang) {
        for (String key : List.of("values.rating." + v, "values.code." + v)) {
            String t = messages.text(lang, key);
            if (!t.equals(key)) return v + " · " + t;
        }
        return v;
    }

    private static List<Option> with(List<Option> base, List<String> present) {
        List<Option> out = new ArrayList<>(base);
        Set<String> known = new HashSet<>();
        base.forEach(o -> known.add(o.value()));
        for (String v : present) if (!v.isBlank() && known.add(v)) out.add(new Option(v, v));
        return out;
    }

    /** The awards to tick: every award of the rules, and any the form names that they do not know. */
    public static List<Option> awards(ScenarioForm f, RuleSet rules, String lang) {
        List<Option> out = new ArrayList<>();
        for (AwardDefinition a : rules.awards().values()) out.add(new Option(a.code(), a.name().in(lang) + " (" + a.code() + ")"));
        return with(out, f.awards);
    }

    /** The regime the scenario's appraisal date selects, or null (no valid date, or before every regime). */
    public static Regime regime(ScenarioForm f, RuleSet rules) {
        try {
            return rules.regimeOn(LocalDate.parse(f.asOf)).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Per expected award, the criteria to tick: those of the award in the scenario's regime for the
     * subject's kind (every regime's when the date selects none), and any the expectation names besides.
     */
    public static Map<String, List<Criterion>> criteria(ScenarioForm f, RuleSet rules, String lang) {
        Regime regime = regime(f, rules);
        SubjectKind kind = "COLLECTIVE".equals(f.subject.get("kind")) ? SubjectKind.COLLECTIVE
                : "PERSON".equals(f.subject.get("kind")) ? SubjectKind.PERSON : null;
        Map<String, List<Criterion>> out = new LinkedHashMap<>();
        f.expect.forEach((award, e) -> {
            Map<String, String> codes = new LinkedHashMap<>();
            Collection<CompiledRegime> regimes = regime == null ? rules.compiled().values() : List.of(rules.compiled(regime.code()));
            for (CompiledRegime r : regimes) {
                if (r == null) continue;
                for (CriterionDefinition c : kind == null ? r.criteriaOf(award) : r.criteriaOf(award, kind)) {
                    codes.putIfAbsent(c.criterion(), c.template() == null ? "" : c.legalBasis() == null ? "" : c.legalBasis().in(lang));
                }
            }
            for (String b : e.because) codes.putIfAbsent(b, "");
            List<Criterion> list = new ArrayList<>();
            codes.forEach((code, basis) -> list.add(new Criterion(code, basis.isBlank() ? code : code + " · " + basis, e.because.contains(code))));
            out.put(award, list);
        });
        return out;
    }
}
