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
 * award first (the catalogue lists each group from the lowest up, so its order read backwards); then
 * collectives before persons; then by unit and name, as Vietnamese sorts them. The decree's form for the list
 * was not read (UNCONFIRMED): this is the order official lists commonly follow, said on every list.
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
}
