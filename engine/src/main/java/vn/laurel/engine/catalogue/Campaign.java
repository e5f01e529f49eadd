package vn.laurel.engine.catalogue;

import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.Localized;

import java.util.List;
import java.util.Optional;

/**
 * An emulation campaign (phong trào thi đua) as policy staff declare it in {@code rules/campaigns/*.yaml}: the plan
 * that launched it, its period and phases, its participant groups with the indicators each group is measured by,
 * and the awards it names for its reviews. Subjects report their results per group and indicator
 * ({@code subject.campaignResults}); a rule compares them with the thresholds, which are dated parameters.
 *
 * @param code       the campaign's code, e.g. INNOVATION_DX_2025_2030 (the file is its code in lower case with dashes)
 * @param plan       the plan that launched it, as cited ("Kế hoạch 190/KH-UBND")
 * @param from       its first year
 * @param to         its last year
 * @param awards     the awards the plan names for its reviews (informational: each award has its own rules)
 * @param confidence VERIFIED, RECALLED or UNCONFIRMED, as in the award catalogue
 * @param reference  where it comes from
 * @param file       the file it was read from, relative to the rules directory
 */
public record Campaign(String code, Localized name, String plan, int from, int to, List<Phase> phases, List<Group> groups,
                       List<String> awards, String confidence, String reference, String file) {
    public Campaign {
        phases = phases == null ? List.of() : List.copyOf(phases);
        groups = groups == null ? List.of() : List.copyOf(groups);
        awards = awards == null ? List.of() : List.copyOf(awards);
    }

    /** Whether the year lies in the campaign's period. */
    public boolean covers(int year) {
        return year >= from && year <= to;
    }

    public Optional<Group> group(String code) {
        return groups.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    /** A review phase: the years it covers and whether its review is preliminary (sơ kết) or final (tổng kết). */
    public record Phase(String code, int from, int to, Review review, Localized name) {}

    public enum Review { PRELIMINARY, FINAL }

    /** A participant group: who may take part in it and the indicators its members are measured by. */
    public record Group(String code, Localized name, List<SubjectKind> subjectKinds, List<Indicator> indicators) {
        public Group {
            subjectKinds = subjectKinds == null ? List.of() : List.copyOf(subjectKinds);
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }

        /**
         * Whether a subject of this kind may take part in the group: a group for collectives admits enterprises
         * only when it names them (an enterprise is a collective in the law's sense, but the plan names its groups).
         */
        public boolean admits(SubjectKind kind) {
            return subjectKinds.contains(kind);
        }

        public Optional<Indicator> indicator(String code) {
            return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
        }
    }

    /**
     * An indicator of a group, compared with the threshold the parameter {@code parameter} holds: the value must be
     * at least (AT_LEAST) or at most (AT_MOST) the threshold.
     */
    public record Indicator(String code, Localized name, String parameter, Operator operator) {}

    public enum Operator { AT_LEAST, AT_MOST }
}
