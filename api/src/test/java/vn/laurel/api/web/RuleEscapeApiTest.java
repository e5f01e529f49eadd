package vn.laurel.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.RulesCopyPostgresTest;
import vn.laurel.engine.ruleset.RuleArchive;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule file that tries to run code, sent down every path that compiles rules in the service:
 * reload from the rules directory, preview of a zip, and rollback to a stored version whose files
 * were changed in the database. Each is refused with the file and line, nothing runs (the marker
 * file is never written), and the rules in service stay as they were.
 */
@MicronautTest(transactional = false)
class RuleEscapeApiTest extends RulesCopyPostgresTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    BlockingHttpClient client() { return http.toBlocking(); }

    String activeVersion() {
        return Http.get(client(), "/api/v1/ruleset").body().get("version").asText();
    }

    Http.Answer postJson(String uri, String json) {
        return Http.call(client(), HttpRequest.POST(uri, json).contentType("application/json"));
    }

    /** The marker the escape tries to write, and the rule text that tries. */
    static final String ESCAPE_RULE = """
            rule "ADVANCED_LABORER 2022: escapes"
                @regimes("LAW_2022")
                @award("ADVANCED_LABORER") @criterion("X") @legalBasis("a") @legalBasisVi("b")
                @confidence("VERIFIED") @en("e") @vi("v")
            when
                $e : Evaluation( person )
            then
                new java.util.Formatter("MARK").close();
            end
            """;

    static Path withEscape(Path rules, Path mark) throws IOException {
        Path file = rules.resolve("awards/advanced-laborer.drl");
        Files.writeString(file, Files.readString(file) + "\n" + ESCAPE_RULE.replace("MARK", mark.toString()));
        return file;
    }

    static int lineOf(Path file, String text) throws IOException {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not in " + file);
    }

    static void assertRefusedAt(Http.Answer a, String file, int line) {
        assertThat(a.status()).as(a.body().toString()).isEqualTo(422);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        assertThat(a.body().get("errors")).anySatisfy(e -> {
            assertThat(e.get("field").asText()).isEqualTo(file);
            assertThat(e.get("line").asInt()).isEqualTo(line);
            assertThat(e.get("message").asText()).contains("java.util.Formatter");
        });
    }

    @Test
    void a_reload_with_an_escaping_rule_is_refused_at_its_line_and_nothing_runs() throws IOException {
        String before = activeVersion();
        Path mark = Files.createTempDirectory("laurel-escape-").resolve("reload");
        Path file = withEscape(rulesDir, mark);
        try {
            Http.Answer a = postJson("/api/v1/ruleset/reload", "");
            assertRefusedAt(a, "awards/advanced-laborer.drl", lineOf(file, "java.util.Formatter"));
            assertThat(mark).doesNotExist();
            assertThat(activeVersion()).isEqualTo(before);
        } finally {
            // the other tests of this class share the rules directory
            Files.writeString(file, Files.readString(file).replace("\n" + ESCAPE_RULE.replace("MARK", mark.toString()), ""));
        }
    }

    @Test
    void a_preview_of_an_escaping_zip_is_refused_and_nothing_runs() throws IOException {
        Path proposed = copyOfRules();
        Path mark = Files.createTempDirectory("laurel-escape-").resolve("preview");
        Path file = withEscape(proposed, mark);
        Http.Answer a = Http.call(client(), HttpRequest.POST("/api/v1/ruleset/preview?unit=HN-SKHCN-DEMO&year=2025",
                RuleArchive.zip(proposed)).contentType("application/zip"));
        assertRefusedAt(a, "awards/advanced-laborer.drl", lineOf(file, "java.util.Formatter"));
        assertThat(mark).doesNotExist();
    }

    @Test
    void a_regime_folder_outside_the_rule_set_is_refused() throws IOException {
        for (String folder : new String[] {"/proc", "../law-2013", "law-2013/../../etc", "."}) {
            Path proposed = copyOfRules();
            Path regimes = proposed.resolve("regimes.yaml");
            // folder: is the former layout's (a folder of rules per regime), still read from stored versions.
            Files.writeString(regimes, Files.readString(regimes).replace("  - code: LAW_2013\n", "  - code: LAW_2013\n    folder: " + folder + "\n"));
            Http.Answer a = Http.call(client(), HttpRequest.POST("/api/v1/ruleset/preview?unit=HN-SKHCN-DEMO&year=2025",
                    RuleArchive.zip(proposed)).contentType("application/zip"));
            assertThat(a.status()).as(folder + ": " + a.body()).isEqualTo(422);
            assertThat(a.body().get("errors")).as(folder).anySatisfy(e -> {
                assertThat(e.get("field").asText()).isEqualTo("regimes.yaml");
                assertThat(e.get("message").asText()).contains(folder).contains("folder of the rule set");
            });
        }
    }

    @Test
    void a_server_directory_cannot_be_previewed_nor_its_existence_learnt() {
        Http.Answer exists = postJson("/api/v1/ruleset/preview", "{\"directory\":\"/etc\",\"lastDecisions\":1}");
        Http.Answer missing = postJson("/api/v1/ruleset/preview", "{\"directory\":\"/no/such/dir\",\"lastDecisions\":1}");
        assertThat(exists.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(exists.body().get("detail")).isEqualTo(missing.body().get("detail"));
        assertThat(Http.get(client(), "/api/v1/ruleset").body().toString()).doesNotContain(rulesDir.toString()).doesNotContain("\"directory\"");
    }

    @Test
    void rollback_to_a_stored_version_whose_files_were_changed_in_the_database_is_refused_and_nothing_runs() throws Exception {
        String before = activeVersion();
        Path proposed = copyOfRules();
        Path mark = Files.createTempDirectory("laurel-escape-").resolve("rollback");
        withEscape(proposed, mark);
        // As someone who can write the database would: a version row whose files are not what its hash says.
        String forged = "sha256:" + "ab".repeat(32);
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_version (version, files, file_count, first_loaded_at, loaded_by) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, forged);
            ps.setBytes(2, RuleArchive.zip(proposed));
            ps.setInt(3, 1);
            ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(5, "intruder");
            ps.executeUpdate();
        }
        Http.Answer a = postJson("/api/v1/ruleset/rollback", "{\"version\":\"" + forged + "\"}");
        assertRefusedAt(a, "awards/advanced-laborer.drl", lineOf(proposed.resolve("awards/advanced-laborer.drl"), "java.util.Formatter"));
        assertThat(mark).doesNotExist();
        assertThat(activeVersion()).isEqualTo(before);
    }

    @Test
    void rollback_bodies_that_are_not_a_version_are_400_naming_the_field_and_change_nothing() {
        String before = activeVersion();
        int history = Http.get(client(), "/api/v1/ruleset/history").body().get("activations").size();
        String[][] cases = {
                {"null", "body"}, {"[]", "body"}, {"\"x\"", "body"}, {"42", "body"}, {"{\"version\":5}", "version"},
                {"{\"version\":[\"sha256:00\"]}", "version"}, {"{\"versoin\":\"sha256:" + "0".repeat(64) + "\"}", "versoin"},
                {"{\"version\":\"latest\"}", "version"}, {"{", "body"}};
        for (String[] c : cases) {
            Http.Answer a = postJson("/api/v1/ruleset/rollback", c[0]);
            assertThat(a.status()).as(c[0]).isEqualTo(400);
            assertThat(a.contentType()).isEqualTo("application/problem+json");
            assertThat(a.body().get("errors").findValuesAsText("field")).as(c[0]).contains(c[1]);
        }
        assertThat(activeVersion()).isEqualTo(before);
        assertThat(Http.get(client(), "/api/v1/ruleset/history").body().get("activations").size()).isEqualTo(history);
    }
}
