package vn.laurel.api.workbench.catalogue;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.workbench.Coverage;
import vn.laurel.api.workbench.WorkbenchSource;
import vn.laurel.api.workbench.catalogue.CatalogueViews.*;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterUse;
import vn.laurel.engine.policy.ParameterValue;
import vn.laurel.engine.regime.Regime;
import vn.laurel.engine.ruleset.CompiledRegime;
import vn.laurel.engine.ruleset.RuleSet;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.*;

/**
 * Reads a rule set (the rules in service or a draft's) into what the catalogue pages show: the awards
 * of a regime with their coverage, the criteria of an award with their parameters and scenarios, and
 * one rule as the law with how it differs from the previous regime. Texts are in the page's language.
 */
@Singleton
public class CatalogueReader {
    private final ValueTexts texts;

    public CatalogueReader(ValueTexts texts) {
        this.texts = texts;
    }

    /** The regimes in date order: "the previous regime" is the one before in this list. */
    public static List<Regime> ordered(RuleSet rules) {
        List<Regime> out = new ArrayList<>(rules.regimes());
        out.sort(Comparator.comparing(Regime::from, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    /** The regime in force on the day, else the latest (a day after every regime), else the first. */
    public static Regime inForce(RuleSet rules, LocalDate today) {
        List<Regime> all = ordered(rules);
        return rules.regimeOn(today).orElse(all.isEmpty() ? null
                : all.get(0).from() != null && today.isBefore(all.get(0).from()) ? all.get(0) : all.get(all.size() - 1));
    }

    /**
     * The day whose parameter values the pages show for a regime: today when the regime covers today,
     * else its last day (a past regime) or its first (one to come) — a past regime's rules never read
     * values that took effect after it ended.
     */
    public static LocalDate valuesDay(Regime regime, LocalDate today) {
        if (regime.covers(today)) return today;
        if (regime.to() != null && today.isAfter(regime.to())) return regime.to();
        return regime.from() != null ? regime.from() : today;
    }

    public List<RegimeChoice> regimes(RuleSet rules, String selected, LocalDate today, String lang) {
        List<RegimeChoice> out = new ArrayList<>();
        for (Regime r : ordered(rules)) {
            String dates = texts.text(lang, r.to() == null ? "wbcatalogue.regime.from" : "wbcatalogue.regime.between",
                    ValueTexts.date(r.from(), lang), ValueTexts.date(r.to(), lang));
            out.add(new RegimeChoice(r.code(), texts.regime(r.code(), lang), dates, r.covers(today), r.code().equals(selected), r.provisional()));
        }
        return out;
    }

    // ------------------------------------------------------------------ the catalogue

    public List<AwardRow> awards(RuleSet rules, Coverage coverage, String regime, @Nullable Long draft, String lang) {
        CompiledRegime compiled = rules.compiled(regime);
        List<AwardRow> out = new ArrayList<>();
        for (AwardDefinition a : rules.awards().values()) {
            Coverage.Summary s = coverage.summary(regime, a.code());
            Map<String, Boolean> results = new LinkedHashMap<>();
            for (Coverage.Entry e : coverage.of(regime, a.code())) e.testing().forEach(t -> results.put(t.path(), t.passed()));
            int passing = (int) results.values().stream().filter(b -> b).count();
            String coverageText = compiled == null || !compiled.models(a.code()) ? texts.text(lang, "wbcatalogue.notModelled")
                    : texts.text(lang, "wbcatalogue.coverage", s.covered(), s.criteria());
            out.add(new AwardRow(a.code(), a.name().in(lang), category(a.category(), lang), kinds(a.subjectKinds(), lang), s.criteria(),
                    s.covered(), coverageText, passing, results.size() - passing, awardHref(a.code(), regime, draft)));
        }
        return out;
    }

    String category(String category, String lang) {
        String t = texts.text(lang, "wbcatalogue.category." + category);
        return t.startsWith("wbcatalogue.") ? category : t;
    }

    String kinds(List<SubjectKind> kinds, String lang) {
        StringJoiner j = new StringJoiner(", ");
        for (SubjectKind k : kinds) j.add(texts.codeOrSelf(k.name(), lang));
        return j.toString();
    }

    // ------------------------------------------------------------------ an award's criteria

    public List<CriterionView> criteria(WorkbenchSource source, Coverage coverage, String regime, String award, LocalDate day, String lang) {
        RuleSet rules = source.compiled();
        List<CriterionView> out = new ArrayList<>();
        for (Coverage.Entry e : coverage.of(regime, award)) {
            CriterionDefinition c = e.criterion();
            Optional<RuleText> text = ruleText(source, c);
            out.add(new CriterionView(c.criterion(), sentence(c.template(), lang), c.template().vi(), c.template().en(),
                    c.legalBasis().in(lang), c.legalBasis().in(other(lang)), texts.confidence(c.confidence(), lang),
                    texts.confidenceMeaning(c.confidence(), lang), fileLine(c),
                    parameters(rules, text.map(t -> t.parameters(rules.parameters().keySet())).orElse(List.of()), day, lang),
                    scenarios(e.deciding(), source.draftId(), lang), scenarios(e.testing(), source.draftId(), lang), e.covered(), e.fired(),
                    ruleHref(regime, award, c.criterion(), source.draftId())));
        }
        return out;
    }

    // ------------------------------------------------------------------ a rule as the law

    public RuleView rule(WorkbenchSource source, Coverage.Entry entry, String regime, LocalDate day, String lang) {
        RuleSet rules = source.compiled();
        CriterionDefinition c = entry.criterion();
        Optional<RuleText> text = ruleText(source, c);
        Set<String> known = rules.parameters().keySet();
        List<String> params = text.map(t -> t.parameters(known)).orElse(List.of());
        String vi = text.map(t -> t.paraphrase("vi", regime)).orElse(null);
        String en = text.map(t -> t.paraphrase("en", regime)).orElse(null);
        List<Regime> order = ordered(rules);
        Regime current = rules.regimes().stream().filter(r -> r.code().equals(regime)).findFirst().orElseThrow();
        int at = order.indexOf(current);
        Regime previous = at > 0 ? order.get(at - 1) : null;
        boolean isNew = false;
        List<Difference> differences = List.of();
        if (previous != null) {
            CompiledRegime before = rules.compiled(previous.code());
            Optional<CriterionDefinition> was = before == null ? Optional.empty() : before.criteriaOf(c.award()).stream()
                    .filter(p -> p.criterion().equals(c.criterion())).findFirst();
            if (was.isEmpty()) isNew = true;
            else differences = differences(source, was.get(), previous, c, current, lang);
        }
        String editor = source.isDraft() ? "/workbench/drafts/" + source.draftId() + "/files/" + bundlePath(c.file())
                + "#L" + text.map(RuleText::line).orElse(c.line()) : null;
        return new RuleView(c.award(), rules.award(c.award()).map(a -> a.name().in(lang)).orElse(c.award()), c.criterion(), c.rule(),
                vi, en, "en".equals(lang) ? (en != null ? en : vi) : (vi != null ? vi : en),
                c.legalBasis().in(lang), c.legalBasis().in(other(lang)), texts.confidence(c.confidence(), lang),
                texts.confidenceMeaning(c.confidence(), lang), sentence(c.template(), lang), text.map(RuleText::then).orElse(""),
                fileLine(c), parameters(rules, params, day, lang), previous == null ? null : texts.regime(previous.code(), lang),
                isNew, differences, editor, entry.covered(), entry.fired());
    }

    /**
     * How a criterion differs from the same criterion of the previous regime, aspect by aspect: the legal
     * basis, the confidence, the sentence, the check the rule performs and the national value of each
     * parameter it reads in force on each regime's first day.
     */
    List<Difference> differences(WorkbenchSource source, CriterionDefinition was, Regime previous, CriterionDefinition now,
                                 Regime current, String lang) {
        List<Difference> out = new ArrayList<>();
        if (!Objects.equals(was.legalBasis().in(lang), now.legalBasis().in(lang))) {
            out.add(new Difference(texts.text(lang, "wbcatalogue.diff.legalBasis"), was.legalBasis().in(lang), now.legalBasis().in(lang), false));
        }
        if (!Objects.equals(was.confidence(), now.confidence())) {
            out.add(new Difference(texts.text(lang, "wbcatalogue.diff.confidence"), texts.confidence(was.confidence(), lang),
                    texts.confidence(now.confidence(), lang), false));
        }
        if (!Objects.equals(was.template().in(lang), now.template().in(lang))) {
            out.add(new Difference(texts.text(lang, "wbcatalogue.diff.template"), sentence(was.template(), lang), sentence(now.template(), lang), false));
        }
        Optional<RuleText> before = ruleText(source, was), after = ruleText(source, now);
        String thenBefore = before.map(RuleText::then).orElse(""), thenAfter = after.map(RuleText::then).orElse("");
        if (!thenBefore.equals(thenAfter)) {
            out.add(new Difference(texts.text(lang, "wbcatalogue.diff.check"), thenBefore, thenAfter, true));
        }
        RuleSet rules = source.compiled();
        Set<String> names = new LinkedHashSet<>();
        before.ifPresent(t -> names.addAll(t.parameters(rules.parameters().keySet())));
        after.ifPresent(t -> names.addAll(t.parameters(rules.parameters().keySet())));
        for (String name : names) {
            Parameter p = rules.parameters().get(name);
            String v1 = national(p, previous.from(), lang), v2 = national(p, current.from(), lang);
            if (!v1.equals(v2)) {
                out.add(new Difference(texts.text(lang, "wbcatalogue.diff.parameter", name), v1, v2, false));
            }
        }
        return out;
    }

    private String national(Parameter p, LocalDate day, String lang) {
        if (day == null) return texts.text(lang, "wbcatalogue.param.none");
        return p.resolve(day, null).map(u -> texts.value(u.value(), lang) + " (" + texts.text(lang, "wbcatalogue.param.since",
                ValueTexts.date(u.effectiveFrom(), lang)) + ")").orElse(texts.text(lang, "wbcatalogue.param.none"));
    }

    // ------------------------------------------------------------------ shared parts

    /** The rule's text, read from the source's file at the rule's line; empty when the file is missing. */
    static Optional<RuleText> ruleText(WorkbenchSource source, CriterionDefinition c) {
        return source.files().file(bundlePath(c.file())).flatMap(bytes -> RuleText.at(bytes, c.line()));
    }

    /** A rule-set file's path in a bundle: "awards/x.drl" → "rules/awards/x.drl". */
    static String bundlePath(String file) {
        return file.startsWith("rules/") ? file : "rules/" + file;
    }

    static String fileLine(CriterionDefinition c) {
        return bundlePath(c.file()) + ":" + c.line();
    }

    /** The template with its placeholders in words: "…: (giá trị thực tế); yêu cầu: (giá trị yêu cầu)". */
    String sentence(Localized template, String lang) {
        String t = template.in(lang);
        if (t == null) return "";
        return t.replace("{actual}", "(" + texts.text(lang, "wbcatalogue.placeholder.actual") + ")")
                .replace("{required}", "(" + texts.text(lang, "wbcatalogue.placeholder.required") + ")")
                .replace("{year}", "(" + texts.text(lang, "wbcatalogue.placeholder.year") + ")");
    }

    List<ParameterView> parameters(RuleSet rules, List<String> names, LocalDate day, String lang) {
        List<ParameterView> out = new ArrayList<>();
        for (String name : names) {
            Parameter p = rules.parameters().get(name);
            if (p == null) continue;
            ValueView inForce = p.resolve(day, null).map(u -> value(u, lang)).orElse(null);
            List<ValueView> overrides = new ArrayList<>();
            for (ParameterValue v : p.values()) {
                if (v.isNational()) continue;
                String scope = v.organisation() != null ? texts.text(lang, "wbcatalogue.param.organisation", v.organisation())
                        : texts.text(lang, "wbcatalogue.param.sector", v.sector());
                overrides.add(new ValueView(scope, texts.value(v.value(), lang), ValueTexts.date(v.from(), lang), Objects.toString(v.reference(), "")));
            }
            out.add(new ParameterView(name, p.description() == null ? "" : p.description().in(lang), Objects.toString(p.unit(), ""),
                    texts.confidence(p.confidence(), lang), texts.confidenceMeaning(p.confidence(), lang), inForce, overrides,
                    bundlePath(p.file())));
        }
        return out;
    }

    private ValueView value(ParameterUse u, String lang) {
        return new ValueView(texts.text(lang, "wbcatalogue.param.national"), texts.value(u.value(), lang), ValueTexts.date(u.effectiveFrom(), lang),
                Objects.toString(u.reference(), ""));
    }

    List<ScenarioView> scenarios(List<Coverage.ScenarioRef> refs, @Nullable Long draft, String lang) {
        return refs.stream().map(r -> new ScenarioView(r.name(), r.path(), r.passed(),
                texts.text(lang, "wbcatalogue.scenario.expected", texts.text(lang, "outcome." + r.expected())), draft == null ? null
                : "/workbench/drafts/" + draft + "/scenarios/edit?file=" + URLEncoder.encode(r.path(), StandardCharsets.UTF_8))).toList();
    }

    static String awardHref(String award, String regime, @Nullable Long draft) {
        return "/workbench/awards/" + award + "?regime=" + regime + (draft == null ? "" : "&draft=" + draft);
    }

    static String ruleHref(String regime, String award, String criterion, @Nullable Long draft) {
        return "/workbench/rules?regime=" + regime + "&award=" + award + "&criterion=" + criterion + (draft == null ? "" : "&draft=" + draft);
    }

    static String catalogueHref(String regime, @Nullable Long draft) {
        return "/workbench?regime=" + regime + (draft == null ? "" : "&draft=" + draft);
    }

    private static String other(String lang) {
        return "en".equals(lang) ? "vi" : "en";
    }
}
