package vn.laurel.api.rules;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetException;
import vn.laurel.engine.ruleset.RuleSetLoader;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The rule set in service. Loaded while the service starts ({@code @Context}), so a broken rule
 * file stops the start with its file and line instead of failing the first request. Evaluations
 * take the current rule set once and keep it to the end; a later swap is one atomic set.
 */
@Context
public class RuleSetHolder {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetHolder.class);
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private final Evaluator evaluator;

    public RuleSetHolder(@Value("${laurel.rules.dir}") String rulesDir) {
        Path dir = Path.of(rulesDir).toAbsolutePath().normalize();
        RuleSet rules;
        try {
            rules = RuleSetLoader.load(dir);
        } catch (RuleSetException e) {
            // Said plainly first, for the person who edited the rules; the framework's trace follows.
            LOG.error("Laurel cannot start: the rules in {} have {} problem(s):\n{}", dir, e.getProblems().size(),
                    e.getProblems().stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
            throw e;
        }
        current.set(rules);
        evaluator = new Evaluator(current::get);
        LOG.info("Rules loaded from {}: {} files, version {}", dir, rules.files().size(), rules.version());
    }

    public RuleSet current() { return current.get(); }

    public Evaluator evaluator() { return evaluator; }
}
