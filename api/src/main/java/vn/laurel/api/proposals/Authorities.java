package vn.laurel.api.proposals;

import jakarta.inject.Singleton;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterUse;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who decides each award for each kind of subject, read from the parameters {@code authority.<AWARD>.<KIND>}
 * of the rules in service (rules/parameters/authorities.yaml): dated, with their legal basis and
 * confidence, overridable per organisation like every parameter. Routing a candidate turns the kind into
 * a concrete authority: the head of its organisation's top unit, its province, or the one national office.
 */
@Singleton
public class Authorities {
    public static final String PREFIX = "authority.";

    /**
     * What decides {@code award} for a {@code subjectKind}: the parameter, the value in force (null when
     * none is), the kind it names (null when the value names no kind Laurel knows) and the concrete
     * authority for the organisation (null when it cannot be routed).
     */
    public record Assignment(String award, SubjectKind subjectKind, String parameter, ParameterUse use,
                             AuthorityKind kind, Authority authority) {
        public boolean routed() { return authority != null; }
    }

    public static String parameter(String award, SubjectKind kind) {
        return PREFIX + award + "." + kind.name();
    }

    public Assignment assignment(RuleSet rules, String award, SubjectKind subjectKind, LocalDate on, Organisation organisation) {
        String name = parameter(award, subjectKind);
        Parameter p = rules.parameters().get(name);
        ParameterUse use = p == null ? null : p.resolve(on, organisation).orElse(null);
        AuthorityKind kind = use == null ? null : AuthorityKind.of(use.value()).orElse(null);
        Authority authority = null;
        if (kind != null) {
            if (!kind.perOrganisation()) authority = new Authority(kind, null);
            else if (organisation != null) authority = new Authority(kind, organisation.code());
        }
        return new Assignment(award, subjectKind, name, use, kind, authority);
    }

    /** Every award of the catalogue for every kind of subject it is given to, in the catalogue's order. */
    public List<Assignment> table(RuleSet rules, LocalDate on, Organisation organisation) {
        List<Assignment> out = new ArrayList<>();
        for (AwardDefinition a : rules.awards().values()) {
            for (SubjectKind k : List.of(SubjectKind.COLLECTIVE, SubjectKind.PERSON)) {
                if (a.appliesTo(k)) out.add(assignment(rules, a.code(), k, on, organisation));
            }
        }
        return out;
    }

    /** The awards of {@code subjectKind} that {@code authority} decides for {@code organisation} on {@code on}. */
    public List<String> awardsOf(RuleSet rules, Authority authority, SubjectKind subjectKind, LocalDate on, Organisation organisation) {
        List<String> out = new ArrayList<>();
        for (AwardDefinition a : rules.awards().values()) {
            if (!a.appliesTo(subjectKind)) continue;
            Assignment as = assignment(rules, a.code(), subjectKind, on, organisation);
            if (authority.equals(as.authority())) out.add(a.code());
        }
        return out;
    }

    /** The authorities that decide some award for {@code organisation} on {@code on}, in the catalogue's order of their first award. */
    public List<Authority> authoritiesOf(RuleSet rules, LocalDate on, Organisation organisation) {
        List<Authority> out = new ArrayList<>();
        for (Assignment a : table(rules, on, organisation)) {
            if (a.routed() && !out.contains(a.authority())) out.add(a.authority());
        }
        return out;
    }

    public static Optional<String> awardName(RuleSet rules, String award, String lang) {
        return rules.award(award).map(a -> a.name().in(lang));
    }
}
