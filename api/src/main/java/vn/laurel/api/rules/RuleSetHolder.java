package vn.laurel.api.rules;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.api.store.Now;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.ruleset.RuleArchive;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetException;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The rule set in service. Loaded while the service starts ({@code @Context}), so a broken rule
 * file stops the start with its file and line instead of failing the first request. Evaluations
 * take the current rule set once and keep it to the end; a reload or rollback is one atomic set
 * of a rule set already compiled and checked, so no request ever sees a half-built one.
 */
@Context
public class RuleSetHolder {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetHolder.class);
    private final AtomicReference<ActiveRuleSet> current = new AtomicReference<>();
    private final Evaluator evaluator;
    private final Path directory;

    public RuleSetHolder(@Value("${laurel.rules.dir}") String rulesDir) {
        directory = Path.of(rulesDir).toAbsolutePath().normalize();
        ActiveRuleSet loaded;
        try {
            loaded = snapshot(ActiveRuleSet.Action.LOAD, "startup");
        } catch (RuleSetException e) {
            // Said plainly first, for the person who edited the rules; the framework's trace follows.
            LOG.error("Laurel cannot start: the rules in {} have {} problem(s):\n{}", directory, e.getProblems().size(),
                    e.getProblems().stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
            throw e;
        }
        current.set(loaded);
        evaluator = new Evaluator(this::current);
        LOG.info("Rules loaded from {}: {} files, version {}", directory, loaded.rules().files().size(), loaded.rules().version());
    }

    /**
     * Zips the rules directory and loads the zip: the files are read once, so an editor saving
     * while a reload runs cannot give a rule set whose archived files differ from what was compiled.
     */
    ActiveRuleSet snapshot(ActiveRuleSet.Action action, String by) {
        byte[] zip = RuleArchive.zip(directory);
        return new ActiveRuleSet(RuleArchive.load(zip), zip, action, Now.instant(), by);
    }

    public RuleSet current() { return current.get().rules(); }

    public ActiveRuleSet active() { return current.get(); }

    public Path directory() { return directory; }

    public Evaluator evaluator() { return evaluator; }

    /** Puts a compiled and checked rule set in service; evaluations already running keep theirs. */
    void swap(ActiveRuleSet next) {
        ActiveRuleSet previous = current.getAndSet(next);
        LOG.info("Rules {} by {}: version {} replaces {}", next.action().name().toLowerCase(), next.activatedBy(),
                next.rules().version(), previous.rules().version());
    }
}
