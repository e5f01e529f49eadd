package vn.laurel.engine.ruleset;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule written once for several regimes may say where one regime differs in what answers quote:
 * {@code @legalBasis_LAW_2013("…")} applies under LAW_2013 only, {@code @legalBasis("…")} under the
 * rule's other regimes. So a criterion whose check is the same but whose citation (or confidence, or
 * sentence) differs stays one rule, and the reader sees the difference where the rule is written.
 *
 * <p>The award, the criterion and the regimes are what make the rule the same rule: a regime may not
 * change them (that is a rule of its own, next to this one).
 */
final class RegimeOverrides {
    /** The entries a regime may change. Metadata keys are camelCase, so the first '_' ends the key. */
    static final List<String> OVERRIDABLE = List.of("legalBasis", "legalBasisVi", "confidence", "en", "vi",
            "requires", "memberAwards", "subject");
    /** The entries that are the rule's identity, the same in every regime it lists. */
    static final List<String> FIXED = List.of("award", "criterion", RegimeSources.ANNOTATION);

    private RegimeOverrides() {}

    /** The value of {@code key} under {@code regime}: {@code key_REGIME} when the rule has it, else {@code key}. */
    static Object value(Map<String, Object> meta, String key, String regime) {
        if (regime != null && OVERRIDABLE.contains(key)) {
            Object override = meta.get(key + "_" + regime);
            if (override != null) return override;
        }
        return meta.get(key);
    }

    /**
     * Problems with the overrides of one rule under awards/: an entry no regime may change, a key that
     * is not one a regime may change, a regime that is not in regimes.yaml or not among the rule's own.
     */
    static List<RuleProblem> check(String file, String text, RuleDescr rule, Set<String> listed, Set<String> known) {
        List<RuleProblem> problems = new ArrayList<>();
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            String name = annotation.getName();
            int underscore = name.indexOf('_');
            if (underscore <= 0) continue;
            String key = name.substring(0, underscore), regime = name.substring(underscore + 1);
            int[] at = RegimeSources.find(text, rule, "@" + name);
            String said = "rule \"" + rule.getName() + "\": @" + name + " ";
            if (FIXED.contains(key)) {
                problems.add(RuleProblem.error(file, at[0], at[1], said + "would change the " + describe(key)
                        + ", which is the same in every regime the rule lists; where a regime differs in it, write a rule of"
                        + " its own for that regime, next to this one"));
            } else if (!OVERRIDABLE.contains(key)) {
                problems.add(RuleProblem.error(file, at[0], at[1], said + "is not an entry a regime may change: write @<entry>_<REGIME>"
                        + " with one of " + String.join(", ", OVERRIDABLE) + " and a regime of the rule's @regimes"));
            } else if (!known.contains(regime)) {
                problems.add(RuleProblem.error(file, at[0], at[1], said + "names \"" + regime + "\", which is not a regime of"
                        + " regimes.yaml (" + String.join(", ", known) + ")"));
            } else if (!listed.contains(regime)) {
                problems.add(RuleProblem.error(file, at[0], at[1], said + "names " + regime + ", which is not one of the"
                        + " regimes this rule lists (@regimes(\"" + String.join(" ", listed) + "\")): add it there, or remove"
                        + " the line"));
            }
        }
        return problems;
    }

    private static String describe(String key) {
        return switch (key) {
            case "award" -> "award";
            case "criterion" -> "criterion";
            default -> "list of regimes";
        };
    }
}
