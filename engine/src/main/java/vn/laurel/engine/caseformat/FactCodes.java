package vn.laurel.engine.caseformat;

import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.catalogue.Campaign;
import vn.laurel.engine.model.*;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Codes inside facts checked against the rule set's vocabulary: title and commendation codes against
 * rules/awards.yaml, attestation criteria against rules/attestations.yaml. The rules only ever ask
 * for codes they know, so a fact with a misspelt code would count for nothing without a word (a
 * "ADVANCED_LABOURER" title never makes a chain); it is refused instead, naming the field. Campaign results
 * name a campaign of rules/campaigns/, one of its participant groups that admits the subject's kind, and an
 * indicator of that group (or a yes/no standard of rules/attestations.yaml recorded as a result, value 1 or 0),
 * in a year of the campaign's period. A unit's predecessors are checked like the unit. The
 * levels and kinds of initiatives, ratings and discipline forms are fixed enumerations, refused by
 * the parser already.
 */
public final class FactCodes {
    private static final String TITLE = "EMULATION_TITLE";
    private static final String COMMENDATION = "COMMENDATION";

    private FactCodes() {}

    /** What is wrong with an emulation title's code, if anything. */
    public static Optional<String> title(RuleSet rules, String code) {
        return award(rules, code, TITLE, "an emulation title", "commendations");
    }

    /** What is wrong with a commendation's code, if anything. */
    public static Optional<String> commendation(RuleSet rules, String code) {
        return award(rules, code, COMMENDATION, "a commendation", "titles");
    }

    /** What is wrong with an attestation's criterion, if anything. */
    public static Optional<String> attestation(RuleSet rules, String code) {
        if (code == null || rules.attestations().containsKey(code)) return Optional.empty();
        return Optional.of("unknown attestation criterion \"" + code + "\"; rules/attestations.yaml declares "
                + rules.attestations().keySet());
    }

    /** Every unknown code of a case document (subject and members), each with its JSON path. */
    public static List<FieldError> check(RuleSet rules, CaseDocument doc) {
        List<FieldError> errors = new ArrayList<>();
        if (doc.subject() != null) subject(rules, "subject", doc.subject(), errors);
        for (int i = 0; i < doc.members().size(); i++) {
            if (doc.members().get(i) != null) subject(rules, "members[" + i + "]", doc.members().get(i), errors);
        }
        return errors;
    }

    /** Throws the document's unknown codes, all at once. */
    public static void require(RuleSet rules, CaseDocument doc) {
        List<FieldError> errors = check(rules, doc);
        if (!errors.isEmpty()) throw new CaseFormatException(errors);
    }

    /**
     * What is wrong with a campaign result's codes for a subject of the kind, if anything: each problem with the
     * field it is about ({@code campaign}, {@code group}, {@code indicator}, {@code year}).
     */
    public static List<FieldError> campaignResult(RuleSet rules, SubjectKind kind, CampaignResultFact r) {
        List<FieldError> problems = new ArrayList<>();
        if (r == null || r.campaign() == null || r.campaign().isBlank()) return problems; // "is required" is the validator's
        Optional<Campaign> campaign = rules.campaign(r.campaign());
        if (campaign.isEmpty()) {
            problems.add(new FieldError("campaign", "unknown campaign \"" + r.campaign() + "\"; rules/campaigns/ declares "
                    + rules.campaigns().keySet()));
            return problems;
        }
        Campaign c = campaign.get();
        if (r.year() != null && !c.covers(r.year())) {
            problems.add(new FieldError("year", r.campaign() + " runs from " + c.from() + " to " + c.to() + ", not in " + r.year()));
        }
        if (r.group() == null || r.group().isBlank()) return problems;
        Optional<Campaign.Group> group = c.group(r.group());
        if (group.isEmpty()) {
            problems.add(new FieldError("group", "unknown group \"" + r.group() + "\" of " + r.campaign() + "; its groups are "
                    + c.groups().stream().map(Campaign.Group::code).toList()));
            return problems;
        }
        if (kind != null && !group.get().admits(kind)) {
            problems.add(new FieldError("group", r.group() + " of " + r.campaign() + " is for " + group.get().subjectKinds()
                    + ", not for a " + kind));
        }
        String indicator = r.indicator();
        if (indicator != null && !indicator.isBlank() && group.get().indicator(indicator).isEmpty()
                && !rules.attestations().containsKey(indicator)) {
            problems.add(new FieldError("indicator", "unknown indicator \"" + indicator + "\" of group " + r.group() + "; it has "
                    + group.get().indicators().stream().map(Campaign.Indicator::code).toList()
                    + " (or a yes/no standard of rules/attestations.yaml)"));
        }
        return problems;
    }

    private static void subject(RuleSet rules, String at, Subject s, List<FieldError> errors) {
        for (int i = 0; i < s.titles().size(); i++) {
            TitleFact t = s.titles().get(i);
            if (t != null) add(errors, at + ".titles[" + i + "].code", title(rules, t.code()));
        }
        for (int i = 0; i < s.commendations().size(); i++) {
            CommendationFact c = s.commendations().get(i);
            if (c != null) add(errors, at + ".commendations[" + i + "].code", commendation(rules, c.code()));
        }
        for (int i = 0; i < s.attestations().size(); i++) {
            AttestationFact a = s.attestations().get(i);
            if (a != null) add(errors, at + ".attestations[" + i + "].criterion", attestation(rules, a.criterion()));
        }
        for (int i = 0; i < s.campaignResults().size(); i++) {
            String f = at + ".campaignResults[" + i + "].";
            for (FieldError e : campaignResult(rules, s.kind(), s.campaignResults().get(i))) {
                errors.add(new FieldError(f + e.field(), e.message()));
            }
        }
        for (int i = 0; i < s.predecessors().size(); i++) {
            Predecessor p = s.predecessors().get(i);
            // The validator bounds the depth and refuses cycles before the codes are checked.
            if (p != null && p.unit() != null) subject(rules, at + ".predecessors[" + i + "].unit", p.unit(), errors);
        }
    }

    private static void add(List<FieldError> errors, String field, Optional<String> problem) {
        problem.ifPresent(m -> errors.add(new FieldError(field, m)));
    }

    private static Optional<String> award(RuleSet rules, String code, String category, String what, String elsewhere) {
        if (code == null || code.isBlank()) return Optional.empty(); // "is required" is the validator's to say
        Optional<AwardDefinition> award = rules.award(code);
        if (award.isEmpty()) {
            List<String> known = rules.awards().values().stream()
                    .filter(a -> a.category() == null || a.category().equals(category)).map(AwardDefinition::code).toList();
            return Optional.of("unknown code \"" + code + "\": not " + what + " of rules/awards.yaml " + known);
        }
        String actual = award.get().category();
        if (actual != null && !actual.equals(category)) {
            return Optional.of(code + " is not " + what + " (rules/awards.yaml: " + actual + "); list it under " + elsewhere);
        }
        return Optional.empty();
    }
}
