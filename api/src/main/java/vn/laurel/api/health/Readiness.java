package vn.laurel.api.health;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.laurel.api.rules.RuleFollower;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.DatabaseProbe;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether this instance should be sent requests: the database answers, rules are loaded, and it
 * serves the active rule set — an instance that has not followed a publication for {@code
 * laurel.rules.behind-after} (10 s) is taken out of a load balancer's rotation rather than answer
 * under rules no longer in service. Liveness asks none of this: a database outage must not make an
 * orchestrator restart every instance at once.
 */
@Singleton
public class Readiness {
    private final BooleanSupplier database;
    private final Supplier<RuleSet> rules;
    private final Supplier<Duration> behind;
    private final Duration behindAfter;

    @Inject
    public Readiness(DatabaseProbe database, RuleSetHolder rules, RuleFollower follower,
                     @Value("${laurel.rules.behind-after:10s}") Duration behindAfter) {
        this(database::answers, () -> rules.active() == null ? null : rules.current(), follower::behind, behindAfter);
    }

    Readiness(BooleanSupplier database, Supplier<RuleSet> rules, Supplier<Duration> behind, Duration behindAfter) {
        this.database = database;
        this.rules = rules;
        this.behind = behind;
        this.behindAfter = behindAfter;
    }

    /** Ready or not, and each part's state, as /health and /health/ready show them. */
    public record State(boolean ready, Map<String, Object> body) {}

    public State check() {
        boolean databaseUp = database.getAsBoolean();
        RuleSet served = rules.get();
        boolean loaded = served != null && !served.awards().isEmpty();
        Duration late = behind.get();
        boolean current = late.compareTo(behindAfter) < 0;
        boolean ready = databaseUp && loaded && current;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("database", databaseUp ? "UP" : "DOWN");
        body.put("rules", !loaded ? "MISSING" : current ? "UP" : "BEHIND");
        if (!current) body.put("behindSeconds", late.toSeconds());
        body.put("rulesetVersion", served == null ? null : served.version());
        return new State(ready, body);
    }
}
