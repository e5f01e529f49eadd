package vn.laurel.engine.ruleset;

import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.catalogue.Campaign;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.regime.Regime;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, compiled and checked rule set: immutable, shared by every evaluation that starts while
 * it is current. A reload builds a new one and swaps it in; evaluations in flight keep theirs.
 *
 * @param version content hash of every rule and parameter file
 * @param files   the files it was built from, relative to the directory
 * @param attestations the human-judgment codes of attestations.yaml: the only ones a fact may assert
 * @param campaigns    the emulation campaigns of campaigns/*.yaml, by code: the only ones a campaign result may name
 */
public record RuleSet(String version, Path directory, Instant loadedAt, List<String> files, List<Regime> regimes,
                      Map<String, AwardDefinition> awards, Map<String, Parameter> parameters,
                      Map<String, CompiledRegime> compiled, Map<String, Localized> attestations,
                      Map<String, Campaign> campaigns) {
    public RuleSet {
        campaigns = campaigns == null ? Map.of() : campaigns;
    }

    /** A rule set without campaigns (one stored before campaigns were declared, or a test's). */
    public RuleSet(String version, Path directory, Instant loadedAt, List<String> files, List<Regime> regimes,
                   Map<String, AwardDefinition> awards, Map<String, Parameter> parameters,
                   Map<String, CompiledRegime> compiled, Map<String, Localized> attestations) {
        this(version, directory, loadedAt, files, regimes, awards, parameters, compiled, attestations, Map.of());
    }

    public Optional<Campaign> campaign(String code) {
        return Optional.ofNullable(code == null ? null : campaigns.get(code));
    }

    public Optional<Regime> regimeOn(LocalDate asOf) {
        return regimes.stream().filter(r -> r.covers(asOf)).findFirst();
    }

    public CompiledRegime compiled(String regime) {
        return compiled.get(regime);
    }

    public Optional<AwardDefinition> award(String code) {
        return Optional.ofNullable(awards.get(code));
    }
}
