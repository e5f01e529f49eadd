package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.laurel.api.PostgresTest;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/imports against PostgreSQL, with the demo department already imported. */
@MicronautTest(transactional = false)
class ImportApiTest extends PostgresTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    Http.Answer csv(String file, String body) {
        return Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/imports?file=" + file, body).contentType("text/csv"));
    }

    @Test
    void the_demo_department_came_in_through_the_import_and_names_its_file_and_row() {
        JsonNode subject = Http.get(http.toBlocking(), "/api/v1/subjects/P-0001").body();
        String source = subject.get("facts").get("ratings").get(0).get("provenance").get("source").asText();
        assertThat(source).matches("import \\d+, ratings\\.csv row \\d+");
        assertThat(subject.get("facts").get("ratings").get(0).get("provenance").get("recordedBy").asText()).isEqualTo("demo");
    }

    @Test
    void a_file_is_imported_once_and_importing_it_again_changes_nothing() {
        String file = "subject,year,rating\nP-0100,2026,GOOD\nP-0101,2026,EXCELLENT\n";
        Http.Answer first = csv("ratings.csv", file);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("inserted").asLong()).isEqualTo(2);
        long before = Store.facts(dataSource);
        Http.Answer again = csv("ratings.csv", file);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().get("inserted").asLong()).isZero();
        assertThat(again.body().get("superseded").asLong()).isZero();
        assertThat(again.body().get("unchanged").asLong()).isEqualTo(2);
        assertThat(Store.facts(dataSource)).isEqualTo(before);
    }

    @Test
    void a_changed_value_supersedes_the_current_one_and_the_old_value_stays_readable() throws InterruptedException {
        csv("ratings.csv", "subject,year,rating\nP-0102,2026,GOOD\n");
        Instant between = Instant.now();
        Thread.sleep(20);
        Http.Answer corrected = csv("ratings.csv", "subject,year,rating\nP-0102,2026,EXCELLENT\n");
        assertThat(corrected.body().get("superseded").asLong()).isEqualTo(1);

        JsonNode now = Http.get(http.toBlocking(), "/api/v1/subjects/P-0102").body().get("facts").get("ratings");
        JsonNode then = Http.get(http.toBlocking(), "/api/v1/subjects/P-0102?asKnownAt=" + between).body().get("facts").get("ratings");
        assertThat(rating(now, 2026)).isEqualTo("EXCELLENT");
        assertThat(rating(then, 2026)).isEqualTo("GOOD");

        String id = find(now, 2026).get("id").asText().replace("rating:", "");
        JsonNode versions = Http.get(http.toBlocking(), "/api/v1/facts/ratings/" + id + "/history").body().get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("values").get("rating").asText()).isEqualTo("GOOD");
        assertThat(versions.get(0).get("provenance").get("supersededBy").asText()).isEqualTo("rating:" + id);
    }

    @ParameterizedTest(name = "{0}: {4}")
    @CsvSource(delimiter = '|', value = {
            "ratings.csv|subject,year,rating\\nNO-SUCH-PERSON,2025,GOOD|2|subject|an unknown subject code",
            "ratings.csv|subject,year,rating\\nP-0003,2019,GOOD|2|year|a rating for a year before hiring",
            "titles.csv|subject,year,code,decided_on\\nP-0001,2025,ADVANCED_LABORER,2024-12-01|2|decided_on|a decision dated before its achievement year",
            "titles.csv|subject,year,code,decided_on\\nP-0001,2025,ADVANCED_LABORER,2026-02-30|2|decided_on|an impossible date",
            "ratings.csv|subject,year,rating\\nP-0001,2026,GOOD\\nP-0001,2026,EXCELLENT|3|year|a duplicate row",
            "absences.csv|subject,year,days\\nP-0001,2025,-5|2|days|a negative number",
            "ratings.csv|subject,year,rating\\nP-0001,2025,SUPERB|2|rating|an unknown rating code",
            "ratings.csv|subject,year,rating\\nP-0001,99999999999999999999,GOOD|2|year|a huge number",
            "ratings.csv|subject,year,rating\\nP-0001,2025|2|-|a truncated line",
            "ratings.csv|subject,year,rating\\nP-0001,2025,\"GOOD|2|-|an unclosed quote at the end of the file",
            "ratings.csv|subject,yr,rating\\nP-0001,2025,GOOD|1|yr|a misspelt column",
            "scores.csv|subject,year,score\\nP-0001,2025,9|0|-|a file of an unknown kind",
            "titles.csv|subject,year,code\\nP-0001,2025,ADVANCED_LABOURER|2|code|a misspelt title code (the rules would ignore the title)",
            "titles.csv|subject,year,code\\nP-0001,2024,PRIME_MINISTER_CERTIFICATE_OF_MERIT|2|code|a commendation filed as a title",
            "commendations.csv|subject,year,code\\nP-0001,2024,PRIME_MINISTER_CERTIFICATE|2|code|an unknown commendation code",
            "attestations.csv|subject,year,criterion,value\\nP-0001,2025,EMULATION_PARTICPATION,true|2|criterion|a misspelt attestation criterion",
    })
    void bad_input_is_refused_naming_file_row_and_field_and_nothing_is_written(String file, String body, long row, String field, String what) {
        long before = Store.facts(dataSource);
        Http.Answer a = csv(file, body.replace("\\n", "\n"));
        assertThat(a.status()).as(what).isEqualTo(422);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        JsonNode error = null;
        for (JsonNode e : a.body().get("errors")) if (e.get("field").asText().equals(field)) error = e;
        assertThat(error).as(what + ": an error naming " + field + " in " + a.body()).isNotNull();
        assertThat(error.get("file").asText()).isEqualTo(file);
        assertThat(error.get("row").asLong()).as(what).isEqualTo(row);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(Store.facts(dataSource)).as("store unchanged after " + what).isEqualTo(before);
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_and_nothing_is_written() {
        long before = Store.facts(dataSource);
        byte[] latin1 = "subject,year,criterion,value,attested_by\nP-0001,2026,EMULATION_PARTICIPATION,true,Hội đồng\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        latin1[latin1.length - 5] = (byte) 0xE1; // a lone Latin-1 byte, invalid in UTF-8
        Http.Answer a = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/imports?file=attestations.csv", latin1).contentType("text/csv"));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body().get("errors").get(0).get("message").asText()).contains("UTF-8");
        assertThat(Store.facts(dataSource)).isEqualTo(before);
    }

    @Test
    void one_bad_file_in_a_zip_keeps_every_file_out() throws IOException {
        long before = Store.facts(dataSource);
        byte[] zip = zip("ratings.csv", "subject,year,rating\nP-0110,2026,GOOD\n", "absences.csv", "subject,year,days\nP-0110,2026,400\n");
        Http.Answer a = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/imports", zip).contentType("application/zip"));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body().get("errors").get(0).get("file").asText()).isEqualTo("absences.csv");
        assertThat(Store.facts(dataSource)).isEqualTo(before);
    }

    @Test
    void every_bad_row_is_listed_not_only_the_first() {
        Http.Answer a = csv("ratings.csv", "subject,year,rating\nP-0001,2025,SUPERB\nP-0002,1800,GOOD\nNOBODY,2025,GOOD\n");
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body().get("errors").findValuesAsText("field")).containsExactly("rating", "year");
        // Unknown subjects are checked once the rows are well-formed, so a first pass reports the form errors.
    }

    @Test
    void case_documents_import_as_json_and_create_their_subject() {
        String doc = """
                [{"asOf":"2026-01-15","year":2025,"subject":{"id":"JSON-1","kind":"PERSON","name":"Trịnh Văn Nam","unit":"HN-SKHCN-DEMO-VP",
                  "hiredOn":"2020-01-01","ratings":[{"year":2025,"rating":"GOOD"}],
                  "attestations":[{"year":2025,"criterion":"EMULATION_PARTICIPATION","value":true}]}}]
                """;
        Http.Answer a = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/imports", doc).contentType(MediaType.APPLICATION_JSON));
        assertThat(a.status()).isEqualTo(201);
        JsonNode subject = Http.get(http.toBlocking(), "/api/v1/subjects/JSON-1").body();
        assertThat(subject.get("name").asText()).isEqualTo("Trịnh Văn Nam");
        assertThat(rating(subject.get("facts").get("ratings"), 2025)).isEqualTo("GOOD");
        JsonNode eligibility = Http.get(http.toBlocking(), "/api/v1/subjects/JSON-1/eligibility?year=2025&awards=ADVANCED_LABORER").body();
        assertThat(eligibility.get("results").get(0).get("outcome").asText()).isEqualTo("ELIGIBLE");
    }

    @Test
    void a_bad_case_document_is_refused_naming_the_document_and_field() {
        long before = Store.facts(dataSource);
        Http.Answer a = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/imports",
                "{\"asOf\":\"2026-01-15\",\"year\":2025,\"subject\":{\"id\":\"JSON-2\",\"kind\":\"PERSON\",\"ratings\":[{\"year\":2025,\"rating\":\"BAD\"}]}}")
                .contentType(MediaType.APPLICATION_JSON));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body().get("errors").get(0).get("field").asText()).isEqualTo("subject.ratings[0].rating");
        assertThat(a.body().get("errors").get(0).get("row").asLong()).isEqualTo(1);
        assertThat(Store.facts(dataSource)).isEqualTo(before);
    }

    @Test
    void codes_inside_a_case_document_are_checked_against_the_rules_naming_document_and_field() {
        long before = Store.facts(dataSource);
        Http.Answer a = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/imports", """
                [{"asOf":"2026-01-15","year":2025,"subject":{"id":"JSON-3","kind":"PERSON","unit":"HN-SKHCN-DEMO-VP",
                  "titles":[{"year":2024,"code":"ADVANCED_LABORER"}],
                  "attestations":[{"year":2025,"criterion":"EMULATION_PARTICIPATION","value":true}]}},
                 {"asOf":"2026-01-15","year":2025,"subject":{"id":"JSON-4","kind":"PERSON","unit":"HN-SKHCN-DEMO-VP",
                  "titles":[{"year":2024,"code":"GRASSROOT_EMULATION_SOLDIER"}],
                  "commendations":[{"year":2023,"code":"ADVANCED_LABORER"}],
                  "attestations":[{"year":2025,"criterion":"INTERNAL_UNITI","value":true}]}}]
                """).contentType(MediaType.APPLICATION_JSON));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        assertThat(a.body().get("errors").findValuesAsText("field"))
                .containsExactly("subject.titles[0].code", "subject.commendations[0].code", "subject.attestations[0].criterion");
        assertThat(a.body().get("errors").findValuesAsText("row")).containsOnly("2");
        assertThat(a.body().get("errors").get(0).get("message").asText()).contains("GRASSROOT_EMULATION_SOLDIER");
        assertThat(Store.facts(dataSource)).isEqualTo(before);
    }

    @Test
    void an_asynchronous_import_reports_its_progress_and_outcome() throws InterruptedException {
        StringBuilder body = new StringBuilder("subject,year,days\n");
        for (int i = 1; i <= 150; i++) body.append(String.format("P-%04d,2026,%d%n", i, i % 30));
        Http.Answer started = Http.call(http.toBlocking(),
                HttpRequest.POST("/api/v1/imports?file=absences.csv&async=true", body.toString()).contentType("text/csv"));
        assertThat(started.status()).isEqualTo(202);
        long id = started.body().get("id").asLong();
        JsonNode status = null;
        for (int i = 0; i < 100; i++) {
            status = Http.get(http.toBlocking(), "/api/v1/imports/" + id).body();
            if (!status.get("status").asText().equals("RUNNING")) break;
            Thread.sleep(100);
        }
        assertThat(status.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(status.get("rowsRead").asLong()).isEqualTo(150);
        assertThat(status.get("inserted").asLong()).isEqualTo(150);
    }

    @Test
    void correcting_a_title_a_decision_relied_on_flags_that_decision() {
        JsonNode answer = Http.post(http.toBlocking(),
                "/api/v1/subjects/P-0001/eligibility?year=2025&awards=MINISTERIAL_PROVINCIAL_EMULATION_SOLDIER").body();
        long decision = answer.get("decisionId").asLong();
        JsonNode titles = Http.get(http.toBlocking(), "/api/v1/subjects/P-0001/facts/titles?size=500").body().get("items");
        String titleId = null;
        for (JsonNode t : titles) {
            if (t.get("values").get("code").asText().equals("GRASSROOTS_EMULATION_SOLDIER") && t.get("values").get("year").asInt() == 2024) {
                titleId = t.get("id").asText().replace("title:", "");
            }
        }
        assertThat(titleId).isNotNull();
        assertThat(Http.get(http.toBlocking(), "/api/v1/decisions/" + decision).body().get("needsReEvaluation").asBoolean()).isFalse();

        Http.Answer revoked = Http.call(http.toBlocking(), HttpRequest.PUT("/api/v1/facts/titles/" + titleId,
                "{\"revoked\":true,\"revokedReason\":\"false declaration\",\"revokedOn\":\"2026-03-01\"}").contentType(MediaType.APPLICATION_JSON));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().get("decisionsFlagged").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode flagged = Http.get(http.toBlocking(), "/api/v1/decisions/" + decision).body();
        assertThat(flagged.get("needsReEvaluation").asBoolean()).isTrue();
        assertThat(flagged.get("flags").get(0).get("reason").asText()).contains("title revoked", "title:" + titleId);
    }

    static String rating(JsonNode ratings, int year) {
        return find(ratings, year).get("values").get("rating").asText();
    }

    static JsonNode find(JsonNode facts, int year) {
        for (JsonNode f : facts) if (f.get("values").get("year").asInt() == year) return f;
        throw new AssertionError("no fact for " + year + " in " + facts);
    }

    static byte[] zip(String... nameThenContent) throws IOException {
        return Zips.of(nameThenContent);
    }
}
