package vn.laurel.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: verify reads the chain in one pass (cursors by sequence and by decision id, merged), over
 * records of formats 2 (saved by the service today) and 3 (the stored record text, written here with
 * {@link AuditChain#append} as the new DecisionStore will), and from a signed checkpoint. The tampering
 * of {@link ChainTamperingContract} keeps passing; these are what the merge adds: decisions whose id order
 * is not their chain order, the earliest problem named whichever walk meets it, format 3's text hashed
 * as stored, and a start that reads nothing the checkpoint covers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ChainVerifyContract implements TestPropertyProvider {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    abstract Connection superuser() throws SQLException;

    record Answer(int status, JsonNode body) {}

    Answer call(MutableHttpRequest<?> request) {
        vn.laurel.api.JsonAnswer a = vn.laurel.api.JsonAnswer.of(http, request);
        return new Answer(a.status(), a.body());
    }

    long decide(String person) {
        Answer a = call(HttpRequest.POST("/api/v1/subjects/" + person + "/eligibility?year=2025&awards=ADVANCED_LABORER", ""));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body().get("decisionId").asLong();
    }

    Answer verify(String query) {
        return call(HttpRequest.GET("/api/v1/audit/verify" + query));
    }

    JsonNode checkpoint() {
        Answer a = call(HttpRequest.POST("/api/v1/audit/checkpoints", ""));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        return a.body();
    }

    void assertIntact(Answer v, long checked) {
        assertThat(v.status()).as(v.body().toString()).isEqualTo(200);
        assertThat(v.body().get("intact").asBoolean()).isTrue();
        assertThat(v.body().get("checked").asLong()).as(v.body().toString()).isEqualTo(checked);
    }

    JsonNode problem(Answer v, String kind) {
        assertThat(v.status()).as(v.body().toString()).isEqualTo(409);
        JsonNode p = v.body().get("firstProblem");
        assertThat(p.get("kind").asText()).as(p.toString()).isEqualTo(kind);
        return p;
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        }
    }

    long scalar(String sql) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long length() throws SQLException {
        return scalar("SELECT last_sequence FROM decision_chain_head WHERE id = 1");
    }

    /**
     * Decisions in format 3, inserted first and chained afterwards in {@code chainOrder} (indices into the
     * inserted ones): the service chains a decision when its transaction takes the head's lock, so ids and
     * sequences need not agree. Returns the ids, in insertion order.
     */
    List<Long> recordDecisions(int count, int... chainOrder) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = superuser()) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision (subject_id, evaluation_year, as_of, regime, ruleset_version, "
                        + "engine_version, outcomes, requested_by, created_at, basis, record_text) VALUES (?, 2025, ?, 'LAW_2022', 'test', '0', "
                        + "'ADVANCED_LABORER=ELIGIBLE', 'test', ?, 'STORED_FACTS', ?)", new String[]{"id"})) {
                    ps.setString(1, "P-R" + i);
                    ps.setObject(2, LocalDate.of(2026, 1, 15));
                    ps.setObject(3, OffsetDateTime.of(2026, 1, 15, 8, 0, i, 123_456_000, ZoneOffset.UTC));
                    ps.setString(4, record(i));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        ids.add(keys.getLong(1));
                    }
                }
                long id = ids.get(i);
                sql(c, "INSERT INTO decision_outcome (decision_id, award, outcome) VALUES (" + id + ", 'ADVANCED_LABORER', 'ELIGIBLE')",
                        "INSERT INTO decision_fact (decision_id, fact_id) VALUES (" + id + ", 'rating:" + (900 + i) + "')",
                        "INSERT INTO decision_fact (decision_id, fact_id) VALUES (" + id + ", 'title:" + (900 + i) + "')");
            }
            for (int k : chainOrder) {
                AuditChain.append(c, ids.get(k), ChainContent.FORMAT_RECORD, record(k),
                        List.of(new ChainContent.OutcomeRow("ADVANCED_LABORER", "ELIGIBLE")), List.of("rating:" + (900 + k), "title:" + (900 + k)));
            }
            c.commit();
        }
        return ids;
    }

    /** A record text as the new DecisionStore writes it: canonical, and hashed exactly as stored. */
    static String record(int i) {
        Map<String, Object> r = new TreeMap<>();
        r.put("question", Map.of("subject", "P-R" + i, "year", 2025));
        r.put("awards", List.of(List.of("ADVANCED_LABORER", "ELIGIBLE", List.of(List.of("MET", "rating", 2, ">=", 1, List.of(0))))));
        r.put("facts", List.of("rating:" + (900 + i), "title:" + (900 + i)));
        return Canonical.write(r);
    }

    private static void sql(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        }
    }

    @Test
    @Order(1)
    void formats_two_and_three_verify_together_whatever_the_order_of_their_ids() throws SQLException {
        decide("P-0002");
        decide("P-0003");
        // Five format-3 decisions chained in an order that is not that of their ids.
        recordDecisions(5, 2, 0, 4, 1, 3);
        decide("P-0005");
        assertIntact(verify(""), length());
    }

    @Test
    @Order(2)
    void a_record_text_changed_by_one_character_is_named() throws SQLException {
        List<Long> ids = recordDecisions(1, 0);
        long id = ids.get(0);
        // The same JSON value spelled differently (a space): format 3 hashes the text as stored, not its value.
        sql("UPDATE decision SET record_text = REPLACE(record_text, '\"year\":2025', '\"year\": 2025') WHERE id = " + id);
        JsonNode p = problem(verify(""), "ALTERED");
        assertThat(p.get("decisionId").asLong()).isEqualTo(id);
        sql("UPDATE decision SET record_text = REPLACE(record_text, '\"year\": 2025', '\"year\":2025') WHERE id = " + id);
        assertIntact(verify(""), length());
        sql("UPDATE decision SET record_text = NULL WHERE id = " + id);
        assertThat(problem(verify(""), "ALTERED").get("decisionId").asLong()).isEqualTo(id);
        sql("UPDATE decision SET record_text = '" + record(0) + "' WHERE id = " + id);
        assertIntact(verify(""), length());
    }

    @Test
    @Order(3)
    void of_two_altered_records_the_earlier_in_the_chain_is_named_though_its_id_is_higher() throws SQLException {
        // Inserted as ids a < b, chained b then a: b comes first in the chain, last in the walk by id.
        List<Long> ids = recordDecisions(2, 1, 0);
        long a = ids.get(0), b = ids.get(1);
        long seqB = scalar("SELECT sequence FROM decision_chain WHERE decision_id = " + b);
        sql("UPDATE decision_outcome SET outcome = 'NOT_ELIGIBLE' WHERE decision_id IN (" + a + ", " + b + ")");
        JsonNode p = problem(verify(""), "ALTERED");
        assertThat(p.get("decisionId").asLong()).isEqualTo(b);
        assertThat(p.get("sequence").asLong()).isEqualTo(seqB);
        Answer v = verify("");
        assertThat(v.body().get("checked").asLong()).as("the records before it were sound").isEqualTo(seqB - 1);
        sql("UPDATE decision_outcome SET outcome = 'ELIGIBLE' WHERE decision_id IN (" + a + ", " + b + ")");
        assertIntact(verify(""), length());
    }

    @Test
    @Order(4)
    void a_decision_outside_the_chain_and_a_link_whose_decision_is_gone_are_named() throws SQLException {
        long before = length();
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO decision (subject_id, evaluation_year, as_of, regime, ruleset_version, engine_version, outcomes, requested_by, "
                    + "created_at, basis, record_text) VALUES ('P-X', 2025, DATE '2026-01-15', 'LAW_2022', 'test', '0', '', 'forger', "
                    + "CURRENT_TIMESTAMP, 'STORED_FACTS', '{}')");
        }
        long outside = scalar("SELECT MAX(id) FROM decision");
        JsonNode p = problem(verify(""), "INSERTED");
        assertThat(p.get("decisionId").asLong()).isEqualTo(outside);
        sql("DELETE FROM decision WHERE id = " + outside);
        assertIntact(verify(""), before);
    }

    @Test
    @Order(5)
    void from_a_checkpoint_only_the_records_after_it_are_read() throws SQLException {
        long early = recordDecisions(1, 0).get(0);
        JsonNode cp = checkpoint();
        long at = cp.get("chainLength").asLong();
        recordDecisions(3, 0, 1, 2);
        decide("P-0006");
        Answer from = verify("?from=latest");
        assertIntact(from, length() - at);
        assertThat(from.body().get("from").get("id").asLong()).isEqualTo(cp.get("id").asLong());
        assertIntact(verify("?from=" + cp.get("id").asLong()), length() - at);

        // A change before the checkpoint is not read from it (the full verification names it)...
        sql("UPDATE decision_outcome SET outcome = 'NOT_ELIGIBLE' WHERE decision_id = " + early);
        assertIntact(verify("?from=latest"), length() - at);
        assertThat(problem(verify(""), "ALTERED").get("decisionId").asLong()).isEqualTo(early);
        sql("UPDATE decision_outcome SET outcome = 'ELIGIBLE' WHERE decision_id = " + early);

        // ...one after it is.
        long late = scalar("SELECT decision_id FROM decision_chain WHERE sequence = " + (at + 2));
        sql("UPDATE decision_fact SET fact_id = 'rating:1' WHERE decision_id = " + late + " AND fact_id LIKE 'rating:%'");
        JsonNode p = problem(verify("?from=latest"), "ALTERED");
        assertThat(p.get("sequence").asLong()).isEqualTo(at + 2);
        assertThat(verify("?from=latest").body().get("checked").asLong()).isEqualTo(1);
        sql("UPDATE decision_fact SET fact_id = 'rating:" + (900 + 1) + "' WHERE decision_id = " + late + " AND fact_id = 'rating:1'");
        assertIntact(verify("?from=latest"), length() - at);

        // The record the checkpoint ends at no longer has its hash: rewritten at or before it.
        String hash = text("SELECT record_hash FROM decision_chain WHERE sequence = " + at);
        sql("UPDATE decision_chain SET record_hash = '" + "f".repeat(64) + "' WHERE sequence = " + at);
        JsonNode rewritten = problem(verify("?from=" + cp.get("id").asLong()), "REWRITTEN");
        assertThat(rewritten.get("sequence").asLong()).isEqualTo(at);
        sql("UPDATE decision_chain SET record_hash = '" + hash + "' WHERE sequence = " + at);
        assertIntact(verify("?from=latest"), length() - at);
    }

    @Test
    @Order(6)
    void a_checkpoint_not_signed_with_this_servers_key_is_not_started_from() throws SQLException {
        JsonNode cp = checkpoint();
        // A forger's checkpoint: the row copied with another key id (its signature no longer verifies either).
        sql("INSERT INTO audit_checkpoint (chain_length, head_hash, flag_chain_length, flag_head_hash, created_at, created_by, key_id, "
                + "public_key, ephemeral_key, signature) SELECT chain_length, head_hash, flag_chain_length, flag_head_hash, created_at, "
                + "'forger', 'ed25519:0000000000000000', public_key, ephemeral_key, signature FROM audit_checkpoint WHERE id = " + cp.get("id").asLong());
        long forged = scalar("SELECT MAX(id) FROM audit_checkpoint");
        Answer v = verify("?from=" + forged);
        assertThat(v.status()).as(v.body().toString()).isEqualTo(422);
        assertThat(v.body().get("errors").findValuesAsText("field")).containsExactly("from");
        assertThat(verify("?from=abc").status()).isEqualTo(400);
        assertThat(verify("?from=999999").status()).isEqualTo(404);
        assertThat(verify("?from=latest&checkpoint=1").status()).isEqualTo(400);
        assertThat(verify("?from=latest").status()).as("the stored checkpoints of the server's own key still serve").isEqualTo(200);
    }

    String text(String sql) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    @Order(7)
    void an_answer_beside_a_hashed_record_or_a_record_beside_a_hashed_answer_is_an_alteration() throws SQLException {
        // A reader is shown the record of a format-3 row and the answer of an older one; what the hash does not
        // cover must not be there to be shown.
        long record = recordDecisions(1, 0).get(0);
        long legacy;
        try (Connection c = superuser()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO decision (subject_id, evaluation_year, as_of, regime, ruleset_version, engine_version, outcomes, "
                        + "requested_by, created_at, basis, result) VALUES ('P-L', 2025, DATE '2026-01-15', 'LAW_2022', 'test', '0', "
                        + "'ADVANCED_LABORER=ELIGIBLE', 'test', CURRENT_TIMESTAMP, 'STORED_FACTS', CAST('{\"a\":1}' AS JSON))");
            }
            legacy = scalarIn(c, "SELECT MAX(id) FROM decision");
            String answer = stringIn(c, "SELECT CAST(result AS VARCHAR) FROM decision WHERE id = " + legacy);
            AuditChain.append(c, legacy, Canonical.json(answer), List.of(), List.of());
            c.commit();
        }
        assertIntact(verify(""), length());
        sql("UPDATE decision SET result = CAST('{\"a\":2}' AS JSON) WHERE id = " + record);
        assertThat(problem(verify(""), "ALTERED").get("decisionId").asLong()).isEqualTo(record);
        sql("UPDATE decision SET result = NULL WHERE id = " + record);
        assertIntact(verify(""), length());
        sql("UPDATE decision SET record_text = '" + record(0) + "' WHERE id = " + legacy);
        assertThat(problem(verify(""), "ALTERED").get("decisionId").asLong()).isEqualTo(legacy);
        sql("UPDATE decision SET record_text = NULL WHERE id = " + legacy);
        assertIntact(verify(""), length());
    }

    private static long scalarIn(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String stringIn(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
