package vn.laurel.api.pages;

import vn.laurel.api.i18n.Messages;
import vn.laurel.engine.caseformat.FactCodes;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.catalogue.Campaign;
import vn.laurel.engine.model.CommendationKind;
import vn.laurel.engine.model.ContributionKind;
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
import java.util.Optional;

/**
 * What the what-if form offers in its lists, with each value's name in the page's language: the
 * enumerations of the case format, and the codes of the rule set in force (the titles and
 * commendations of rules/awards.yaml for the subject's kind, the attestations of rules/attestations.yaml,
 * the campaigns of rules/campaigns/ with the groups that admit the kind), so that the form only ever offers
 * what the API would accept.
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

    List<Named> contributionKinds() { return enumNames(ContributionKind.values(), "whatif.contributionKind."); }

    /** The emulation titles a person may hold. */
    List<Named> titles() { return titles(SubjectKind.PERSON); }

    /** The emulation titles a subject of the kind may hold. */
    List<Named> titles(SubjectKind kind) { return awards("EMULATION_TITLE", kind); }

    /** The commendations a person may receive. */
    List<Named> commendations() { return commendations(SubjectKind.PERSON); }

    /** The commendations a subject of the kind may receive. */
    List<Named> commendations(SubjectKind kind) { return awards("COMMENDATION", kind); }

    /** The campaigns of the rule set (rules/campaigns/), by code. */
    List<Named> campaigns() {
        return rules.campaigns().values().stream().map(k -> new Named(k.code(), campaignName(k))).toList();
    }

    Optional<Campaign> campaign(String code) {
        return code == null || code.isEmpty() ? Optional.empty() : rules.campaign(code);
    }

    /** The participant groups of every campaign that admit the kind, each code once (its first campaign's name). */
    List<Named> campaignGroups(SubjectKind kind) {
        Map<String, Named> out = new LinkedHashMap<>();
        for (Campaign k : rules.campaigns().values()) {
            for (Campaign.Group g : k.groups()) if (g.admits(kind)) out.putIfAbsent(g.code(), new Named(g.code(), groupName(g)));
        }
        return List.copyOf(out.values());
    }

    /** The indicators of those groups, each code once. */
    List<Named> campaignIndicators(SubjectKind kind) {
        Map<String, Named> out = new LinkedHashMap<>();
        for (Campaign k : rules.campaigns().values()) {
            for (Campaign.Group g : k.groups()) {
                if (!g.admits(kind)) continue;
                for (Campaign.Indicator i : g.indicators()) {
                    out.putIfAbsent(i.code(), new Named(i.code(), i.name() == null ? i.code() : i.name().in(lang)));
                }
            }
        }
        return List.copyOf(out.values());
    }

    String campaignName(Campaign k) { return k.name() == null ? k.code() : k.name().in(lang); }

    String groupName(Campaign.Group g) { return g.name() == null ? g.code() : g.name().in(lang); }

    /** The kind of subject in words ("Doanh nghiệp", "Household"). */
    String kindName(SubjectKind kind) { return messages.of(lang).getOrDefault("values.code." + kind.name(), kind.name()); }

    /** Every attestation code of the rule set, in the order rules/attestations.yaml declares them. */
    Map<String, String> attestations() {
        Map<String, String> out = new LinkedHashMap<>();
        rules.attestations().forEach((code, name) -> out.put(code, name == null ? code : name.in(lang)));
        return out;
    }

    boolean isTitle(String code) {
        return code != null && !code.isBlank() && FactCodes.title(rules, code).isEmpty();
    }

    /** A title code of the rule set that a subject of the kind may hold (a person's title is no enterprise's). */
    boolean isTitle(String code, SubjectKind kind) {
        return isTitle(code) && (kind == SubjectKind.PERSON || rules.award(code).map(a -> a.appliesTo(kind)).orElse(false));
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

    private List<Named> awards(String category, SubjectKind kind) {
        List<Named> out = new ArrayList<>();
        for (AwardDefinition a : rules.awards().values()) {
            if (category.equals(a.category()) && a.appliesTo(kind)) out.add(new Named(a.code(), a.name().in(lang)));
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
