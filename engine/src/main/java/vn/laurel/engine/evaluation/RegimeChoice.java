package vn.laurel.engine.evaluation;

import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.regime.Regime;
import vn.laurel.engine.ruleset.CompiledRegime;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.LocalDate;
import java.util.*;

/**
 * Which rules decide a case: the regime in force on its appraisal date, and the awards it asks for
 * (every award for its kind of subject when it names none). An award the case names that the rules
 * do not know, or that is not given to its kind of subject, is refused with the field that names it.
 *
 * @param regime   null when no modelled regime covers the appraisal date
 * @param compiled the regime's compiled rules; null with the regime
 */
record RegimeChoice(List<AwardDefinition> asked, Regime regime, CompiledRegime compiled) {

    static RegimeChoice of(RuleSet rules, CaseDocument doc) {
        List<AwardDefinition> asked = awardsAsked(rules, doc);
        Optional<Regime> covering = rules.regimeOn(doc.asOf());
        return covering.map(r -> new RegimeChoice(asked, r, rules.compiled(r.code())))
                .orElseGet(() -> new RegimeChoice(asked, null, null));
    }

    /** The regime named, whatever the appraisal date (null with an unknown code: nothing modelled). */
    static RegimeChoice under(RuleSet rules, CaseDocument doc, String regime) {
        List<AwardDefinition> asked = awardsAsked(rules, doc);
        return rules.regimes().stream().filter(r -> r.code().equals(regime)).findFirst()
                .map(r -> new RegimeChoice(asked, r, rules.compiled(r.code())))
                .orElseGet(() -> new RegimeChoice(asked, null, null));
    }

    /** The codes of the awards asked, in the order asked. */
    Set<String> askedCodes() {
        Set<String> codes = new LinkedHashSet<>();
        asked.forEach(a -> codes.add(a.code()));
        return codes;
    }

    /**
     * For an appraisal date no modelled regime covers: the earliest regime's start when the date lies
     * before every regime (Law 39/2013 from 2014-06-01, say), else null.
     */
    static LocalDate earliestAfter(RuleSet rules, LocalDate asOf) {
        LocalDate earliest = rules.regimes().stream().map(Regime::from).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        boolean before = earliest != null && asOf.isBefore(earliest) && rules.regimes().stream().allMatch(r -> r.from() != null);
        return before ? earliest : null;
    }

    /** Why no regime decides a case appraised on {@code asOf}, given {@link #earliestAfter}. */
    static Localized whyNone(LocalDate asOf, LocalDate earliestAfter) {
        return earliestAfter != null ? Explainer.label("note.beforeModelledRegimes", asOf, earliestAfter)
                : Explainer.label("note.noRegimeOn", asOf);
    }

    static List<AwardDefinition> awardsAsked(RuleSet rules, CaseDocument doc) {
        if (doc.awards().isEmpty()) {
            return rules.awards().values().stream().filter(a -> a.appliesTo(doc.subject().kind())).toList();
        }
        List<FieldError> errors = new ArrayList<>();
        List<AwardDefinition> awards = new ArrayList<>();
        for (int i = 0; i < doc.awards().size(); i++) {
            String code = doc.awards().get(i);
            Optional<AwardDefinition> award = rules.award(code);
            if (award.isEmpty()) {
                errors.add(new FieldError("awards[" + i + "]", "unknown award \"" + code + "\"; known: " + rules.awards().keySet()));
            } else if (!award.get().appliesTo(doc.subject().kind())) {
                errors.add(new FieldError("awards[" + i + "]", code + " is awarded to " + award.get().subjectKinds()
                        + ", not to a " + doc.subject().kind()));
            } else if (!awards.contains(award.get())) {
                awards.add(award.get());
            }
        }
        if (!errors.isEmpty()) throw new CaseFormatException(errors);
        return awards;
    }
}
