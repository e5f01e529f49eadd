package vn.laurel.api.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.tools.rules.PulledFrom;
import vn.laurel.engine.ruleset.RuleBundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./laurel rules pull|push} against the real service (issue 15): pull writes the active
 * revision — rules and scenarios — into a directory whose rules hash to the version in service;
 * push of a changed directory makes a draft, shows its check and its diff, and exits 1 when a
 * scenario no longer passes. Its own database: the drafts it makes are no other test's business.
 */
@MicronautTest(transactional = false)
class RulesCommandApiTest extends PostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DRAFT = Pattern.compile("^Draft (\\d+)", Pattern.MULTILINE);

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    protected String database() {
        return "laurel_rules_command";
    }

    private String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private RulesCommandTest.Run rules(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--url", url(), "--user", "policy:policy")).toArray(String[]::new);
        return RulesCommandTest.run(Map.of(), all);
    }

    private JsonNode get(String path) throws IOException {
        return JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET(path), String.class));
    }

    @Test
    void pull_writes_the_active_revision_with_its_scenarios(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("pulled");
        JsonNode active = get("/api/v1/ruleset");

        RulesCommandTest.Run r = rules("pull", dir.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(dir.resolve("rules/regimes.yaml")).isRegularFile();
        assertThat(dir.resolve("rules/awards/advanced-laborer.drl")).isRegularFile();
        try (Stream<Path> s = Files.walk(dir.resolve("scenarios"))) {
            assertThat(s.filter(p -> p.toString().endsWith(".yaml"))).hasSizeGreaterThan(100);
        }
        assertThat(dir.resolve("scenarios/advanced-laborer/completed-rating-is-not-eligible.yaml")).isRegularFile();
        RuleBundle pulled = RuleBundle.fromDirectory(dir);
        assertThat(pulled.rulesVersion()).isEqualTo(active.get("version").asText());
        long revision = active.get("revision").get("id").asLong();
        assertThat(PulledFrom.readFrom(dir)).isEqualTo(new PulledFrom(revision, active.get("version").asText()));
        assertThat(r.out()).contains("Revision " + revision);

        // The same revision by number and by version; a revision that does not exist is exit 2 and writes nothing.
        Path byNumber = tmp.resolve("by-number"), byVersion = tmp.resolve("by-version");
        assertThat(rules("pull", byNumber.toString(), "--revision", Long.toString(revision)).exit()).isZero();
        assertThat(rules("pull", byVersion.toString(), "--version", active.get("version").asText()).exit()).isZero();
        assertThat(RuleBundle.fromDirectory(byNumber).contentHash()).isEqualTo(pulled.contentHash());
        assertThat(RuleBundle.fromDirectory(byVersion).contentHash()).isEqualTo(pulled.contentHash());
        RulesCommandTest.Run missing = rules("pull", tmp.resolve("missing").toString(), "--revision", "999999");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no revision 999999");
        assertThat(tmp.resolve("missing")).doesNotExist();
    }

    @Test
    void push_of_a_changed_directory_makes_a_draft_and_prints_its_diff(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("work");
        assertThat(rules("pull", dir.toString()).exit()).isZero();
        Path drl = dir.resolve("rules/awards/advanced-laborer.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// pushed by RulesCommandApiTest\n");

        RulesCommandTest.Run r = rules("push", dir.toString(), "--note", "A comment, to see it in the diff");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Check: passed").contains("--- a/rules/awards/advanced-laborer.drl")
                .contains("+++ b/rules/awards/advanced-laborer.drl").contains("+// pushed by RulesCommandApiTest");
        long id = draftId(r.out());
        JsonNode draft = get("/api/v1/ruleset/drafts/" + id);
        assertThat(draft.get("status").asText()).isEqualTo("OPEN");
        assertThat(draft.toString()).contains("policy");
        assertThat(get("/api/v1/ruleset/drafts/" + id + "/diff").toString()).contains("rules/awards/advanced-laborer.drl");
        // Nothing was published: the rules in service are those pulled.
        assertThat(get("/api/v1/ruleset").get("version").asText()).isEqualTo(PulledFrom.readFrom(dir).version());
    }

    @Test
    void push_of_a_failing_scenario_exits_1_naming_it(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("work");
        assertThat(rules("pull", dir.toString()).exit()).isZero();
        Path scenario = dir.resolve("scenarios/advanced-laborer/completed-rating-is-not-eligible.yaml");
        String text = Files.readString(scenario);
        String expect = "ADVANCED_LABORER: { outcome: NOT_ELIGIBLE, because: [RATING_GOOD_OR_BETTER] }";
        assertThat(text).contains(expect);
        Files.writeString(scenario, text.replace(expect, "ADVANCED_LABORER: ELIGIBLE"));

        RulesCommandTest.Run r = rules("push", dir.toString(), "--note", "A scenario that no longer holds", "--propose");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("Check: FAILED").contains("completed-rating-is-not-eligible.yaml")
                .contains("-  ADVANCED_LABORER: { outcome: NOT_ELIGIBLE").doesNotContain("Proposed for review");
        long id = draftId(r.out());
        assertThat(get("/api/v1/ruleset/drafts/" + id).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void push_in_the_repository_layout_without_credentials_is_refused_with_exit_2() {
        Path repo = vn.laurel.api.ThrowawayPostgres.repoRoot();
        RulesCommandTest.Run r = RulesCommandTest.run(Map.of(), "push", "--rules", repo.resolve("rules").toString(),
                "--scenarios", repo.resolve("examples/scenarios").toString(), "--note", "no one signed in", "--url", url());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("401").contains("--user NAME:PASSWORD");
    }

    private static long draftId(String out) {
        Matcher m = DRAFT.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }
}
