package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports built to exhaust the server: zips that inflate far past their size, more files, rows or
 * characters in a field than allowed, a damaged file after a huge one. Each is refused (413 for
 * size, 422 for rows and fields, 400 for a damaged archive) naming file, row and field; nothing is
 * written, and no temporary file is left behind. Limits are set small so small bombs reach them.
 */
@MicronautTest(transactional = false)
class ImportBombsApiTest extends PostgresTest {
    static final Path TEMP = temporaryDirectory();
    static final String RATINGS = "subject,year,rating\n";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    long facts, imports;
    Set<Path> systemTemp;

    @Override
    protected Map<String, String> settings() {
        return Map.of("laurel.imports.temp-dir", TEMP.toString(),
                "laurel.limits.import-entry-bytes", "64KB",
                "laurel.limits.import-expanded-bytes", "96KB",
                "laurel.limits.import-entries", "4",
                "laurel.limits.import-rows", "50",
                "laurel.limits.import-field-length", "100",
                "laurel.limits.import-case-document-bytes", "2KB");
    }

    @BeforeEach
    void before() {
        facts = Store.facts(dataSource);
        imports = Store.query(dataSource, "SELECT COUNT(*) FROM fact_import WHERE status <> 'FAILED'");
        systemTemp = importDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Whatever the answer, a refused import wrote nothing and left no file. */
    @AfterEach
    void nothingWrittenNothingLeft() {
        assertThat(Store.facts(dataSource)).as("facts and subjects").isEqualTo(facts);
        assertThat(Store.query(dataSource, "SELECT COUNT(*) FROM fact_import WHERE status <> 'FAILED'")).as("imports done").isEqualTo(imports);
        assertThat(files(TEMP)).as("files left in the import's temporary directory").isEmpty();
        assertThat(importDirectories(Path.of(System.getProperty("java.io.tmpdir")))).as("import directories in the system's").isEqualTo(systemTemp);
    }

    Http.Answer zip(byte[] zip) {
        return Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/imports", zip).contentType("application/zip"));
    }

    static JsonNode error(Http.Answer a) {
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        return a.body().get("errors").get(0);
    }

    @Test
    void a_small_zip_whose_file_inflates_past_the_limit_is_refused_413_naming_the_file() {
        byte[] bomb = Zips.bomb("ratings.csv", RATINGS, "P-0001,2025,GOOD\n", 8L << 20);
        assertThat(bomb.length).as("the bomb's own size").isLessThan(64 * 1024);
        Http.Answer a = zip(bomb);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(413);
        assertThat(error(a).get("file").asText()).isEqualTo("ratings.csv");
        assertThat(error(a).get("message").asText()).contains("64 KB", "one file");
    }

    @Test
    void files_that_together_inflate_past_the_limit_of_an_import_are_refused_413() {
        String rows = "P-0001,2025,GOOD\n".repeat(2400); // 40 KB each: under the limit for a file, not for three
        Http.Answer a = zip(Zips.of("ratings.csv", RATINGS + rows, "absences.csv", "subject,year,days\n" + rows, "titles.csv", RATINGS + rows));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(413);
        assertThat(error(a).get("file").asText()).isEqualTo("titles.csv");
        assertThat(error(a).get("message").asText()).contains("96 KB", "one import");
    }

    @Test
    void more_files_in_a_zip_than_allowed_are_refused_413() {
        Http.Answer a = zip(Zips.of("a.json", "[]", "b.json", "[]", "c.json", "[]", "d.json", "[]", "e.json", "[]"));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(413);
        assertThat(error(a).get("file").asText()).isEqualTo("e.json");
        assertThat(error(a).get("message").asText()).contains("more than 4 files");
    }

    @Test
    void a_damaged_file_after_a_large_one_is_refused_400_naming_it_and_the_first_is_removed() {
        byte[] two = Zips.of("ratings.csv", RATINGS + "P-0001,2025,GOOD\n".repeat(3000), "absences.csv", "subject,year,days\n" + "P-0001,2025,1\n".repeat(100));
        Http.Answer a = zip(Zips.damaged(two, 2));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(400);
        assertThat(error(a).get("field").asText()).isEqualTo("body");
        assertThat(error(a).get("message").asText()).contains("file 2", "absences.csv");
    }

    @Test
    void more_rows_than_allowed_are_refused_422_at_the_first_row_over() {
        StringBuilder csv = new StringBuilder("subject,year,days\n");
        for (int i = 1; i <= 60; i++) csv.append(String.format("P-%04d,2026,1%n", i));
        Http.Answer a = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/imports?file=absences.csv", csv.toString()).contentType("text/csv"));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(422);
        assertThat(error(a).get("file").asText()).isEqualTo("absences.csv");
        assertThat(error(a).get("row").asLong()).as("the 51st row, on line 52").isEqualTo(52);
        assertThat(error(a).get("message").asText()).contains("at most 50 rows");
    }

    @Test
    void more_case_documents_than_allowed_are_refused_422() {
        String doc = "{\"asOf\":\"2026-01-15\",\"year\":2025,\"subject\":{\"id\":\"BOMB-%d\",\"kind\":\"PERSON\",\"unit\":\"HN-SKHCN-DEMO-VP\"}}";
        String docs = Stream.iterate(1, i -> i + 1).limit(60).map(i -> String.format(doc, i)).collect(Collectors.joining(",", "[", "]"));
        Http.Answer a = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/imports", docs).contentType(MediaType.APPLICATION_JSON));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(422);
        JsonNode over = null;
        for (JsonNode e : a.body().get("errors")) if (e.get("message").asText().contains("at most 50 rows")) over = e;
        assertThat(over).as(a.body().toString()).isNotNull();
        assertThat(over.get("file").asText()).isEqualTo("cases.json");
        assertThat(over.get("row").asLong()).isEqualTo(51);
    }

    @Test
    void a_csv_field_longer_than_allowed_is_refused_422_naming_file_row_and_column() {
        Http.Answer a = zip(Zips.bomb("ratings.csv", RATINGS + "P-0001,2025,GOOD\nP-0002,2025,", "G", 50_000));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(422);
        JsonNode e = error(a);
        assertThat(List.of(e.get("file").asText(), e.get("row").asText(), e.get("field").asText())).containsExactly("ratings.csv", "3", "rating");
        assertThat(e.get("message").asText()).contains("longer than 100 characters");
    }

    @Test
    void a_json_text_longer_than_allowed_is_refused_422_naming_its_field() {
        String doc = "[{\"asOf\":\"2026-01-15\",\"year\":2025,\"subject\":{\"id\":\"BOMB-1\",\"kind\":\"PERSON\",\"name\":\"" + "Hải ".repeat(30) + "\"}}]";
        Http.Answer a = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/imports", doc).contentType(MediaType.APPLICATION_JSON));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(422);
        JsonNode e = error(a);
        assertThat(List.of(e.get("file").asText(), e.get("row").asText(), e.get("field").asText())).containsExactly("cases.json", "1", "subject.name");
        assertThat(e.get("message").asText()).contains("longer than 100 characters");
    }

    @Test
    void a_case_document_larger_than_allowed_is_refused_422_while_it_is_read() {
        String ratings = Stream.iterate(1950, y -> y + 1).limit(150).map(y -> "{\"year\":" + y + ",\"rating\":\"GOOD\"}").collect(Collectors.joining(","));
        String doc = "{\"asOf\":\"2026-01-15\",\"year\":2025,\"subject\":{\"id\":\"BOMB-2\",\"kind\":\"PERSON\",\"ratings\":[" + ratings + "]}}";
        Http.Answer a = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/imports", doc).contentType(MediaType.APPLICATION_JSON));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(422);
        assertThat(error(a).get("row").asLong()).isEqualTo(1);
        assertThat(error(a).get("message").asText()).contains("larger than 2 KB");
    }

    static Set<Path> importDirectories(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().startsWith("laurel-import-")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("laurel-test-imports-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
