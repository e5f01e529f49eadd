package vn.laurel.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.RulesCopyPostgresTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A reload whose scenario folder holds no scenario is refused: rules nothing exercised are not put into service. */
@MicronautTest(transactional = false)
class ReloadWithoutScenariosApiTest extends RulesCopyPostgresTest {
    static final Path EMPTY = emptyFolder();

    @Inject
    @Client("/")
    HttpClient http;

    static Path emptyFolder() {
        try {
            Path dir = Files.createTempDirectory("laurel-no-scenarios-");
            Files.writeString(dir.resolve("README.md"), "no scenario here");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its own: the database it seeds holds a revision without scenarios. */
    @Override
    protected String database() { return "laurel_no_scenarios"; }

    @Override
    protected Map<String, String> settings() {
        return Map.of("laurel.scenarios.dir", EMPTY.toString());
    }

    @Test
    void a_reload_with_an_empty_scenario_folder_is_422_naming_the_folder_and_the_rules_stay() {
        String before = Http.get(http.toBlocking(), "/api/v1/ruleset").body().get("activatedAt").asText();
        // Changed rules (unchanged files are no change at all, checked or not).
        replace(rulesDir.resolve("awards/advanced-laborer.drl"), "Working days absent in {year}", "Days of absence counted in {year}");

        Http.Answer a = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/ruleset/reload", "").contentType("application/json"));

        assertThat(a.status()).isEqualTo(422);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        assertThat(a.body().get("errors").findValuesAsText("field")).containsExactly("laurel.scenarios.dir");
        assertThat(a.body().get("detail").asText()).contains(EMPTY.toString()).contains("holds no scenario");
        assertThat(Http.get(http.toBlocking(), "/api/v1/ruleset").body().get("activatedAt").asText()).isEqualTo(before);
    }
}
