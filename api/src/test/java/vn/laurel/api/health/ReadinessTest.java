package vn.laurel.api.health;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;
import vn.laurel.api.ThrowawayPostgres;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness is the conjunction of its three parts, each able to take the instance out of rotation alone. */
class ReadinessTest {
    static final RuleSet RULES = RuleSetLoader.load(ThrowawayPostgres.repoRoot().resolve("rules"));
    static final Duration AFTER = Duration.ofSeconds(10);

    @Test
    void ready_when_the_database_answers_rules_are_loaded_and_current() {
        Readiness.State s = new Readiness(() -> true, () -> RULES, () -> Duration.ZERO, AFTER).check();
        assertThat(s.ready()).isTrue();
        assertThat(s.body()).containsEntry("status", "UP").containsEntry("database", "UP").containsEntry("rules", "UP")
                .containsEntry("rulesetVersion", RULES.version());
    }

    @Test
    void not_ready_without_the_database() {
        Readiness.State s = new Readiness(() -> false, () -> RULES, () -> Duration.ZERO, AFTER).check();
        assertThat(s.ready()).isFalse();
        assertThat(s.body()).containsEntry("status", "DOWN").containsEntry("database", "DOWN").containsEntry("rules", "UP");
    }

    @Test
    void not_ready_when_no_rules_are_loaded_or_the_rule_set_has_no_award() {
        Readiness.State none = new Readiness(() -> true, () -> null, () -> Duration.ZERO, AFTER).check();
        assertThat(none.ready()).isFalse();
        assertThat(none.body()).containsEntry("status", "DOWN").containsEntry("rules", "MISSING").containsEntry("rulesetVersion", null);
        RuleSet empty = new RuleSet("sha256:empty", Path.of("rules"), Instant.now(), List.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of());
        Readiness.State hollow = new Readiness(() -> true, () -> empty, () -> Duration.ZERO, AFTER).check();
        assertThat(hollow.ready()).isFalse();
        assertThat(hollow.body()).containsEntry("rules", "MISSING");
    }

    @Test
    void not_ready_when_behind_a_publication_for_longer_than_allowed() {
        Readiness.State s = new Readiness(() -> true, () -> RULES, () -> Duration.ofSeconds(12), AFTER).check();
        assertThat(s.ready()).isFalse();
        assertThat(s.body()).containsEntry("rules", "BEHIND").containsEntry("behindSeconds", 12L);
        assertThat(new Readiness(() -> true, () -> RULES, () -> Duration.ofSeconds(9), AFTER).check().ready()).isTrue();
    }
}
