package vn.laurel.api.proposals;

import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.ruleset.RuleSet;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The order of a proposal list: by award, emulation titles before commendations and within each the higher
 * award first; then collectives before persons; then by unit and name, as Vietnamese sorts them.
 * "Higher first" is ASSUMED to be the catalogue's order read backwards (rules/awards.yaml lists each category
 * from the lowest up): that holds for the emulation titles, but not throughout the commendations (the Hanoi
 * Outstanding Citizen and the Creative Labour certificate come after the Labour Orders in the file, so they sort
 * before them here). Neither the decree's form for the list nor an official order of precedence was read
 * (UNCONFIRMED), which every list says in its footnote; each list belongs to one authority, so few lists mix them.
 */
public final class ProposalOrder {
    private static final List<String> CATEGORIES = List.of("EMULATION_TITLE", "COMMENDATION");

    private ProposalOrder() {}

    /** The awards of the rule set, highest first within titles, then within commendations. */
    public static List<String> awards(RuleSet rules) {
        List<String> out = new ArrayList<>();
        for (String category : CATEGORIES) {
            List<String> group = new ArrayList<>();
            for (AwardDefinition a : rules.awards().values()) if (category.equals(a.category())) group.add(a.code());
            java.util.Collections.reverse(group);
            out.addAll(group);
        }
        for (AwardDefinition a : rules.awards().values()) if (!out.contains(a.code())) out.add(a.code());
        return out;
    }

    public static Comparator<ProposalList.Row> rows(RuleSet rules) {
        List<String> awards = awards(rules);
        Collator vi = Collator.getInstance(Locale.forLanguageTag("vi"));
        Comparator<String> text = Comparator.nullsLast(vi::compare);
        return Comparator.<ProposalList.Row>comparingInt(r -> awards.indexOf(r.award()) < 0 ? Integer.MAX_VALUE : awards.indexOf(r.award()))
                .thenComparing(r -> r.collective() ? 0 : 1)
                .thenComparing(ProposalList.Row::unitName, text)
                .thenComparing(ProposalList.Row::name, text)
                .thenComparing(ProposalList.Row::subjectId);
    }

    /** The candidates withheld from a list, in the same order as its rows. */
    public static Comparator<ProposalList.Withheld> withheld(RuleSet rules) {
        List<String> awards = awards(rules);
        Collator vi = Collator.getInstance(Locale.forLanguageTag("vi"));
        Comparator<String> text = Comparator.nullsLast(vi::compare);
        return Comparator.<ProposalList.Withheld>comparingInt(r -> awards.indexOf(r.award()) < 0 ? Integer.MAX_VALUE : awards.indexOf(r.award()))
                .thenComparing(r -> "COLLECTIVE".equals(r.subjectKind()) ? 0 : 1)
                .thenComparing(ProposalList.Withheld::unitName, text)
                .thenComparing(ProposalList.Withheld::name, text)
                .thenComparing(ProposalList.Withheld::subjectId);
    }
}
