package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.laurel.api.RulesCopyPostgresTest;
import vn.laurel.api.ThrowawayPostgres;
import vn.laurel.engine.ruleset.RuleArchive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/v1/ruleset/preview: a proposed threshold change on the demo department lists exactly
 * the people it flips. The expected people are computed here from the demo CSV files (who is in
 * the department at the end of 2025, who was absent how long) and the answers under the rules in
 * service, not written down.
 */
@MicronautTest(transactional = false)
class RuleSetPreviewApiTest extends RulesCopyPostgresTest {
    static final Path DEMO = ThrowawayPostgres.repoRoot().resolve("examples/demo");

    @Inject
    @Client("/")
    HttpClient http;

    BlockingHttpClient client() { return http.toBlocking(); }

    Http.Answer previewJson(String json) {
        return Http.call(client(), HttpRequest.POST("/api/v1/ruleset/preview", json).contentType("application/json"));
    }

    /** The proposed rules as the zip body, the population in the query. */
    Http.Answer previewZip(Path proposed, String query) {
        return Http.call(client(), HttpRequest.POST("/api/v1/ruleset/preview?" + query, RuleArchive.zip(proposed))
                .contentType("application/zip"));
    }

    /**
     * A copy of the rules with an absence limit for Advanced Laborer where the rules in service have none
     * (no national criterion since 2017-10-01, award catalogue §1.4).
     */
    static Path proposedWithAbsenceLimit(int days) {
        Path proposed = copyOfRules();
        replace(proposed.resolve("parameters/advanced-laborer.yaml"), "value: NONE", "value: " + days);
        return proposed;
    }

    @ParameterizedTest(name = "no absence limit -> {0} days")
    @ValueSource(ints = {30, 20})
    void a_lower_absence_limit_lists_exactly_the_people_it_flips(int limit) throws IOException {
        Path proposed = proposedWithAbsenceLimit(limit);

        Http.Answer a = previewZip(proposed, "unit=HN-SKHCN-DEMO&includeSubunits=true&year=2025&awards=ADVANCED_LABORER");

        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        JsonNode body = a.body();
        Set<String> population = membersAtEndOf2025();
        assertThat(body.get("population").get("size").asInt()).isEqualTo(population.size());
        assertThat(body.get("evaluated").asInt()).isEqualTo(population.size());
        assertThat(body.get("errors")).isEmpty();

        // Independently: in the department at year end, absent limit days or more in 2025, and not
        // already ruled out by another criterion under the rules in service.
        Map<String, Integer> absent = absenceDays2025();
        Set<String> expected = new TreeSet<>();
        for (String person : population) {
            int days = absent.getOrDefault(person, 0);
            if (days >= limit && !"NOT_ELIGIBLE".equals(activeOutcome(person))) expected.add(person);
        }
        assertThat(expected).as("the demo data should make this test meaningful").isNotEmpty();

        List<String> flipped = body.get("changes").findValuesAsText("subjectId");
        assertThat(new TreeSet<>(flipped)).isEqualTo(expected);
        assertThat(flipped).hasSameSizeAs(expected);
        for (JsonNode change : body.get("changes")) {
            assertThat(change.get("award").asText()).isEqualTo("ADVANCED_LABORER");
            assertThat(change.get("after").asText()).isEqualTo("NOT_ELIGIBLE");
            assertThat(change.get("criteria")).hasSize(1);
            JsonNode criterion = change.get("criteria").get(0);
            assertThat(criterion.get("criterion").asText()).isEqualTo("ABSENCE_BELOW_LIMIT");
            assertThat(criterion.get("before").asText()).isEqualTo("MET");
            assertThat(criterion.get("after").asText()).isEqualTo("NOT_MET");
        }
        assertThat(body.get("byAward").get("ADVANCED_LABORER").get("changed").asInt()).isEqualTo(expected.size());
        assertThat(body.get("activeVersion").asText()).isNotEqualTo(body.get("proposedVersion").asText());
        System.out.println("[measure] preview of " + population.size() + " people (limit " + limit + "): "
                + body.get("elapsedMs") + " ms, " + expected.size() + " flipped " + expected);
    }

    @Test
    void the_proposed_rules_may_be_sent_as_a_zip_and_all_awards_are_compared_by_default() {
        byte[] zip = RuleArchive.zip(proposedWithAbsenceLimit(30));
        Http.Answer a = Http.call(client(), HttpRequest.POST("/api/v1/ruleset/preview?unit=HN-SKHCN-DEMO&year=2025", zip)
                .contentType("application/zip"));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.body().get("changes").findValuesAsText("subjectId")).contains("P-0009");
        assertThat(a.body().get("population").get("includeSubunits").asBoolean()).isTrue();
        System.out.println("[measure] preview of the demo department, all awards: " + a.body().get("elapsedMs") + " ms, "
                + a.body().get("population").get("size") + " people, " + a.body().get("changed") + " changes");
    }

    @Test
    void the_last_saved_decisions_can_be_the_population() {
        Http.post(client(), "/api/v1/subjects/P-0009/eligibility?year=2025&awards=ADVANCED_LABORER");
        Http.post(client(), "/api/v1/subjects/P-0001/eligibility?year=2025&awards=ADVANCED_LABORER");
        Path proposed = proposedWithAbsenceLimit(30);
        Http.Answer a = previewZip(proposed, "lastDecisions=2");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.body().get("evaluated").asInt()).isEqualTo(2);
        assertThat(a.body().get("changes").findValuesAsText("subjectId")).containsExactly("P-0009");
    }

    @Test
    void a_stored_version_is_previewed_by_its_version_and_the_active_one_changes_nothing() {
        String active = Http.get(client(), "/api/v1/ruleset").body().get("version").asText();
        Http.Answer a = previewJson("{\"version\":\"" + active + "\",\"unit\":\"HN-SKHCN-DEMO\",\"year\":2025}");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.body().get("proposedVersion").asText()).isEqualTo(active);
        assertThat(a.body().get("evaluated").asInt()).isPositive();
        assertThat(a.body().get("changes")).isEmpty();
    }

    @Test
    void broken_proposed_rules_are_a_422_with_file_and_line() {
        Path proposed = copyOfRules();
        replace(proposed.resolve("awards/advanced-laborer.drl"), "import vn.laurel.engine.model.Rating;",
                "import vn.laurel.engine.model.Rating;\nimport java.io.File;");
        Http.Answer a = previewZip(proposed, "unit=HN-SKHCN-DEMO&year=2025");
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        assertThat(a.body().get("errors").get(0).get("field").asText()).isEqualTo("awards/advanced-laborer.drl");
        assertThat(a.body().get("errors").get(0).get("line").asInt()).isPositive();
    }

    @Test
    void bad_population_or_rules_are_problems_naming_the_field() {
        Path proposed = copyOfRules();
        Map<String, String> zipCases = new LinkedHashMap<>();
        zipCases.put("year=2025", "unit");
        zipCases.put("unit=NO-SUCH-UNIT&year=2025", "unit");
        zipCases.put("unit=HN-SKHCN-DEMO", "year");
        zipCases.put("unit=HN-SKHCN-DEMO&year=2025&awards=NOBEL", "awards");
        zipCases.put("lastDecisions=0", "lastDecisions");
        zipCases.forEach((query, field) -> {
            Http.Answer a = previewZip(proposed, query);
            assertThat(a.status()).as(query).isEqualTo(400);
            assertThat(a.body().get("errors").findValuesAsText("field")).as(query).contains(field);
        });
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"directory\":\"" + proposed + "\",\"unit\":\"HN-SKHCN-DEMO\",\"year\":2025}", "directory");
        cases.put("{\"unit\":\"HN-SKHCN-DEMO\",\"year\":2025}", "version");
        cases.put("{\"version\":\"sha256:" + "0".repeat(64) + "\",\"unit\":\"HN-SKHCN-DEMO\",\"year\":2025}", "version");
        cases.put("{\"version\":\"latest\",\"unit\":\"HN-SKHCN-DEMO\",\"year\":2025}", "version");
        cases.put("[]", "body");
        cases.put("not json", "body");
        cases.forEach((json, field) -> {
            Http.Answer a = previewJson(json);
            assertThat(a.status()).as(json).isEqualTo(400);
            assertThat(a.contentType()).isEqualTo("application/problem+json");
            assertThat(a.body().get("errors").findValuesAsText("field")).as(json).contains(field);
        });
    }

    String activeOutcome(String person) {
        JsonNode body = Http.get(client(), "/api/v1/subjects/" + person + "/eligibility?year=2025&awards=ADVANCED_LABORER").body();
        return body.get("results").get(0).get("outcome").asText();
    }

    /** Persons whose membership in a demo unit covers 31 December 2025 (every demo unit is under HN-SKHCN-DEMO). */
    static Set<String> membersAtEndOf2025() throws IOException {
        LocalDate end = LocalDate.of(2025, 12, 31);
        Set<String> members = new TreeSet<>();
        for (String[] row : csv("memberships.csv")) {
            LocalDate from = LocalDate.parse(row[2]);
            LocalDate to = row.length > 3 && !row[3].isBlank() ? LocalDate.parse(row[3]) : null;
            if (!from.isAfter(end) && (to == null || !to.isBefore(end))) members.add(row[0]);
        }
        return members;
    }

    static Map<String, Integer> absenceDays2025() throws IOException {
        Map<String, Integer> days = new HashMap<>();
        for (String[] row : csv("absences.csv")) if (row[1].equals("2025")) days.merge(row[0], Integer.parseInt(row[2]), Integer::sum);
        return days;
    }

    /** These two files hold no quoted commas. */
    static List<String[]> csv(String file) throws IOException {
        return Files.readAllLines(DEMO.resolve(file)).stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    }
}
