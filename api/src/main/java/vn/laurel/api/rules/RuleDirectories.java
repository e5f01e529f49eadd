package vn.laurel.api.rules;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import vn.laurel.engine.ruleset.RuleBundle;

import java.nio.file.Path;

/**
 * The rules and scenario directories: the seed of an empty database and what a reload proposes. They
 * are not what an instance serves (that is the database's active revision).
 */
@Singleton
public class RuleDirectories {
    private final Path rules;
    private final Path scenarios;

    public RuleDirectories(@Value("${laurel.rules.dir}") String rules,
                           @Value("${laurel.scenarios.dir:examples/scenarios}") String scenarios) {
        this.rules = Path.of(rules).toAbsolutePath().normalize();
        this.scenarios = Path.of(scenarios).toAbsolutePath().normalize();
    }

    public Path rules() { return rules; }

    public Path scenarios() { return scenarios; }

    /** Both directories as one bundle, read once: what is checked is what is stored. */
    public RuleBundle bundle() {
        return RuleBundle.fromDirectories(rules, scenarios);
    }

    public String describe() {
        return rules + " (scenarios: " + scenarios + ")";
    }
}
