package vn.laurel.engine.ruleset;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.policy.Parameter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the metadata every criterion rule must carry and checks it against the catalogue:
 * <pre>
 *   &#64;award("ADVANCED_LABORER") &#64;criterion("RATING_GOOD_OR_BETTER")
 *   &#64;legalBasis("Law 06/2022/QH15, art. 24.1.a") &#64;legalBasisVi("Luật 06/2022/QH15, Điều 24 khoản 1 điểm a")
 *   &#64;confidence("VERIFIED") &#64;en("…{actual}…{required}…") &#64;vi("…")
 * </pre>
 * Each regime reads a rule's entries with its own overrides ({@code @legalBasis_LAW_2013("…")}) in
 * place of the defaults: see {@link RegimeOverrides}.
 */
final class RuleMetadata {
    static final List<String> REQUIRED = List.of("award", "criterion", "legalBasis", "legalBasisVi", "confidence", "en", "vi");
    static final Set<String> CONFIDENCE = Set.of("VERIFIED", "RECALLED", "UNCONFIRMED");
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern PARAM_CALL = Pattern.compile("(?:param|code|flag|rating|limit)\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern ATTESTATION_CALL = Pattern.compile("attestation\\(\\s*\"([^\"]+)\"");
    private static final Pattern CAMPAIGN_CALL = Pattern.compile("(?:campaignIndicators|campaignFrom|inCampaign|campaignResult)\\(\\s*\"([^\"]+)\"");

    private RuleMetadata() {}

    /** Where each rule is declared, found from the DRL text so that problems name file and line. */
    record Location(String file, int line) {}

    static Map<String, Location> locate(Map<String, byte[]> files) {
        Map<String, Location> locations = new HashMap<>();
        files.forEach((name, bytes) -> {
            List<String> lines = RuleLint.lines(bytes);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = RULE_HEADER.matcher(lines.get(i));
                if (m.find()) locations.putIfAbsent(m.group(1), new Location(name, i + 1));
            }
        });
        return locations;
    }

    /** Parameter names the DRL files ask for that no parameter file defines. */
    static List<RuleProblem> unknownParameters(Path root, List<Path> files, Map<String, Parameter> parameters) {
        return unknownNames(root, files, PARAM_CALL, parameters.keySet(), "parameter", "define it in a file under parameters/");
    }

    /** Attestation codes the DRL files ask for that attestations.yaml does not define. */
    static List<RuleProblem> unknownAttestations(Path root, List<Path> files, Set<String> codes) {
        return unknownNames(root, files, ATTESTATION_CALL, codes, "attestation", "declare it in attestations.yaml");
    }

    /** Campaign codes the DRL files name that campaigns/ does not declare. */
    static List<RuleProblem> unknownCampaigns(Path root, List<Path> files, Set<String> codes) {
        return unknownNames(root, files, CAMPAIGN_CALL, codes, "campaign", "declare it in a file under campaigns/");
    }

    private static List<RuleProblem> unknownNames(Path root, List<Path> files, Pattern call, Set<String> known, String what,
                                                  String remedy) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = readLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = call.matcher(lines.get(i));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        problems.add(RuleProblem.error(RulesDirectory.relative(root, file), i + 1, m.start(1) + 1,
                                "unknown " + what + " \"" + m.group(1) + "\": " + remedy));
                    }
                }
            }
        }
        return problems;
    }

    static List<CriterionDefinition> criteria(String regime, KieBase kieBase, Map<String, Location> locations,
                                              Map<String, AwardDefinition> awards, List<RuleProblem> problems) {
        List<CriterionDefinition> criteria = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Location at = locations.getOrDefault(rule.getName(), new Location("?", 0));
                Map<String, Object> meta = rule.getMetaData();
                List<String> missing = REQUIRED.stream().filter(k -> text(meta, k, regime) == null).toList();
                if (!missing.isEmpty()) {
                    problems.add(RuleProblem.error(at.file(), at.line(), 1, "rule \"" + rule.getName()
                            + "\" lacks metadata " + missing.stream().map(k -> "@" + k).toList()));
                    continue;
                }
                String award = text(meta, "award", regime);
                if (!awards.containsKey(award)) {
                    problems.add(RuleProblem.error(at.file(), at.line(), 1, "rule \"" + rule.getName()
                            + "\": unknown award \"" + award + "\" (declare it in awards.yaml)"));
                }
                String confidence = text(meta, "confidence", regime);
                if (!CONFIDENCE.contains(confidence)) {
                    problems.add(RuleProblem.error(at.file(), at.line(), 1, "rule \"" + rule.getName()
                            + "\": confidence must be one of " + new TreeSet<>(CONFIDENCE) + ", not \"" + confidence
                            + "\" (in regime " + regime + ")"));
                }
                String criterion = text(meta, "criterion", regime);
                if (!seen.add(award + "/" + criterion + "/" + text(meta, "subject", regime))) {
                    problems.add(RuleProblem.error(at.file(), at.line(), 1, "criterion " + award + "/" + criterion
                            + " is decided by more than one rule in regime " + regime));
                }
                List<String> requires = codes(meta, "requires", regime);
                List<String> memberAwards = codes(meta, "memberAwards", regime);
                for (String code : concat(requires, memberAwards)) {
                    if (!awards.containsKey(code)) {
                        problems.add(RuleProblem.error(at.file(), at.line(), 1, "rule \"" + rule.getName()
                                + "\": @requires/@memberAwards names unknown award \"" + code + "\""));
                    }
                }
                SubjectKind subject = null;
                String kind = text(meta, "subject", regime);
                if (kind != null) {
                    try {
                        subject = SubjectKind.valueOf(kind);
                    } catch (IllegalArgumentException e) {
                        problems.add(RuleProblem.error(at.file(), at.line(), 1, "rule \"" + rule.getName()
                                + "\": @subject must be one of " + java.util.Arrays.toString(SubjectKind.values()) + ", not \"" + kind + "\""));
                    }
                }
                criteria.add(new CriterionDefinition(regime, award, criterion, rule.getName(), at.file(), at.line(),
                        new Localized(text(meta, "legalBasisVi", regime), text(meta, "legalBasis", regime)),
                        text(meta, "confidence", regime), new Localized(text(meta, "vi", regime), text(meta, "en", regime)),
                        requires, memberAwards, subject));
            }
        }
        // Criteria are listed in the order policy staff wrote them.
        criteria.sort(Comparator.comparing(CriterionDefinition::file).thenComparingInt(CriterionDefinition::line));
        return criteria;
    }

    /** A comma-separated list of award codes: {@code @requires("ADVANCED_LABORER, ADVANCED_SOLDIER")}. */
    private static List<String> codes(Map<String, Object> meta, String key, String regime) {
        String v = text(meta, key, regime);
        if (v == null) return List.of();
        return Arrays.stream(v.split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The entry as the regime reads it: {@code @key_REGIME} when the rule has one, else {@code @key} ({@link RegimeOverrides}). */
    private static String text(Map<String, Object> meta, String key, String regime) {
        Object v = RegimeOverrides.value(meta, key, regime);
        if (v == null) return null;
        String s = v.toString();
        // Drools keeps the quotes of a quoted metadata value in some versions; strip them once.
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        return s.isBlank() ? null : s;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
