package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.store.FactKind;
import vn.laurel.api.store.FactKinds;
import vn.laurel.api.security.Tokens;

import javax.sql.DataSource;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.laurel.api.security.Roles.*;

/**
 * A CLIENT sees stored subjects of its own units only (the organisation claim of its token, and the
 * units below): another unit's person, list, candidates or a batch another client started are 403
 * problems naming the field, and a refused request writes nothing. A CLIENT whose token names no unit
 * sees no stored subject but may still ask what-if on a case document it sends.
 */
@MicronautTest(transactional = false)
class OrgScopeApiTest extends PostgresTest {
    static final Tokens TOKENS = new Tokens();
    static final String TDC = "HN-SKHCN-DEMO-TDC", QLCN = "HN-SKHCN-DEMO-QLCN";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Override
    protected String database() { return "laurel_org_scope"; }

    @Override
    protected Map<String, String> settings() {
        return Map.of("micronaut.security.token.jwt.signatures.jwks-static.agency.path", "file:" + TOKENS.jwksFile(),
                "micronaut.security.token.jwt.claims-validators.issuer", Tokens.ISSUER);
    }

    BlockingHttpClient client() { return http.toBlocking(); }

    /** A client of the standards office (TDC) and one of the technology office (QLCN). */
    final String tdc = TOKENS.scoped("tdc-council@agency.gov.vn", List.of(TDC), CLIENT);
    final String qlcn = TOKENS.scoped("qlcn-council@agency.gov.vn", List.of(QLCN), CLIENT);

    Http.Answer as(String token, MutableHttpRequest<?> request) {
        return Http.call(client(), request.bearerAuth(token));
    }

    static void forbidden(Http.Answer a, String field) {
        assertThat(a.status()).as(a.body().toString()).isEqualTo(403);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    @Test
    void a_client_gets_eligibility_of_its_own_people_and_403_for_anyone_else_existing_or_not() {
        long decisions = Store.count(dataSource, "decision");
        assertThat(as(tdc, HttpRequest.GET("/api/v1/subjects/P-0001/eligibility?year=2025&awards=ADVANCED_LABORER")).status()).isEqualTo(200);
        assertThat(as(tdc, HttpRequest.POST("/api/v1/subjects/P-0001/eligibility?year=2025&awards=ADVANCED_LABORER", "")).status()).isEqualTo(200);
        assertThat(Store.count(dataSource, "decision")).as("the GET saved nothing, the POST one decision").isEqualTo(decisions + 1);
        for (String other : List.of("P-0002", "P-9999", "HN-SKHCN-DEMO", QLCN)) {
            forbidden(as(tdc, HttpRequest.GET("/api/v1/subjects/" + other + "/eligibility?year=2025")), "id");
            forbidden(as(tdc, HttpRequest.POST("/api/v1/subjects/" + other + "/eligibility?year=2025", "")), "id");
        }
        Http.Answer unknown = as(tdc, HttpRequest.GET("/api/v1/subjects/P-9999/eligibility?year=2025"));
        Http.Answer elsewhere = as(tdc, HttpRequest.GET("/api/v1/subjects/P-0002/eligibility?year=2025"));
        assertThat(unknown.status()).as("whether an id exists elsewhere is not told").isEqualTo(elsewhere.status());
        assertThat(Store.count(dataSource, "decision")).as("a refused request saves no decision").isEqualTo(decisions + 1);
    }

    @Test
    void a_units_answer_shows_only_facts_of_subjects_within_the_clients_scope() {
        Http.Answer a = as(tdc, HttpRequest.GET("/api/v1/subjects/" + TDC + "/eligibility?year=2025"));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        Set<String> facts = factIds(a.body());
        assertThat(facts).isNotEmpty();
        for (String id : facts) {
            FactKind kind = FactKinds.ALL.stream().filter(k -> id.startsWith(k.prefix() + ":")).findFirst().orElseThrow();
            long n = Store.query(dataSource, "SELECT COUNT(*) FROM " + kind.table() + " f JOIN subject s ON s.id = f.subject_id "
                    + "WHERE f.id = " + Long.parseLong(id.substring(id.indexOf(':') + 1)) + " AND (s.unit_code = '" + TDC + "' OR EXISTS "
                    + "(SELECT 1 FROM membership m WHERE m.subject_id = s.id AND m.unit_code = '" + TDC + "'))");
            assertThat(n).as(id + " belongs to a subject of " + TDC).isEqualTo(1);
        }
    }

    @Test
    void candidates_and_the_subject_list_stay_within_the_clients_units() {
        forbidden(as(tdc, HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=" + QLCN)), "unit");
        forbidden(as(tdc, HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO&includeSubunits=true")), "unit");
        Http.Answer own = as(tdc, HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=" + TDC + "&size=200"));
        assertThat(own.status()).isEqualTo(200);
        own.body().get("items").forEach(i -> assertThat(i.get("unit").asText()).isEqualTo(TDC));

        Http.Answer list = as(tdc, HttpRequest.GET("/api/v1/subjects?size=500"));
        assertThat(list.status()).isEqualTo(200);
        long mine = Store.query(dataSource, "SELECT COUNT(*) FROM subject s WHERE s.unit_code = '" + TDC + "' OR EXISTS "
                + "(SELECT 1 FROM membership m WHERE m.subject_id = s.id AND m.current_flag = TRUE AND m.unit_code = '" + TDC + "')");
        assertThat(list.body().get("total").asLong()).isEqualTo(mine).isLessThan(Store.count(dataSource, "subject"));
        Set<String> ids = new TreeSet<>();
        list.body().get("items").forEach(i -> ids.add(i.get("id").asText()));
        assertThat(ids).contains("P-0001", TDC).doesNotContain("P-0002", QLCN, "HN-SKHCN-DEMO");

        forbidden(as(tdc, HttpRequest.GET("/api/v1/subjects?unit=" + QLCN)), "unit");
        forbidden(as(tdc, HttpRequest.GET("/api/v1/units/" + QLCN)), "code");
        assertThat(as(tdc, HttpRequest.GET("/api/v1/units/" + TDC)).status()).isEqualTo(200);
    }

    @Test
    void a_client_reads_only_the_batches_it_started_and_only_of_its_units() {
        long runs = Store.count(dataSource, "batch_run");
        forbidden(as(tdc, json(HttpRequest.POST("/api/v1/batches", "{\"year\":2025}"))), "unit");
        forbidden(as(tdc, json(HttpRequest.POST("/api/v1/batches", "{\"year\":2025,\"unit\":\"" + QLCN + "\"}"))), "unit");
        assertThat(Store.count(dataSource, "batch_run")).as("refused batches are not recorded").isEqualTo(runs);

        Http.Answer started = as(tdc, json(HttpRequest.POST("/api/v1/batches",
                "{\"year\":2025,\"unit\":\"" + TDC + "\",\"awards\":[\"ADVANCED_LABORER\"]}")));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        long id = started.body().get("id").asLong();
        assertThat(as(tdc, HttpRequest.GET("/api/v1/batches/" + id)).status()).isEqualTo(200);
        assertThat(as(tdc, HttpRequest.GET("/api/v1/batches/" + id + "/outcomes")).status()).isEqualTo(200);
        forbidden(as(qlcn, HttpRequest.GET("/api/v1/batches/" + id)), "id");
        forbidden(as(qlcn, HttpRequest.GET("/api/v1/batches/" + id + "/outcomes")), "id");
        // The same unit's other client is another requester: still not theirs.
        forbidden(as(TOKENS.scoped("someone-else@agency.gov.vn", List.of(TDC), CLIENT), HttpRequest.GET("/api/v1/batches/" + id)), "id");
        assertThat(Http.call(client(), HttpRequest.GET("/api/v1/batches/" + id).basicAuth("admin", "admin")).status()).isEqualTo(200);
    }

    @Test
    void a_client_whose_token_names_no_unit_sees_no_stored_subject_but_may_ask_what_if() {
        String unscoped = TOKENS.valid("unscoped@agency.gov.vn", CLIENT);
        forbidden(as(unscoped, HttpRequest.GET("/api/v1/subjects")), "unit");
        forbidden(as(unscoped, HttpRequest.GET("/api/v1/subjects/P-0001/eligibility?year=2025")), "id");
        forbidden(as(unscoped, HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=" + TDC)), "unit");
        forbidden(as(unscoped, json(HttpRequest.POST("/api/v1/batches", "{\"year\":2025,\"unit\":\"" + TDC + "\"}"))), "unit");
        forbidden(as(unscoped, HttpRequest.GET("/api/v1/units/" + TDC)), "code");
        // A scope naming only units that do not exist is no scope either.
        forbidden(as(TOKENS.scoped("lost@agency.gov.vn", List.of("NO-SUCH-UNIT"), CLIENT), HttpRequest.GET("/api/v1/subjects/P-0001/eligibility?year=2025")), "id");
        Http.Answer whatIf = as(unscoped, HttpRequest.POST("/api/v1/evaluations",
                RoleMatrix.read("examples/scenarios/advanced-laborer/excellent-rating-is-eligible.yaml")).contentType("application/x-yaml"));
        assertThat(whatIf.status()).as(whatIf.body().toString()).isEqualTo(200);
        // Signed in with no role at all: authenticated, but nobody's list either.
        forbidden(as(TOKENS.valid("nobody@agency.gov.vn"), HttpRequest.GET("/api/v1/subjects")), "unit");
    }

    @Test
    void the_other_roles_and_the_demo_client_see_what_the_matrix_in_docs_security_says() {
        long all = Store.count(dataSource, "subject");
        for (String role : List.of(CLERK, POLICY, AUDITOR, ADMIN)) {
            Http.Answer a = as(TOKENS.valid(role.toLowerCase() + "@agency.gov.vn", role), HttpRequest.GET("/api/v1/subjects?size=1"));
            assertThat(a.body().get("total").asLong()).as(role + " sees the whole organisation").isEqualTo(all);
        }
        long demo = Store.query(dataSource, "SELECT COUNT(*) FROM subject WHERE unit_code LIKE 'HN-SKHCN-DEMO%'");
        Http.Answer client = Http.call(client(), HttpRequest.GET("/api/v1/subjects?size=1").basicAuth("client", "client"));
        assertThat(client.body().get("total").asLong()).as("the demo client sees the demo department").isEqualTo(demo);
    }

    static MutableHttpRequest<?> json(MutableHttpRequest<?> r) { return r.contentType(MediaType.APPLICATION_JSON); }

    static final Pattern FACT_ID = Pattern.compile("^([a-zA-Z]+):(\\d+)$");

    /** Every string in the answer that reads as a stored fact id (rating:812). */
    static Set<String> factIds(JsonNode node) {
        Set<String> out = new TreeSet<>();
        if (node.isTextual()) {
            Matcher m = FACT_ID.matcher(node.asText());
            if (m.matches() && FactKinds.ALL.stream().anyMatch(k -> k.prefix().equals(m.group(1)))) out.add(node.asText());
        }
        node.forEach(child -> out.addAll(factIds(child)));
        return out;
    }
}
