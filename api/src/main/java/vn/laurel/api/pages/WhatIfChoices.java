package vn.laurel.api.pages;

import vn.laurel.api.i18n.Messages;
import vn.laurel.engine.caseformat.FactCodes;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.model.CommendationKind;
import vn.laurel.engine.model.DisciplineForm;
import vn.laurel.engine.model.DisciplineStatus;
import vn.laurel.engine.model.Education;
import vn.laurel.engine.model.InitiativeKind;
import vn.laurel.engine.model.InitiativeLevel;
import vn.laurel.engine.model.Rating;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the what-if form offers in its lists, with each value's name in the page's language: the
 * enumerations of the case format, and the codes of the rule set in force (the titles and
 * commendations of rules/awards.yaml, the attestations of rules/attestations.yaml), so that the form
 * only ever offers what the API would accept.
 */
final class WhatIfChoices {
    /** One value of a list: the code sent, the name shown. */
    record Named(String code, String name) {}

    private final RuleSet rules;
    private final Messages messages;
    private final String lang;

    WhatIfChoices(RuleSet rules, Messages messages, String lang) {
        this.rules = rules;
        this.messages = messages;
        this.lang = lang;
    }

    String lang() { return lang; }

    String text(String key) { return messages.text(lang, key); }

    /** A message with {0}, {1}… replaced (no MessageFormat: its quoting rules trip over apostrophes). */
    String text(String key, Object... args) {
        String t = text(key);
        for (int i = 0; i < args.length; i++) t = t.replace("{" + i + "}", String.valueOf(args[i]));
        return t;
    }

    List<Named> ratings() { return enumNames(Rating.values(), "whatif.rating."); }

    List<Named> educations() { return enumNames(Education.values(), "whatif.education."); }

    List<Named> commendationKinds() { return enumNames(CommendationKind.values(), "whatif.commendationKind."); }

    List<Named> initiativeLevels() { return enumNames(InitiativeLevel.values(), "whatif.initiativeLevel."); }

    List<Named> initiativeKinds() { return enumNames(InitiativeKind.values(), "whatif.initiativeKind."); }

    List<Named> disciplineForms() { return enumNames(DisciplineForm.values(), "whatif.disciplineForm."); }

    List<Named> disciplineStatuses() { return enumNames(DisciplineStatus.values(), "whatif.disciplineStatus."); }

    /** The emulation titles a person may hold. */
    List<Named> titles() { return awards("EMULATION_TITLE"); }

    /** The commendations a person may receive. */
    List<Named> commendations() { return awards("COMMENDATION"); }

    /** Every attestation code of the rule set, in the order rules/attestations.yaml declares them. */
    Map<String, String> attestations() {
        Map<String, String> out = new LinkedHashMap<>();
        rules.attestations().forEach((code, name) -> out.put(code, name == null ? code : name.in(lang)));
        return out;
    }

    boolean isTitle(String code) {
        return code != null && !code.isBlank() && FactCodes.title(rules, code).isEmpty();
    }

    boolean isCommendation(String code) {
        return code != null && !code.isBlank() && FactCodes.commendation(rules, code).isEmpty();
    }

    boolean isAttestation(String code) {
        return code != null && rules.attestations().containsKey(code);
    }

    /** An award's name in the page's language; the code itself for one the rule set does not know. */
    String awardName(String code) {
        return rules.award(code).map(AwardDefinition::name).map(n -> n.in(lang)).orElse(code);
    }

    String attestationName(String code) {
        Localized name = rules.attestations().get(code);
        return name == null ? code : name.in(lang);
    }

    private List<Named> awards(String category) {
        List<Named> out = new ArrayList<>();
        for (AwardDefinition a : rules.awards().values()) {
            if (category.equals(a.category()) && a.appliesTo(SubjectKind.PERSON)) out.add(new Named(a.code(), a.name().in(lang)));
        }
        return out;
    }

    private List<Named> enumNames(Enum<?>[] values, String prefix) {
        return Arrays.stream(values).map(v -> new Named(v.name(), messages.of(lang).getOrDefault(prefix + v.name(), v.name()))).toList();
    }

    static <E extends Enum<E>> boolean isOneOf(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.name().equals(value));
    }
}
