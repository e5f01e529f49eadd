package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vietnamese typed in decomposed form (NFD, as macOS and some IMEs produce it) and in composed form
 * (NFC, as Windows does) is one text: the same subject, the same key, no second row.
 */
@MicronautTest(transactional = false)
class UnicodeFormsApiTest extends PostgresTest {
    static final String ID = "ĐV-HOÀ-01";
    static final String NAME = "Nguyễn Thị Hoà";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Override
    protected String database() { return "laurel_unicode"; }

    static String nfd(String s) { return Normalizer.normalize(s, Normalizer.Form.NFD); }

    Http.Answer importPerson(String id, String name) {
        String csv = "id,name,unit,hired_on,manager,education,union_member,armed_forces\n"
                + id + "," + name + ",HN-SKHCN-DEMO-TDC,2015-01-05,false,UNIVERSITY,true,false\n";
        return Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/imports?file=people.csv", csv).contentType("text/csv"));
    }

    @Test
    void a_person_imported_in_nfd_and_again_in_nfc_is_one_subject_unchanged() {
        assertThat(nfd(ID)).isNotEqualTo(ID);
        long subjects = Store.count(dataSource, "subject");
        Http.Answer first = importPerson(nfd(ID), nfd(NAME));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        Http.Answer second = importPerson(ID, NAME);
        assertThat(second.status()).as(second.body().toString()).isEqualTo(201);
        assertThat(second.body().get("inserted").asLong()).isZero();
        assertThat(second.body().get("superseded").asLong()).isZero();
        assertThat(Store.count(dataSource, "subject")).isEqualTo(subjects + 1);

        JsonNode subject = Http.get(http.toBlocking(), "/api/v1/subjects/" + URLEncoder.encode(ID, StandardCharsets.UTF_8)).body();
        assertThat(subject.get("name").asText()).isEqualTo(NAME);
        // Asked for in the other form, it is still the one subject.
        Http.Answer asked = Http.get(http.toBlocking(), "/api/v1/subjects/" + URLEncoder.encode(nfd(ID), StandardCharsets.UTF_8)
                + "/eligibility?year=2025&awards=ADVANCED_LABORER");
        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(200);
        assertThat(asked.body().get("subjectId").asText()).isEqualTo(ID);
    }
}
