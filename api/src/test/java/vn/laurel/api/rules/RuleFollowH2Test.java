package vn.laurel.api.rules;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import vn.laurel.api.RulesCopyPostgresTest;
import vn.laurel.api.ThrowawayPostgres;
import vn.laurel.api.rules.changes.RuleChangeLog;
import vn.laurel.engine.ruleset.RuleArchive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances on one embedded H2 database (two contexts in this JVM on the same named in-memory
 * database): the second follows a reload published by the first by polling; a restart serves the
 * database's active revision, not the directory; a database from before revisions gets one.
 */
class RuleFollowH2Test {
    static final String OLD_SENTENCE = "Working days absent in {year}";
    static final String NEW_SENTENCE = "Days of absence counted in {year}";

    static String url(String name) {
        return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    static Map<String, Object> settings(String url, Path rules) {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", url);
        p.put("laurel.rules.dir", rules.toString());
        p.put("laurel.scenarios.dir", ThrowawayPostgres.repoRoot().resolve("examples/scenarios").toString());
        p.put("laurel.demo.enabled", "false");
        p.put("laurel.rules.approvals-required", "0");
        p.put("laurel.rules.poll-interval", "200ms");
        return p;
    }

    static String served(ApplicationContext c) {
        return c.getBean(RuleSetHolder.class).current().version();
    }

    @Test
    void a_second_instance_follows_a_reload_by_polling_and_a_restart_serves_the_database_not_the_directory() throws Exception {
        Path rules = RulesCopyPostgresTest.copyOfRules();
        String url = url("laurel-follow-h2");
        Path laborer = rules.resolve("awards/advanced-laborer.drl");
        String original = Files.readString(laborer);
        String seeded;
        String published;
        try (ApplicationContext one = ApplicationContext.run(settings(url, rules), Environment.TEST);
             ApplicationContext two = ApplicationContext.run(settings(url, rules), Environment.TEST)) {
            seeded = served(one);
            assertThat(served(two)).isEqualTo(seeded);
            assertThat(two.getBean(RuleStore.class).revisions(null, 10)).hasSize(1);

            Files.writeString(laborer, original.replace(OLD_SENTENCE, NEW_SENTENCE));
            RuleSetService.Reloaded r = one.getBean(RuleSetService.class).reload("policy");
            assertThat(r.draft()).isNull();
            published = r.change().version();
            assertThat(r.change().changed()).isTrue();
            assertThat(r.change().revision().parentId()).isEqualTo(1L);
            assertThat(served(one)).isEqualTo(published);
            long start = System.nanoTime();
            while (!served(two).equals(published) && System.nanoTime() - start < 5_000_000_000L) Thread.sleep(10);
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.println("[measure] H2 follow by polling (200 ms interval): " + ms + " ms");
            assertThat(served(two)).isEqualTo(published);
            assertThat(ms).isLessThan(2000);
            assertThat(two.getBean(RuleSetHolder.class).active().action()).isEqualTo(ActiveRuleSet.Action.RELOAD);

            List<RuleChangeLog.Entry> log = two.getBean(RuleChangeLog.class).list(null, null, 10);
            assertThat(log).extracting(RuleChangeLog.Entry::action).containsExactly("RELOADED", "SEEDED");
            assertThat(log.get(0).actor()).isEqualTo("policy");
            assertThat(two.getBean(RuleChangeLog.class).verify().intact()).isTrue();
        }
        // The directory goes back to the seed's files: a restart still serves the published revision.
        Files.writeString(laborer, original);
        try (ApplicationContext again = ApplicationContext.run(settings(url, rules), Environment.TEST)) {
            assertThat(served(again)).isEqualTo(published).isNotEqualTo(seeded);
            assertThat(again.getBean(RuleStore.class).revisions(null, 10)).hasSize(2);
        }
    }

    @Test
    void an_activation_from_before_revisions_gets_a_revision_and_a_rollback_to_an_older_version_gets_one_too() throws Exception {
        String url = url("laurel-legacy-rules");
        Path rules = RulesCopyPostgresTest.copyOfRules();
        Path laborer = rules.resolve("awards/advanced-laborer.drl");
        byte[] older = RuleArchive.zip(rules);
        String olderVersion = RuleArchive.load(older).version();
        Files.writeString(laborer, Files.readString(laborer).replace(OLD_SENTENCE, NEW_SENTENCE));
        byte[] zip = RuleArchive.zip(rules);
        String version = RuleArchive.load(zip).version();
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/H2").target("14.1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            legacyActivation(c, olderVersion, older);
            legacyActivation(c, version, zip);
        }
        try (ApplicationContext c = ApplicationContext.run(settings(url, rules), Environment.TEST)) {
            ActiveRuleSet active = c.getBean(RuleSetHolder.class).active();
            assertThat(active.rules().version()).isEqualTo(version);
            assertThat(active.revision().note()).isEqualTo("stored before revisions");
            assertThat(active.action()).isEqualTo(ActiveRuleSet.Action.LOAD);
            assertThat(c.getBean(RuleStore.class).bundle(active.revisionId()).hasScenarios()).isTrue();
            assertThat(c.getBean(RuleChangeLog.class).list(null, null, 10)).extracting(RuleChangeLog.Entry::action).containsExactly("SEEDED");

            // Back to the version in service before: it never had a revision, so it gets one with the active revision's scenarios.
            RuleSetService.Change back = c.getBean(RuleSetService.class).rollback("policy", null, null);
            assertThat(back.version()).isEqualTo(olderVersion);
            assertThat(back.revision().note()).isEqualTo("stored before revisions; made for a rollback");
            assertThat(back.revision().parentId()).isEqualTo(active.revisionId());
            assertThat(c.getBean(RuleStore.class).bundle(back.revision().id()).scenariosZip())
                    .isEqualTo(c.getBean(RuleStore.class).bundle(active.revisionId()).scenariosZip());
            assertThat(c.getBean(RuleSetHolder.class).current().version()).isEqualTo(olderVersion);
            assertThat(c.getBean(RuleChangeLog.class).list(null, null, 10)).extracting(RuleChangeLog.Entry::action)
                    .containsExactly("ROLLED_BACK", "SEEDED");
            assertThat(c.getBean(RuleChangeLog.class).verify().intact()).isTrue();
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ruleset_revision")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            s.execute("DROP ALL OBJECTS");
        }
    }

    /** A version stored and activated as the service did before revisions existed. */
    static void legacyActivation(Connection c, String version, byte[] zip) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_version (version, files, file_count, first_loaded_at, "
                + "loaded_by) VALUES (?, ?, 1, ?, 'startup')")) {
            ps.setString(1, version);
            ps.setBytes(2, zip);
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_activation (version, action, activated_at, activated_by) "
                + "VALUES (?, 'LOAD', ?, 'startup')")) {
            ps.setString(1, version);
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    @Test
    void an_instance_that_cannot_follow_the_active_rules_says_so_in_its_health_and_recovers_when_it_can() throws Exception {
        String url = url("laurel-behind");
        Map<String, Object> p = settings(url, ThrowawayPostgres.repoRoot().resolve("rules"));
        p.put("laurel.rules.poll-interval", "100ms");
        p.put("laurel.rules.behind-after", "300ms");
        try (ApplicationContext ctx = ApplicationContext.run(p, Environment.TEST)) {
            vn.laurel.api.web.HealthController health = ctx.getBean(vn.laurel.api.web.HealthController.class);
            assertThat(health.health().getBody().orElseThrow()).contains("\"rules\":\"UP\"");
            RuleStore store = ctx.getBean(RuleStore.class);
            long seeded = store.active().orElseThrow().revision().id();
            // Files stored under a version they do not hash to (changed outside Laurel): no instance may serve them.
            String fake = "sha256:" + "1".repeat(64);
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_version (version, files, file_count, first_loaded_at, "
                        + "loaded_by) VALUES (?, ?, 1, ?, 'outside')")) {
                    ps.setString(1, fake);
                    ps.setBytes(2, RuleArchive.zip(ThrowawayPostgres.repoRoot().resolve("rules")));
                    ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_activation (version, action, activated_at, activated_by) "
                        + "VALUES (?, 'RELOAD', ?, 'outside')")) {
                    ps.setString(1, fake);
                    ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                    ps.executeUpdate();
                }
            }
            long start = System.nanoTime();
            while (health.health().getStatus().getCode() == 200 && System.nanoTime() - start < 10_000_000_000L) Thread.sleep(50);
            var down = health.health();
            assertThat(down.getStatus().getCode()).isEqualTo(503);
            assertThat(down.getBody().orElseThrow()).contains("\"rules\":\"BEHIND\"").contains("\"database\":\"UP\"");
            assertThat(served(ctx)).isNotEqualTo(fake);

            // The seeded revision activated again: the instance follows, and is healthy again.
            store.inTransaction(c -> store.activate(c, store.revision(seeded).orElseThrow(), "ROLLBACK", "test"));
            start = System.nanoTime();
            while (health.health().getStatus().getCode() != 200 && System.nanoTime() - start < 10_000_000_000L) Thread.sleep(50);
            assertThat(health.health().getBody().orElseThrow()).contains("\"status\":\"UP\"").contains("\"rules\":\"UP\"");
        }
    }

    @Test
    void approvals_required_is_checked_at_start() {
        assertThat(RuleApprovals.validated("1", "jdbc:postgresql://db/laurel")).isEqualTo(1);
        assertThat(RuleApprovals.validated("0", url("x"))).isZero();
        for (String[] refused : new String[][] {{"0", "jdbc:postgresql://db/laurel"}, {"0", "jdbc:h2:tcp://host/laurel"},
                {"0", "jdbc:h2:file:/var/laurel/db;AUTO_SERVER=TRUE"}, {"0", "jdbc:h2:/var/laurel/db"}, {"-1", url("x")},
                {"one", url("x")}}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleApprovals.validated(refused[0], refused[1]))
                    .as(String.join(" on ", refused)).hasMessageContaining("laurel.rules.approvals-required");
        }
        Map<String, Object> p = settings(url("laurel-approvals"), ThrowawayPostgres.repoRoot().resolve("rules"));
        p.put("laurel.rules.approvals-required", "-1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApplicationContext.run(p, Environment.TEST).close())
                .hasStackTraceContaining("laurel.rules.approvals-required must be 0 or more");
    }
}
