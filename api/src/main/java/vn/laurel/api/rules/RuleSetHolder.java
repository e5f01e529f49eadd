package vn.laurel.api.rules;

import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetException;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The rule set in service: the database's active revision, compiled. Loaded while the service starts
 * ({@code @Context}; the rule store's DataSource makes Flyway run first), so a broken rule set stops
 * the start with its file and line instead of failing the first request. Evaluations take the current
 * rule set once and keep it to the end; a change is one atomic set of a rule set already compiled, so
 * no request ever sees a half-built one.
 */
@Context
public class RuleSetHolder {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetHolder.class);
    private final AtomicReference<ActiveRuleSet> current = new AtomicReference<>();
    private final Evaluator evaluator;
    private final RuleDirectories directories;

    public RuleSetHolder(RuleStart start, RuleDirectories directories) {
        this.directories = directories;
        ActiveRuleSet loaded;
        try {
            loaded = start.start();
        } catch (RuleSetException e) {
            // Said plainly first, for the person who edited the rules; the framework's trace follows.
            LOG.error("Laurel cannot start: the rules have {} problem(s):\n{}", e.getProblems().size(),
                    e.getProblems().stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
            throw e;
        }
        current.set(loaded);
        evaluator = new Evaluator(this::current);
        LOG.info("Rules in service: revision {} (version {}, {} files, {} by {})", loaded.revisionId(), loaded.rules().version(),
                loaded.rules().files().size(), loaded.action().name().toLowerCase(), loaded.activatedBy());
    }

    public RuleSet current() { return current.get().rules(); }

    public ActiveRuleSet active() { return current.get(); }

    /** The rules directory: the seed and what a reload proposes, not what is served. */
    public Path directory() { return directories.rules(); }

    public Evaluator evaluator() { return evaluator; }

    /**
     * Puts a compiled rule set in service unless a later activation already is: this instance's own
     * publish and the notice of it race, and a slow compile must not put back an older one.
     * Evaluations already running keep theirs. True when it was swapped.
     */
    boolean swap(ActiveRuleSet next) {
        ActiveRuleSet previous = current.getAndUpdate(p -> next.activationId() > p.activationId() ? next : p);
        if (next.activationId() <= previous.activationId()) return false;
        LOG.info("Rules {} by {}: revision {} (version {}) replaces version {}", next.action().name().toLowerCase(), next.activatedBy(),
                next.revisionId(), next.rules().version(), previous.rules().version());
        return true;
    }
}
