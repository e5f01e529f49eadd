package vn.laurel.engine.ruleset;

import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.catalogue.Campaign;
import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.regime.Regime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.*;

/**
 * Loads a rules directory into a {@link RuleSet}: reads regimes, awards and parameters, compiles
 * each regime's DRL (the rules of {@code awards/} that name it, {@link RegimeSources}) into its own
 * KieBase — refusing any rule that reaches beyond the fact model and its helpers ({@link RuleCompiler})
 * — and checks the rule metadata. Every problem is collected; any problem fails the load as a whole,
 * so a broken file can never replace a working rule set.
 */
public final class RuleSetLoader {
    private RuleSetLoader() {}

    /** Loads a rule set as it is written today ({@link LoadMode#STRICT}). */
    public static RuleSet load(Path directory) {
        return load(directory, LoadMode.STRICT, true);
    }

    /** Loads a rule set, strictly or leniently (a version already stored, see {@link LoadMode}). */
    public static RuleSet load(Path directory, LoadMode mode) {
        return load(directory, mode, true);
    }

    /**
     * As {@link #load(Path)}; with {@code reuseBuilds} false every regime is built again even if a
     * recent build had the same files (to measure a build, not a lookup).
     */
    public static RuleSet load(Path directory, boolean reuseBuilds) {
        return load(directory, LoadMode.STRICT, reuseBuilds);
    }

    /**
     * What a strict load refuses and a lenient one accepts — the former layout, actions other than one
     * {@code $e.record(…)} — without compiling anything: a version loaded leniently (kept compiled
     * for replays) is checked with this before it is accepted on an authoring path.
     */
    public static List<RuleProblem> authoringProblems(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) return List.of(RuleProblem.error(root.toString(), 0, 0, "rules directory not found"));
        return sorted(StrictChecks.of(root, new RulesDirectory(root)));
    }

    private static RuleSet load(Path directory, LoadMode mode, boolean reuseBuilds) {
        try {
            return loadChecked(directory, mode, reuseBuilds);
        } catch (StackOverflowError e) {
            // Nesting the parser accepted can still exhaust a later step's stack: a problem, never an Error past the load.
            throw new RuleSetException(List.of(RuleProblem.error(directory.toString(), 0, 0,
                    "a rule file is nested too deeply to be compiled; write its conditions more simply")));
        }
    }

    private static RuleSet loadChecked(Path directory, LoadMode mode, boolean reuseBuilds) {
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new RuleSetException(List.of(RuleProblem.error(root.toString(), 0, 0, "rules directory not found")));
        }
        RulesDirectory dir = new RulesDirectory(root);
        List<Regime> regimes = dir.regimes();
        Map<String, AwardDefinition> awards = new LinkedHashMap<>();
        dir.awards().forEach(a -> awards.put(a.code(), a));
        Map<String, Parameter> parameters = dir.parameters();
        Map<String, Localized> vocabulary = dir.attestations();
        Set<String> attestations = vocabulary.keySet();
        List<Campaign> campaignList = dir.campaigns();
        List<RuleProblem> problems = new ArrayList<>(dir.problems());
        problems.addAll(RulesDirectory.campaignReferences(campaignList, parameters, awards.keySet()));

        if (mode == LoadMode.STRICT) problems.addAll(StrictChecks.of(root, dir));
        RegimeSources.Result sources = RegimeSources.of(root, dir, regimes);
        problems.addAll(sources.problems());
        Map<String, RuleCompiler.Result> results = RuleCompiler.compileAll(sources.byRegime(), sources.keys(), reuseBuilds);
        Map<String, CompiledRegime> compiled = new LinkedHashMap<>();
        for (Regime regime : regimes) {
            Map<String, byte[]> files = sources.byRegime().get(regime.code());
            problems.addAll(RuleLint.duplicateNames(files, regime.code()));
            if (files.isEmpty()) {
                compiled.put(regime.code(), new CompiledRegime(regime, null, List.of()));
                continue;
            }
            RuleCompiler.Result result = results.get(regime.code());
            problems.addAll(result.problems());
            if (result.kieBase() == null) continue;
            List<CriterionDefinition> criteria = RuleMetadata.criteria(regime.code(), result.kieBase(),
                    RuleMetadata.locate(files), awards, problems);
            compiled.put(regime.code(), new CompiledRegime(regime, result.kieBase(), criteria));
        }
        problems.addAll(RuleMetadata.unknownParameters(root, sources.compiled(), parameters));
        problems.addAll(RuleMetadata.unknownAttestations(root, sources.compiled(), attestations));
        problems.addAll(RuleMetadata.unknownCampaigns(root, sources.compiled(),
                campaignList.stream().map(Campaign::code).collect(java.util.stream.Collectors.toSet())));
        // A parameter that names an attestation must name one that exists.
        parameters.values().stream().filter(p -> p.name().endsWith("_attestation")).forEach(p -> p.values().forEach(v -> {
            if (!attestations.contains(String.valueOf(v.value()))) {
                problems.add(RuleProblem.error(p.file(), 0, 0, "parameter " + p.name() + ": unknown attestation \"" + v.value() + "\""));
            }
        }));
        List<RuleProblem> distinct = sorted(problems);
        if (!distinct.isEmpty()) throw new RuleSetException(distinct);

        List<Path> content = dir.contentFiles();
        List<String> files = content.stream().map(p -> RulesDirectory.relative(root, p)).toList();
        return new RuleSet(ContentHash.of(root, content), root, Instant.now(), files, List.copyOf(regimes),
                Collections.unmodifiableMap(awards), Collections.unmodifiableMap(parameters),
                Collections.unmodifiableMap(compiled), Collections.unmodifiableMap(new LinkedHashMap<>(vocabulary)),
                Collections.unmodifiableMap(campaigns(campaignList)));
    }

    private static Map<String, Campaign> campaigns(List<Campaign> list) {
        Map<String, Campaign> byCode = new LinkedHashMap<>();
        list.forEach(c -> byCode.put(c.code(), c));
        return byCode;
    }

    /** Each problem once, in file, line and column order. */
    static List<RuleProblem> sorted(List<RuleProblem> problems) {
        return problems.stream().distinct()
                .sorted(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
                        .thenComparingInt(RuleProblem::column))
                .toList();
    }
}
