package vn.laurel.api.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.laurel.api.ThrowawayPostgres;
import vn.laurel.api.decisions.DecisionBasis;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.StoredCases;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Subject;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 review 5: a what-if saved from the what-if page — the document the page makes of a stored person's
 * full facts (provenance included), read as the page reads it — is kept as a compact record that reads back
 * as answered and replays identically from its document.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatIfSavedRoundTripTest implements TestPropertyProvider {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    FactStore facts;

    @Inject
    StoredCases cases;

    @Inject
    EligibilityService eligibility;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("datasources.default.url", "jdbc:h2:mem:laurel-whatif-save;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString(),
                "laurel.demo.dir", ThrowawayPostgres.repoRoot().resolve("examples/demo").toString());
    }

    @Test
    void a_what_if_saved_from_the_page_on_a_stored_person_s_full_facts_reads_back_and_replays_identically() throws Exception {
        for (String id : List.of("P-0001", "P-0009", "P-0003")) {
            Subject person = facts.subject(id).orElseThrow();
            // As WhatIfPages does: the form of the stored case, the copy it makes, read with the API's reader, kept.
            WhatIfForm form = WhatIfForm.of(cases.caseOf(person, 2025, LocalDate.of(2026, 1, 15), List.of()));
            WhatIfForm.Case copy = form.toCase(person, facts.organisationOf(person));
            CaseDocument doc = CaseReader.readJson(Json.write(copy.document()));
            assertThat(doc.subject().id()).isEqualTo(id);
            EligibilityService.Decided decided = eligibility.decide(doc, DecisionBasis.SUBMITTED_CASE, "test");
            JsonNode read = JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/decisions/" + decided.decisionId() + "?lang=both")));
            assertThat(read.has("record")).as("%s did not render: %s", id, read.get("rendering")).isFalse();
            assertThat(read.get("answer")).as(id).isEqualTo(JSON.readTree(decided.json("both")));
            JsonNode replay = JSON.readTree(http.toBlocking().retrieve(HttpRequest.POST("/api/v1/decisions/" + decided.decisionId() + "/replay", "")));
            assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
            assertThat(replay.get("with").asText()).contains("submitted case document");
        }
    }
}
