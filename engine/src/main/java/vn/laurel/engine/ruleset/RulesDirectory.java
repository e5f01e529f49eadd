package vn.laurel.engine.ruleset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.catalogue.Campaign;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterValue;
import vn.laurel.engine.regime.Regime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.Stream;

/**
 * Reads the policy-editable files of a rules directory:
 * <pre>
 *   regimes.yaml          the legal regimes and their dates
 *   awards.yaml           award codes, names, subject kinds
 *   parameters/*.yaml     dated policy parameters
 *   campaigns/*.yaml      emulation campaigns: plan, period, phases, participant groups and their indicators
 *   awards/*.drl          one file per award, each rule naming the regimes it belongs to (&#64;regimes)
 * </pre>
 * Rule sets stored before the awards/ layout have a folder per regime ({@code folder:} in
 * regimes.yaml) and {@code common/} for rules shared by every regime; they still load leniently
 * ({@link LoadMode#LENIENT}).
 * Problems are collected with file and line rather than thrown one at a time.
 */
final class RulesDirectory {
    static final String REGIMES = "regimes.yaml";
    static final String AWARDS = "awards.yaml";
    static final String ATTESTATIONS = "attestations.yaml";
    static final String PARAMETERS = "parameters";
    static final String COMMON = "common";
    static final String AWARDS_FOLDER = "awards";
    static final String CAMPAIGNS = "campaigns";
    /** Where a parameter names how a collective's predecessors count for an award ({@code <award>.predecessor_history}). */
    static final String PREDECESSOR_HISTORY = ".predecessor_history";
    static final Set<String> PREDECESSOR_POLICIES = Set.of("RECEIVING_UNIT", "LARGEST_PREDECESSOR", "NONE");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path root;
    private final List<RuleProblem> problems = new ArrayList<>();

    RulesDirectory(Path root) {
        this.root = root;
    }

    List<RuleProblem> problems() { return problems; }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Every file that makes up the rule set's content: DRL and YAML, in path order. */
    List<Path> contentFiles() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".drl") || n.endsWith(".yaml") || n.endsWith(".yml");
                    })
                    .filter(p -> !relative(root, p).startsWith("target/"))
                    .sorted(Comparator.comparing(p -> relative(root, p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every DRL file of the rule set, wherever it is, in path order. */
    List<Path> allDrlFiles() {
        return contentFiles().stream().filter(p -> p.getFileName().toString().endsWith(".drl")).toList();
    }

    /** The DRL files of a folder of the rule set, in path order; none when it does not exist. */
    List<Path> drlFiles(String folder) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- regimes.yaml

    record RegimeFile(List<RegimeEntry> regimes) {}

    record RegimeEntry(String code, LocalDate from, LocalDate to, String folder, Localized legalBasis,
                       Boolean provisional, List<DecreeEntry> decrees, List<Localized> notes) {}

    /** An implementing decree of a regime: {@code appliesBy: SUBMISSION} when its transition follows the submission date. */
    record DecreeEntry(LocalDate from, Localized name, String appliesBy) {}

    List<Regime> regimes() {
        RegimeFile file = read(REGIMES, RegimeFile.class);
        if (file == null || file.regimes() == null) return List.of();
        List<Regime> regimes = new ArrayList<>();
        for (RegimeEntry e : file.regimes()) {
            if (e.code() == null) {
                problems.add(RuleProblem.error(REGIMES, 0, 0, "every regime needs a code"));
                continue;
            }
            if (e.folder() != null && !insideRuleSet(e.folder())) {
                problems.add(RuleProblem.error(REGIMES, 0, 0, "regime " + e.code() + ": folder \"" + e.folder()
                        + "\" must be a folder of the rule set itself (a plain name such as law-2022)"));
                continue;
            }
            List<Regime.Decree> decrees = new ArrayList<>();
            for (DecreeEntry d : e.decrees() == null ? List.<DecreeEntry>of() : e.decrees()) {
                if (d == null || d.from() == null || d.name() == null) {
                    problems.add(RuleProblem.error(REGIMES, 0, 0, "regime " + e.code() + ": every decree needs 'from' and a name (vi, en)"));
                    continue;
                }
                Boolean bySubmission = appliesBy(REGIMES, "regime " + e.code() + ", decree from " + d.from(), d.appliesBy());
                if (bySubmission != null) decrees.add(new Regime.Decree(d.from(), d.name(), bySubmission));
            }
            regimes.add(new Regime(e.code(), e.from(), e.to(), e.folder(), e.legalBasis(),
                    Boolean.TRUE.equals(e.provisional()), decrees, e.notes()));
        }
        regimes.sort(Comparator.comparing(r -> r.from() == null ? LocalDate.MIN : r.from()));
        for (int i = 1; i < regimes.size(); i++) {
            Regime prev = regimes.get(i - 1), next = regimes.get(i);
            if (prev.to() == null || next.from() == null || !prev.to().isBefore(next.from())) {
                problems.add(RuleProblem.error(REGIMES, 0, 0,
                        "regimes " + prev.code() + " and " + next.code() + " overlap: every date must select one regime"));
            }
        }
        return regimes;
    }

    /**
     * A regime's folder is read as rule files: it must lie inside the rule set, or a proposed rule
     * set could name /proc or another server directory and have it read (and its existence told).
     */
    private boolean insideRuleSet(String folder) {
        if (folder.isBlank() || folder.indexOf('\0') >= 0 || folder.startsWith("/") || folder.startsWith("\\")
                || folder.contains(":")) return false;
        try {
            Path resolved = root.resolve(folder).normalize();
            if (!resolved.startsWith(root) || resolved.equals(root)) return false;
            for (Path p = resolved; p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
                if (Files.isSymbolicLink(p)) return false;
            }
            return true;
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    // ---- awards.yaml

    record AwardFile(List<AwardEntry> awards) {}

    record AwardEntry(String code, String category, List<SubjectKind> subjectKinds, Localized name) {}

    List<AwardDefinition> awards() {
        AwardFile file = read(AWARDS, AwardFile.class);
        if (file == null || file.awards() == null) return List.of();
        List<AwardDefinition> awards = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AwardEntry e : file.awards()) {
            if (e.code() == null || e.name() == null || e.subjectKinds() == null || e.subjectKinds().isEmpty()) {
                problems.add(RuleProblem.error(AWARDS, 0, 0,
                        "award " + e.code() + " needs a code, a name (vi, en) and subjectKinds"));
                continue;
            }
            if (!seen.add(e.code())) problems.add(RuleProblem.error(AWARDS, 0, 0, "award " + e.code() + " is listed twice"));
            awards.add(new AwardDefinition(e.code(), e.name(), e.category(), List.copyOf(e.subjectKinds())));
        }
        return awards;
    }

    // ---- attestations.yaml

    record AttestationFile(Map<String, Localized> attestations) {}

    Map<String, Localized> attestations() {
        AttestationFile file = read(ATTESTATIONS, AttestationFile.class);
        return file == null || file.attestations() == null ? Map.of() : file.attestations();
    }

    // ---- parameters/*.yaml

    record ParameterEntry(Localized description, String unit, String confidence, List<ValueEntry> values) {}

    /** {@code confidence}: this value's own (VERIFIED, RECALLED, UNCONFIRMED); absent: the parameter's. */
    record ValueEntry(LocalDate from, Object value, String reference, String organisation, String sector,
                      String appliesBy, String confidence) {}

    /** {@code appliesBy}: APPRAISAL (default) or SUBMISSION; null after recording a problem. */
    private Boolean appliesBy(String file, String what, String appliesBy) {
        if (appliesBy == null || appliesBy.equals("APPRAISAL")) return false;
        if (appliesBy.equals("SUBMISSION")) return true;
        problems.add(RuleProblem.error(file, 0, 0, what + ": appliesBy must be APPRAISAL or SUBMISSION, not \"" + appliesBy + "\""));
        return null;
    }

    Map<String, Parameter> parameters() {
        Map<String, Parameter> parameters = new TreeMap<>();
        Path dir = root.resolve(PARAMETERS);
        if (!Files.isDirectory(dir)) return parameters;
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path path : files) {
            String file = relative(root, path);
            Map<String, ParameterEntry> entries = read(file, YAML.getTypeFactory()
                    .constructMapType(LinkedHashMap.class, String.class, ParameterEntry.class));
            if (entries == null) continue;
            entries.forEach((name, e) -> {
                if (parameters.containsKey(name)) {
                    problems.add(RuleProblem.error(file, 0, 0, "parameter " + name + " is also defined in "
                            + parameters.get(name).file()));
                    return;
                }
                // values: [] declares a parameter whose value is not published yet (a campaign's threshold):
                // every criterion that reads it needs review. A parameter without a values key is a mistake.
                if (e == null || e.values() == null) {
                    problems.add(RuleProblem.error(file, 0, 0, "parameter " + name + " has no values"
                            + " (write 'values: []' for a value not published yet)"));
                    return;
                }
                List<ParameterValue> values = new ArrayList<>();
                for (ValueEntry v : e.values()) {
                    if (v.from() == null || v.value() == null) {
                        problems.add(RuleProblem.error(file, 0, 0,
                                "every value of parameter " + name + " needs 'from' (a date) and 'value'"));
                        continue;
                    }
                    String what = "parameter " + name + ", value from " + v.from();
                    Boolean bySubmission = appliesBy(file, what, v.appliesBy());
                    if (bySubmission == null) continue;
                    if (v.confidence() != null && !RuleMetadata.CONFIDENCE.contains(v.confidence())) {
                        problems.add(RuleProblem.error(file, 0, 0, what + ": confidence must be one of "
                                + new TreeSet<>(RuleMetadata.CONFIDENCE) + ", not \"" + v.confidence() + "\""));
                        continue;
                    }
                    if (name.endsWith(PREDECESSOR_HISTORY) && !PREDECESSOR_POLICIES.contains(String.valueOf(v.value()))) {
                        problems.add(RuleProblem.error(file, 0, 0, what + ": must be one of " + new TreeSet<>(PREDECESSOR_POLICIES)
                                + ", not \"" + v.value() + "\""));
                        continue;
                    }
                    values.add(new ParameterValue(v.from(), v.value(), v.reference(), v.organisation(), v.sector(),
                            bySubmission, v.confidence()));
                }
                parameters.put(name, new Parameter(name, e.description(), e.unit(), e.confidence(), file, values));
            });
        }
        return parameters;
    }

    // ---- campaigns/*.yaml

    record CampaignFile(String code, Localized name, String plan, Integer from, Integer to, String confidence,
                        String reference, List<PhaseEntry> phases, List<GroupEntry> groups, List<String> awards) {}

    record PhaseEntry(String code, Integer from, Integer to, Campaign.Review review, Localized name) {}

    record GroupEntry(String code, Localized name, List<SubjectKind> subjectKinds, List<IndicatorEntry> indicators) {}

    record IndicatorEntry(String code, Localized name, String parameter, Campaign.Operator operator) {}

    /**
     * The campaigns of {@code campaigns/}, each checked on its own: a code that is the file's name, a period,
     * phases inside it, groups with kinds of subject and indicators, each indicator naming its threshold parameter
     * and operator, codes unique. What they name elsewhere (parameters, awards) is checked by {@link #campaignReferences}.
     */
    List<Campaign> campaigns() {
        Path dir = root.resolve(CAMPAIGNS);
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> paths;
        try (Stream<Path> list = Files.list(dir)) {
            paths = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Campaign> campaigns = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Path path : paths) {
            String file = relative(root, path);
            CampaignFile c = read(file, CampaignFile.class);
            if (c == null) continue;
            Campaign campaign = campaign(file, c);
            if (campaign == null) continue;
            if (!codes.add(campaign.code())) {
                problems.add(RuleProblem.error(file, 0, 0, "campaign " + campaign.code() + " is declared twice"));
                continue;
            }
            campaigns.add(campaign);
        }
        return campaigns;
    }

    private Campaign campaign(String file, CampaignFile c) {
        int before = problems.size();
        if (c.code() == null || !c.code().matches("[A-Z][A-Z0-9_]*")) {
            problems.add(RuleProblem.error(file, 0, 0, "a campaign needs a code in UPPER_SNAKE_CASE"));
            return null;
        }
        String what = "campaign " + c.code();
        String expected = c.code().toLowerCase(Locale.ROOT).replace('_', '-') + ".yaml";
        if (!file.endsWith("/" + expected)) {
            problems.add(RuleProblem.error(file, 0, 0, what + ": the file is named after its code: " + CAMPAIGNS + "/" + expected));
        }
        if (c.name() == null || c.plan() == null || c.plan().isBlank()) {
            problems.add(RuleProblem.error(file, 0, 0, what + " needs a name (vi, en) and the plan that launched it"));
        }
        if (c.from() == null || c.to() == null || c.from() > c.to()) {
            problems.add(RuleProblem.error(file, 0, 0, what + " needs a period: 'from' and 'to' years, from not after to"));
        }
        if (c.confidence() == null || !RuleMetadata.CONFIDENCE.contains(c.confidence())) {
            problems.add(RuleProblem.error(file, 0, 0, what + ": confidence must be one of " + new TreeSet<>(RuleMetadata.CONFIDENCE)));
        }
        List<Campaign.Phase> phases = new ArrayList<>();
        Set<String> phaseCodes = new HashSet<>();
        for (PhaseEntry p : c.phases() == null ? List.<PhaseEntry>of() : c.phases()) {
            if (p == null || p.code() == null || p.from() == null || p.to() == null || p.review() == null || p.from() > p.to()) {
                problems.add(RuleProblem.error(file, 0, 0, what + ": every phase needs a code, 'from' and 'to' years (from not after to) and a review (PRELIMINARY or FINAL)"));
                continue;
            }
            if (!phaseCodes.add(p.code())) problems.add(RuleProblem.error(file, 0, 0, what + ": phase " + p.code() + " is listed twice"));
            if (c.from() != null && c.to() != null && (p.from() < c.from() || p.to() > c.to())) {
                problems.add(RuleProblem.error(file, 0, 0, what + ": phase " + p.code() + " lies outside the campaign's period"));
            }
            phases.add(new Campaign.Phase(p.code(), p.from(), p.to(), p.review(), p.name()));
        }
        List<Campaign.Group> groups = new ArrayList<>();
        Set<String> groupCodes = new HashSet<>();
        for (GroupEntry g : c.groups() == null ? List.<GroupEntry>of() : c.groups()) {
            if (g == null || g.code() == null || g.name() == null || g.subjectKinds() == null || g.subjectKinds().isEmpty()) {
                problems.add(RuleProblem.error(file, 0, 0, what + ": every group needs a code, a name (vi, en) and subjectKinds"));
                continue;
            }
            if (!groupCodes.add(g.code())) problems.add(RuleProblem.error(file, 0, 0, what + ": group " + g.code() + " is listed twice"));
            List<Campaign.Indicator> indicators = new ArrayList<>();
            Set<String> indicatorCodes = new HashSet<>();
            for (IndicatorEntry i : g.indicators() == null ? List.<IndicatorEntry>of() : g.indicators()) {
                if (i == null || i.code() == null || i.name() == null || i.parameter() == null || i.operator() == null) {
                    problems.add(RuleProblem.error(file, 0, 0, what + ", group " + g.code()
                            + ": every indicator needs a code, a name (vi, en), its threshold parameter and an operator (AT_LEAST or AT_MOST)"));
                    continue;
                }
                if (!indicatorCodes.add(i.code())) {
                    problems.add(RuleProblem.error(file, 0, 0, what + ", group " + g.code() + ": indicator " + i.code() + " is listed twice"));
                }
                indicators.add(new Campaign.Indicator(i.code(), i.name(), i.parameter(), i.operator()));
            }
            groups.add(new Campaign.Group(g.code(), g.name(), g.subjectKinds(), indicators));
        }
        if (groups.isEmpty()) problems.add(RuleProblem.error(file, 0, 0, what + " needs at least one participant group"));
        if (problems.size() > before) return null;
        return new Campaign(c.code(), c.name(), c.plan(), c.from(), c.to(), phases, groups, c.awards(), c.confidence(),
                c.reference(), file);
    }

    /** What the campaigns name elsewhere: each indicator's threshold parameter, each award. */
    static List<RuleProblem> campaignReferences(List<Campaign> campaigns, Map<String, Parameter> parameters,
                                                Set<String> awards) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Campaign c : campaigns) {
            for (Campaign.Group g : c.groups()) {
                for (Campaign.Indicator i : g.indicators()) {
                    if (!parameters.containsKey(i.parameter())) {
                        problems.add(RuleProblem.error(c.file(), 0, 0, "campaign " + c.code() + ", group " + g.code() + ", indicator "
                                + i.code() + ": unknown parameter \"" + i.parameter() + "\": define it in a file under parameters/"));
                    }
                }
            }
            for (String award : c.awards()) {
                if (!awards.contains(award)) {
                    problems.add(RuleProblem.error(c.file(), 0, 0, "campaign " + c.code() + ": unknown award \"" + award
                            + "\" (declare it in awards.yaml)"));
                }
            }
        }
        return problems;
    }

    private <T> T read(String file, Class<T> type) {
        return read(file, YAML.getTypeFactory().constructType(type));
    }

    private <T> T read(String file, com.fasterxml.jackson.databind.JavaType type) {
        Path path = root.resolve(file);
        if (!Files.isRegularFile(path)) {
            problems.add(RuleProblem.error(file, 0, 0, "file is missing"));
            return null;
        }
        try {
            return YAML.readValue(path.toFile(), type);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(RuleProblem.error(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(RuleProblem.error(file, 0, 0, e.getMessage()));
            return null;
        }
    }
}
