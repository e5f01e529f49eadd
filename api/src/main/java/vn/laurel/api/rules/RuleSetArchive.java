package vn.laurel.api.rules;

import jakarta.inject.Singleton;
import io.micronaut.http.HttpStatus;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.*;

/**
 * The files of every rule-set version ever put in service, by content hash, and the log of
 * activations. {@link #byVersion} compiles an old version again, so a past decision can be replayed
 * with the rules of its time. Written and read by {@link RuleStore} (revisions and activations).
 */
@Singleton
public class RuleSetArchive {
    private final RuleStore store;
    private final RuleSetHolder holder;
    private final CompiledRuleSets compiled;

    public RuleSetArchive(RuleStore store, RuleSetHolder holder, CompiledRuleSets compiled) {
        this.store = store;
        this.holder = holder;
        this.compiled = compiled;
    }

    /** The most recent activations first. */
    public List<RuleStore.Activation> history(int limit) {
        return store.activations(limit);
    }

    /** The version in service before the current one: the latest activation of any other version. */
    public Optional<String> previousVersion(String current) {
        return store.latestActivatedVersionOtherThan(current);
    }

    public Optional<RuleStore.Version> version(String version) {
        return store.version(version);
    }

    /** The stored zip of a version. */
    public Optional<byte[]> files(String version) {
        return store.archivedFiles(version);
    }

    /**
     * A stored version, compiled (the recent ones are kept compiled, see {@link CompiledRuleSets}).
     * Empty when no such version was ever stored; 409 when its stored files are no longer the files of
     * that version (changed outside Laurel); RuleSetException (422) when they do not compile today.
     */
    public Optional<RuleSet> byVersion(String version) {
        RuleSet current = holder.current();
        if (current.version().equals(version)) return Optional.of(current);
        Optional<RuleSet> cached = compiled.cached(version);
        if (cached.isPresent()) return cached;
        Optional<byte[]> zip = files(version);
        if (zip.isEmpty()) return Optional.empty();
        try {
            return Optional.of(compiled.compileStored(version, zip::get));
        } catch (CompiledRuleSets.VersionMismatch e) {
            throw new ProblemException(HttpStatus.CONFLICT, "The stored files of " + version + " no longer match that version ("
                    + e.actual() + "): the archive was changed outside Laurel.", List.of());
        }
    }
}
