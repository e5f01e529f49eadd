package vn.laurel.api.rules;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.api.audit.Head;
import vn.laurel.api.rules.changes.RuleChangeLog;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.engine.ruleset.RuleSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What an instance serves when it starts: the database's active revision. An empty database is seeded
 * from the directories; an activation logged before revisions existed gets its revision. Both happen
 * under the change log's head lock with the database read again inside it, so instances starting
 * together seed once.
 */
@Singleton
public class RuleStart {
    private static final Logger LOG = LoggerFactory.getLogger(RuleStart.class);
    static final String SEED_AUTHOR = "seed";

    private final RuleStore store;
    private final RuleChangeLog changes;
    private final CompiledRuleSets compiled;
    private final RuleDirectories directories;

    public RuleStart(RuleStore store, RuleChangeLog changes, CompiledRuleSets compiled, RuleDirectories directories) {
        this.store = store;
        this.changes = changes;
        this.compiled = compiled;
        this.directories = directories;
    }

    ActiveRuleSet start() {
        RuleStore.Active active = store.active().orElse(null);
        if (active == null) {
            active = seed();
        } else if (active.revision() == null) {
            active = adoptLegacy(active);
        }
        String version = active.rulesVersion();
        RuleSet rules = compiled.compileStored(version, () -> store.rulesZip(version).orElseThrow(() ->
                new IllegalStateException("the active rule-set version " + version + " has no stored files")));
        hintWhenTheDirectoryDiffers(version);
        return ActiveRuleSet.of(rules, active);
    }

    /** The directories become revision 1; compiled first, so broken seed files stop the start before anything is written. */
    private RuleStore.Active seed() {
        RuleBundle bundle = directories.bundle();
        compiled.compile(bundle.rulesVersion(), bundle::rulesZip);
        // The server's paths go to the log only: the note is shown to every client of /api/v1/ruleset.
        String note = "imported from the server's rule files";
        return store.inTransaction(c -> {
            Head.lock(c, Head.RULE_CHANGES);
            var already = store.active(c);
            if (already.isPresent()) return already.get(); // another instance seeded while this one compiled
            RuleStore.Revision r = store.insertRevision(c, bundle, null, SEED_AUTHOR, note, null);
            store.activate(c, r, "SEED", SEED_AUTHOR);
            changes.append(c, new RuleChangeLog.Change(RuleChangeLog.Action.SEEDED, SEED_AUTHOR, null, r.id(), r.rulesVersion(),
                    r.contentHash(), note));
            LOG.info("Empty rule store: seeded revision {} (version {}) from {}", r.id(), r.rulesVersion(), directories.describe());
            return store.active(c).orElseThrow();
        });
    }

    /** A version activated before revisions existed: stored as a revision with the directory's scenarios. */
    private RuleStore.Active adoptLegacy(RuleStore.Active legacy) {
        String version = legacy.rulesVersion();
        byte[] zip = store.rulesZip(version).orElseThrow(() ->
                new IllegalStateException("the active rule-set version " + version + " has no stored files"));
        RuleBundle bundle = withScenarios(RuleBundle.fromZips(zip, null), directories.scenarios());
        String note = "stored before revisions";
        return store.inTransaction(c -> {
            Head.lock(c, Head.RULE_CHANGES);
            RuleStore.Active now = store.active(c).orElseThrow();
            if (now.revision() != null) return now;
            RuleStore.Revision r = store.insertRevision(c, bundle, null, SEED_AUTHOR, note, null);
            store.activate(c, r, "LOAD", SEED_AUTHOR);
            changes.append(c, new RuleChangeLog.Change(RuleChangeLog.Action.SEEDED, SEED_AUTHOR, null, r.id(), r.rulesVersion(),
                    r.contentHash(), note));
            LOG.info("Rule set {} was activated before revisions existed: stored as revision {} with the scenarios of {}",
                    version, r.id(), directories.scenarios());
            return store.active(c).orElseThrow();
        });
    }

    /** The scenario files of a folder added to a bundle (none when the folder is missing). */
    static RuleBundle withScenarios(RuleBundle bundle, Path folder) {
        if (!Files.isDirectory(folder)) return bundle;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path = RuleBundle.SCENARIOS + folder.relativize(file).toString().replace('\\', '/');
                if (RuleBundle.pathProblem(path) == null) bundle = bundle.with(path, Files.readAllBytes(file));
            }
            return bundle;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory is only a seed: when it holds other rules, say how to propose them rather than serve them. */
    private void hintWhenTheDirectoryDiffers(String activeVersion) {
        if (!Files.isDirectory(directories.rules())) return;
        try {
            String onDisk = RuleBundle.fromDirectories(directories.rules(), null).rulesVersion();
            if (!onDisk.equals(activeVersion)) {
                LOG.info("The rules in {} (version {}) are not the version in service ({}), which the database holds. To propose "
                        + "them for review: ./laurel rules push with the directory, or POST /api/v1/ruleset/reload.",
                        directories.rules(), onDisk, activeVersion);
            }
        } catch (RuntimeException e) {
            LOG.info("The rules in {} could not be read to compare with the version in service: {}", directories.rules(), e.getMessage());
        }
    }
}
