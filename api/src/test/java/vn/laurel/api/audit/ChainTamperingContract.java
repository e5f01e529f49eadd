package vn.laurel.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import vn.laurel.api.decisions.CompactRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, high 3, as an attacker who can write the database would go about it: change what a search
 * reads (decision_outcome), the facts a decision relied on (decision_fact), the flags that say it should
 * be looked at again (decision_flag) — verify names the record — and rewrite the chain consistently,
 * every hash recomputed with Laurel's own {@link ChainContent}: the plain verify cannot tell, a signed
 * checkpoint taken earlier can. Run on PostgreSQL (as a superuser past the triggers) and on H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ChainTamperingContract implements TestPropertyProvider {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    /** A connection that may change anything: past triggers and privileges, as a database superuser. */
    abstract Connection superuser() throws SQLException;

    abstract boolean postgres();

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

    Answer verify() {
        return call(HttpRequest.GET("/api/v1/audit/verify"));
    }

    void assertIntact() {
        Answer v = verify();
        assertThat(v.status()).as(v.body().toString()).isEqualTo(200);
        assertThat(v.body().get("intact").asBoolean()).isTrue();
    }

    void assertNamed(Answer v, String chain, String kind, long decisionId) {
        assertThat(v.status()).as(v.body().toString()).isEqualTo(409);
        JsonNode p = v.body().get("firstProblem");
        assertThat(p.get("chain").asText()).as(p.toString()).isEqualTo(chain);
        assertThat(p.get("kind").asText()).as(p.toString()).isEqualTo(kind);
        assertThat(p.get("decisionId").asLong()).as(p.toString()).isEqualTo(decisionId);
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        }
    }

    String text(String sql) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    @Order(1)
    void an_outcome_row_changed_behind_the_service_is_named() throws SQLException {
        long id = decide("P-0002"); // not eligible: rated only "completed"
        assertIntact();
        sql("UPDATE decision_outcome SET outcome = 'ELIGIBLE' WHERE decision_id = " + id);
        // A search by outcome now disagrees with the record...
        Answer found = call(HttpRequest.GET("/api/v1/decisions?subject=P-0002&award=ADVANCED_LABORER&outcome=ELIGIBLE"));
        assertThat(found.body().get("items").findValuesAsText("id")).contains(String.valueOf(id));
        // ...and verify says so.
        assertNamed(verify(), "decisions", "ALTERED", id);
        sql("UPDATE decision_outcome SET outcome = 'NOT_ELIGIBLE' WHERE decision_id = " + id);
        assertIntact();
    }

    @Test
    @Order(2)
    void a_fact_row_changed_added_or_removed_behind_the_service_is_named() throws SQLException {
        long id = decide("P-0001");
        String fact = text("SELECT MIN(fact_id) FROM decision_fact WHERE decision_id = " + id);
        assertThat(fact).isNotNull();
        sql("UPDATE decision_fact SET fact_id = 'rating:999999' WHERE decision_id = " + id + " AND fact_id = '" + fact + "'");
        assertNamed(verify(), "decisions", "ALTERED", id);
        sql("UPDATE decision_fact SET fact_id = '" + fact + "' WHERE decision_id = " + id + " AND fact_id = 'rating:999999'");
        assertIntact();
        sql("DELETE FROM decision_fact WHERE decision_id = " + id + " AND fact_id = '" + fact + "'");
        assertNamed(verify(), "decisions", "ALTERED", id);
        sql("INSERT INTO decision_fact (decision_id, fact_id) VALUES (" + id + ", '" + fact + "')");
        assertIntact();
    }

    @Test
    @Order(3)
    void a_flag_changed_removed_or_slipped_in_behind_the_service_is_named() throws SQLException {
        long id = decide("P-0009");
        // A correction of a fact the decision used flags it: the flag is chained.
        JsonNode absences = call(HttpRequest.GET("/api/v1/subjects/P-0009/facts/absences")).body().get("items");
        String absence = null;
        for (JsonNode a : absences) if (a.get("values").get("year").asInt() == 2025) absence = a.get("id").asText().replace("absence:", "");
        Answer corrected = call(HttpRequest.PUT("/api/v1/facts/absences/" + absence, "{\"days\":41}").contentType(MediaType.APPLICATION_JSON));
        assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
        assertThat(call(HttpRequest.GET("/api/v1/decisions/" + id)).body().get("needsReEvaluation").asBoolean()).isTrue();
        Answer clean = verify();
        assertThat(clean.body().get("flagsChecked").asLong()).as(clean.body().toString()).isPositive();
        assertIntact();

        String reason = text("SELECT reason FROM decision_flag WHERE decision_id = " + id);
        sql("UPDATE decision_flag SET reason = 'nothing to see' WHERE decision_id = " + id);
        assertNamed(verify(), "flags", "ALTERED", id);
        sql("UPDATE decision_flag SET reason = '" + reason + "' WHERE decision_id = " + id);
        assertIntact();

        // Removed: the decision would no longer say it needs another look.
        List<Object> row = new ArrayList<>();
        try (Connection c = superuser(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, decision_id, fact_id, reason, flagged_at, chain_sequence, previous_hash, record_hash FROM decision_flag WHERE decision_id = " + id)) {
            rs.next();
            for (int i = 1; i <= 8; i++) row.add(i == 5 ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i));
        }
        sql("DELETE FROM decision_flag WHERE decision_id = " + id);
        assertThat(call(HttpRequest.GET("/api/v1/decisions/" + id)).body().get("needsReEvaluation").asBoolean()).isFalse();
        Answer removed = verify();
        assertThat(removed.status()).isEqualTo(409);
        assertThat(removed.body().get("firstProblem").get("chain").asText()).isEqualTo("flags");
        assertThat(removed.body().get("firstProblem").get("kind").asText()).isEqualTo("DELETED");
        try (Connection c = superuser(); PreparedStatement ps = c.prepareStatement("INSERT INTO decision_flag (id, decision_id, fact_id, reason, "
                + "flagged_at, chain_sequence, previous_hash, record_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 8; i++) ps.setObject(i + 1, row.get(i));
            ps.executeUpdate();
        }
        assertIntact();

        // Slipped in: a flag the service never wrote casts doubt on a sound decision.
        long other = decide("P-0003");
        sql("INSERT INTO decision_flag (decision_id, fact_id, reason, flagged_at) VALUES (" + other + ", 'rating:1', 'forged', CURRENT_TIMESTAMP)");
        assertNamed(verify(), "flags", "INSERTED", other);
        sql("DELETE FROM decision_flag WHERE decision_id = " + other);
        assertIntact();
    }

    JsonNode checkpoint() {
        Answer a = call(HttpRequest.POST("/api/v1/audit/checkpoints", ""));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        return a.body();
    }

    Answer verifyAgainst(JsonNode document) {
        return call(HttpRequest.POST("/api/v1/audit/verify", document.toString()).contentType(MediaType.APPLICATION_JSON));
    }

    long sequenceOf(long decisionId) throws SQLException {
        return Long.parseLong(text("SELECT sequence FROM decision_chain WHERE decision_id = " + decisionId));
    }

    @Test
    @Order(4)
    void a_chain_rewritten_with_every_hash_recomputed_is_named_by_an_earlier_checkpoint() throws Exception {
        decide("P-0003");
        JsonNode a = checkpoint();
        long victim = decide("P-0005"); // not eligible: reprimanded in the year
        JsonNode b = checkpoint();
        decide("P-0006");
        JsonNode c = checkpoint();
        assertThat(a.get("signature").asText()).isNotBlank();
        assertThat(c.get("keyId").asText()).startsWith("ed25519:");
        assertThat(c.get("ephemeralKey").asBoolean()).isTrue(); // no key configured on these test servers
        assertThat(verifyAgainst(c).status()).isEqualTo(200);
        long k = sequenceOf(victim);
        assertThat(b.get("chainLength").asLong()).isEqualTo(k);

        // The forger makes decision "victim" say ELIGIBLE everywhere, then recomputes every hash from it on.
        rewrite(victim, "ELIGIBLE");
        rechainFrom(k);

        Answer plain = verify();
        assertThat(plain.status()).as("a consistent rewrite passes the plain verification: " + plain.body()).isEqualTo(200);

        Answer against = verifyAgainst(c);
        assertThat(against.status()).as(against.body().toString()).isEqualTo(409);
        JsonNode p = against.body().get("firstProblem");
        assertThat(p.get("kind").asText()).isEqualTo("REWRITTEN");
        // Checkpoint b, stored and signed with the same key, pins the rewrite to the victim's record exactly.
        assertThat(p.get("sequence").asLong()).isEqualTo(k);
        assertThat(p.get("decisionId").asLong()).isEqualTo(victim);
        assertThat(p.get("detail").asText()).contains("record " + k + " (decision " + victim + "): hash differs from checkpoint " + b.get("id").asLong(),
                "after record " + a.get("chainLength").asLong());
        assertThat(against.body().get("checkpoint").get("signedWithThisServersKey").asBoolean()).isTrue();
        assertThat(call(HttpRequest.GET("/api/v1/audit/verify?checkpoint=" + c.get("id").asLong())).body().get("firstProblem").get("sequence").asLong())
                .isEqualTo(k);
        // Without the stored checkpoints in between (deleted by the forger, say), the auditor's own still shows it.
        assertThat(verifyAgainst(a).status()).isEqualTo(200);

        // A forger who edits the document to match the new chain breaks its signature.
        ObjectNode forged = c.deepCopy();
        forged.put("headHash", text("SELECT last_hash FROM decision_chain_head WHERE id = 1"));
        Answer refused = verifyAgainst(forged);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("signature");

        // Put back as it was: the same content gives the same hashes, and the checkpoints hold again.
        rewrite(victim, "NOT_ELIGIBLE");
        rechainFrom(k);
        assertThat(verifyAgainst(c).status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void a_chain_cut_short_is_named_by_a_checkpoint() throws SQLException {
        long last = decide("P-0007");
        JsonNode cp = checkpoint();
        long k = sequenceOf(last);
        String before = text("SELECT previous_hash FROM decision_chain WHERE sequence = " + k);
        // The last record removed and the head moved back: consistent again.
        sql("DELETE FROM decision_chain WHERE sequence = " + k, "DELETE FROM decision_outcome WHERE decision_id = " + last,
                "DELETE FROM decision_fact WHERE decision_id = " + last, "DELETE FROM decision WHERE id = " + last,
                "UPDATE decision_chain_head SET last_sequence = " + (k - 1) + ", last_hash = '" + before + "' WHERE id = 1");
        assertIntact();
        Answer v = verifyAgainst(cp);
        assertThat(v.status()).isEqualTo(409);
        assertThat(v.body().get("firstProblem").get("kind").asText()).isEqualTo("DELETED");
        assertThat(v.body().get("firstProblem").get("detail").asText()).contains("shorter than checkpoint " + cp.get("id").asLong());
    }

    @Test
    @Order(6)
    void a_checkpoint_document_that_is_not_one_is_refused_naming_its_fields() {
        Answer a = call(HttpRequest.POST("/api/v1/audit/verify", "{\"format\":\"x\",\"chainLength\":-1,\"headHash\":\"zz\"}")
                .contentType(MediaType.APPLICATION_JSON));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("errors").findValuesAsText("field")).contains("format", "chainLength", "headHash", "publicKey", "signature");
        assertThat(call(HttpRequest.POST("/api/v1/audit/verify", "[1]").contentType(MediaType.APPLICATION_JSON)).status()).isEqualTo(400);
        assertThat(call(HttpRequest.GET("/api/v1/audit/verify?checkpoint=abc")).status()).isEqualTo(400);
        assertThat(call(HttpRequest.GET("/api/v1/audit/checkpoints/999999")).status()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void a_record_changed_behind_the_service_is_named_and_reads_as_what_it_is() throws SQLException {
        long id = decide("P-0001");
        assertIntact();
        String record = text("SELECT record_text FROM decision WHERE id = " + id);
        assertThat(record).contains("\"ADVANCED_LABORER\":[\"ELIGIBLE\"");
        // A value the criterion found, changed: the outcome still reads the same, the record does not.
        String forged = record.replace("MIN_SERVICE_MONTHS MET 160 ", "MIN_SERVICE_MONTHS MET 161 ");
        assertThat(forged).isNotEqualTo(record);
        try (Connection c = superuser(); PreparedStatement ps = c.prepareStatement("UPDATE decision SET record_text = ? WHERE id = ?")) {
            ps.setString(1, forged);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        assertNamed(verify(), "decisions", "ALTERED", id);
        // Read, it no longer renders to its record: no answer, the record and what differs — not a 5xx.
        Answer read = call(HttpRequest.GET("/api/v1/decisions/" + id));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().has("answer")).isFalse();
        assertThat(read.body().get("rendering").get("matches").asBoolean()).isFalse();
        assertThat(read.body().get("rendering").get("differences").toString()).contains("MIN_SERVICE_MONTHS MET 161");
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/api/v1/decisions/" + id).accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("MIN_SERVICE_MONTHS MET 161");
        try (Connection c = superuser(); PreparedStatement ps = c.prepareStatement("UPDATE decision SET record_text = ? WHERE id = ?")) {
            ps.setString(1, record);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        assertIntact();
        assertThat(call(HttpRequest.GET("/api/v1/decisions/" + id)).body().has("answer")).isTrue();
    }

    @Test
    @Order(8)
    void a_decision_saved_whole_before_issue_20_still_reads_and_verifies() throws Exception {
        Answer answered = call(HttpRequest.POST("/api/v1/subjects/P-0003/eligibility?year=2025&awards=ADVANCED_LABORER&lang=both", ""));
        long source = answered.body().get("decisionId").asLong();
        ObjectNode answer = ((ObjectNode) answered.body()).deepCopy();
        answer.remove("decisionId");
        long legacy;
        try (Connection c = superuser()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision (subject_id, evaluation_year, as_of, regime, ruleset_version, "
                    + "engine_version, outcomes, result, requested_by, created_at, basis) SELECT subject_id, evaluation_year, as_of, regime, "
                    + "ruleset_version, engine_version, outcomes, " + (postgres() ? "CAST(? AS JSONB)" : "? FORMAT JSON")
                    + ", requested_by, created_at, basis FROM decision WHERE id = ?", new String[]{"id"})) {
                ps.setString(1, answer.toString());
                ps.setLong(2, source);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    legacy = keys.getLong(1);
                }
            }
            sql(c, "INSERT INTO decision_outcome (decision_id, award, outcome) SELECT " + legacy + ", award, outcome FROM decision_outcome WHERE decision_id = " + source);
            List<ChainContent.OutcomeRow> outcomes = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT award, outcome FROM decision_outcome WHERE decision_id = " + legacy)) {
                while (rs.next()) outcomes.add(new ChainContent.OutcomeRow(rs.getString(1), rs.getString(2)));
            }
            String stored;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CAST(result AS VARCHAR) FROM decision WHERE id = " + legacy)) {
                rs.next();
                stored = rs.getString(1);
            }
            AuditChain.append(c, legacy, ChainContent.FORMAT_EVERYTHING, Canonical.json(stored), outcomes, List.of());
            c.commit();
        }
        assertThat(text("SELECT format FROM decision_chain WHERE decision_id = " + legacy)).isEqualTo("2");
        assertIntact();
        Answer read = call(HttpRequest.GET("/api/v1/decisions/" + legacy + "?lang=both"));
        assertThat(read.status()).isEqualTo(200);
        answer.put("decisionId", legacy);
        assertThat(read.body().get("answer")).isEqualTo(JSON.readTree(answer.toString()));
        assertThat(read.body().has("rendering")).isFalse();
        assertThat(call(HttpRequest.POST("/api/v1/decisions/" + legacy + "/replay", "")).body().get("identical").asBoolean()).isTrue();
    }

    void setRecord(long id, String record) throws SQLException {
        try (Connection c = superuser(); PreparedStatement ps = c.prepareStatement("UPDATE decision SET record_text = ? WHERE id = ?")) {
            ps.setString(1, record);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Issue 20 review 3: a record forged in its structure (not a value) reads as the record and why, never a 5xx. */
    @Test
    @Order(9)
    void a_record_tampered_in_its_structure_reads_as_the_record_and_why_never_a_5xx() throws Exception {
        long id = decide("P-0001");
        String record = text("SELECT record_text FROM decision WHERE id = " + id);
        ObjectNode r = (ObjectNode) JSON.readTree(record);
        List<String> forged = new ArrayList<>();
        forged.add("{not json");
        forged.add("null");
        forged.add("[1,2]");
        forged.add("");
        ObjectNode noQuestion = r.deepCopy();
        noQuestion.remove("question");
        forged.add(noQuestion.toString());
        ObjectNode badYear = r.deepCopy();
        ((ObjectNode) badYear.get("question")).put("year", "x");
        forged.add(badYear.toString());
        ObjectNode awardsText = r.deepCopy();
        ((ObjectNode) awardsText.get("question")).put("awards", "ADVANCED_LABORER");
        forged.add(awardsText.toString());
        ObjectNode badKnownAt = r.deepCopy();
        ((ObjectNode) badKnownAt.get("question")).put("knownAt", "yesterday");
        forged.add(badKnownAt.toString());
        ObjectNode badCase = r.deepCopy();
        ((ObjectNode) badCase.get("question")).put("case", 5);
        forged.add(badCase.toString());
        ObjectNode badOrganisation = r.deepCopy();
        ((ObjectNode) badOrganisation.get("question")).putArray("organisation").add(1);
        forged.add(badOrganisation.toString());
        ObjectNode badFacts = r.deepCopy();
        badFacts.putObject("facts").put("rating", "1-x a-b").put("absence", "1-999999999999");
        forged.add(badFacts.toString());
        ObjectNode factsText = r.deepCopy();
        factsText.put("facts", "abc");
        forged.add(factsText.toString());
        ObjectNode badQuota = r.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) badQuota.get("awards").get("ADVANCED_LABORER")).addObject().putObject("quota").put("allowed", "x");
        forged.add(badQuota.toString());
        ObjectNode notQuota = r.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) notQuota.get("awards").get("ADVANCED_LABORER")).addObject().put("something", 1);
        forged.add(notQuota.toString());
        ObjectNode awardObject = r.deepCopy();
        awardObject.putObject("awards").putObject("ADVANCED_LABORER").put("a", 1);
        forged.add(awardObject.toString());
        ObjectNode sharedText = r.deepCopy();
        sharedText.put("shared", 7);
        forged.add(sharedText.toString());
        for (String f : forged) {
            setRecord(id, f);
            Answer read = call(HttpRequest.GET("/api/v1/decisions/" + id));
            assertThat(read.status()).as(f + " -> " + read.body()).isEqualTo(200);
            assertThat(read.body().has("answer")).as(f).isFalse();
            assertThat(read.body().get("rendering").get("matches").asBoolean()).isFalse();
            assertThat(read.body().get("rendering").get("code").asText()).as(f).isIn("UNREADABLE", "DIFFERS", "FACTS_DIFFER", "NOT_RENDERABLE");
            assertThat(read.body().has("record")).isTrue();
            Answer replay = call(HttpRequest.POST("/api/v1/decisions/" + id + "/replay", ""));
            assertThat(replay.status()).as(f + " -> " + replay.body()).isIn(200, 409);
            Answer today = call(HttpRequest.POST("/api/v1/decisions/" + id + "/replay?with=current", ""));
            assertThat(today.status()).as(f + " -> " + today.body()).isIn(200, 409);
            HttpResponse<String> report = http.toBlocking().exchange(HttpRequest.GET("/api/v1/decisions/" + id).accept(MediaType.TEXT_HTML_TYPE), String.class);
            assertThat(report.code()).as(f).isEqualTo(200);
            int page = pageStatus("/audit/decisions/" + id + "?lang=en");
            assertThat(page).as(f).isLessThan(500);
        }
        setRecord(id, record);
        assertIntact();
        assertThat(call(HttpRequest.GET("/api/v1/decisions/" + id)).body().has("answer")).isTrue();
    }

    int pageStatus(String path) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    /** Issue 20 review 2: a record written by another engine version renders (what decided is compared); the version is a note. */
    @Test
    @Order(10)
    void a_record_of_another_engine_version_renders_with_a_note_not_a_mismatch() throws Exception {
        long id = decide("P-0003");
        String record = text("SELECT record_text FROM decision WHERE id = " + id);
        String engine = JSON.readTree(record).get("engine").asText();
        setRecord(id, record.replace("\"engine\":\"" + engine + "\"", "\"engine\":\"0.0.9\""));
        Answer read = call(HttpRequest.GET("/api/v1/decisions/" + id));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().has("answer")).as(read.body().toString()).isTrue();
        assertThat(read.body().get("rendering").get("matches").asBoolean()).isTrue();
        assertThat(read.body().get("rendering").get("engine").get("recorded").asText()).isEqualTo("0.0.9");
        assertThat(read.body().get("rendering").get("engine").get("rendering").asText()).isEqualTo(engine);
        Answer replay = call(HttpRequest.POST("/api/v1/decisions/" + id + "/replay", ""));
        assertThat(replay.body().get("identical").asBoolean()).as(replay.body().toString()).isTrue();
        assertThat(replay.body().get("engine").get("recorded").asText()).isEqualTo("0.0.9");
        // Something that decided changed as well: still a mismatch.
        setRecord(id, record.replace("\"engine\":\"" + engine + "\"", "\"engine\":\"0.0.9\"").replaceFirst("\"ADVANCED_LABORER\":\\[\"[A-Z_]+\"", "\"ADVANCED_LABORER\":[\"ELIGIBLE_X\""));
        Answer altered = call(HttpRequest.GET("/api/v1/decisions/" + id));
        assertThat(altered.body().has("answer")).isFalse();
        assertThat(altered.body().get("rendering").get("code").asText()).isEqualTo("DIFFERS");
        setRecord(id, record);
        assertIntact();
        assertThat(call(HttpRequest.GET("/api/v1/decisions/" + id)).body().get("rendering").has("engine")).isFalse();
    }

    /**
     * Issue 20 review 1: a fact corrected after the decision read its facts but before it was saved, or in the very
     * instant it was saved, is not what the decision saw: it still renders identically (read as known at the instant
     * taken before the read, kept in the record). A correction known before that instant would have been read: the
     * reading says plainly that the facts differ from the record's list.
     */
    @Test
    @Order(11)
    void a_fact_corrected_between_the_read_and_the_save_or_in_the_same_instant_does_not_change_the_reading() throws Exception {
        long id = decide("P-0009");
        String record = text("SELECT record_text FROM decision WHERE id = " + id);
        java.time.Instant knownAt = java.time.Instant.parse(JSON.readTree(record).get("question").get("knownAt").asText());
        OffsetDateTime created;
        try (Connection c = superuser(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT created_at FROM decision WHERE id = " + id)) {
            rs.next();
            created = rs.getObject(1, OffsetDateTime.class);
        }
        assertThat(created.toInstant()).isAfterOrEqualTo(knownAt);
        JsonNode absences = call(HttpRequest.GET("/api/v1/subjects/P-0009/facts/absences")).body().get("items");
        String old = null;
        int days = 0;
        for (JsonNode a : absences) {
            if (a.get("values").get("year").asInt() == 2025) {
                old = a.get("id").asText().replace("absence:", "");
                days = a.get("values").get("days").asInt();
            }
        }
        assertThat(CompactRecord.factIds(CompactRecord.read(record))).contains("absence:" + old);
        Answer corrected = call(HttpRequest.PUT("/api/v1/facts/absences/" + old, "{\"days\":" + (days + 3) + "}").contentType(MediaType.APPLICATION_JSON));
        assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
        String now = text("SELECT MAX(id) FROM absence WHERE superseded_at IS NULL AND subject_id = 'P-0009'");
        for (java.time.Instant at : List.of(knownAt.plusNanos(1000), created.toInstant())) {
            moveCorrection(old, now, at);
            Answer read = call(HttpRequest.GET("/api/v1/decisions/" + id));
            assertThat(read.body().has("answer")).as(at + " " + read.body().get("rendering")).isTrue();
            assertThat(call(HttpRequest.POST("/api/v1/decisions/" + id + "/replay", "")).body().get("identical").asBoolean()).isTrue();
        }
        // Known before the decision's instant: read again, not in the record's list — said plainly.
        moveCorrection(old, now, knownAt.minusNanos(1000));
        Answer read = call(HttpRequest.GET("/api/v1/decisions/" + id));
        assertThat(read.body().has("answer")).isFalse();
        assertThat(read.body().get("rendering").get("code").asText()).isEqualTo("FACTS_DIFFER");
        assertThat(read.body().get("rendering").get("problem").asText()).contains("absence:" + old, "absence:" + now);
    }

    private void moveCorrection(String old, String now, java.time.Instant at) throws SQLException {
        try (Connection c = superuser(); PreparedStatement a = c.prepareStatement("UPDATE absence SET superseded_at = ? WHERE id = ?");
             PreparedStatement b = c.prepareStatement("UPDATE absence SET recorded_at = ? WHERE id = ?")) {
            OffsetDateTime t = OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
            a.setObject(1, t);
            a.setLong(2, Long.parseLong(old));
            a.executeUpdate();
            b.setObject(1, t);
            b.setLong(2, Long.parseLong(now));
            b.executeUpdate();
        }
    }

    private static void sql(Connection c, String statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** Makes a decision say another outcome in its record (or answer), its summary column and its outcome row. */
    void rewrite(long decisionId, String outcome) throws Exception {
        String record = text("SELECT record_text FROM decision WHERE id = " + decisionId);
        if (record != null) {
            try (Connection c = superuser(); PreparedStatement ps = c.prepareStatement("UPDATE decision SET record_text = ?, outcomes = ? WHERE id = ?")) {
                ps.setString(1, record.replaceFirst("\"ADVANCED_LABORER\":\\[\"[A-Z_]+\"", "\"ADVANCED_LABORER\":[\"" + outcome + "\""));
                ps.setString(2, "ADVANCED_LABORER=" + outcome);
                ps.setLong(3, decisionId);
                ps.executeUpdate();
            }
            sql("UPDATE decision_outcome SET outcome = '" + outcome + "' WHERE decision_id = " + decisionId);
            return;
        }
        ObjectNode answer = (ObjectNode) JSON.readTree(text("SELECT CAST(result AS VARCHAR) FROM decision WHERE id = " + decisionId));
        ((ObjectNode) answer.get("results").get(0)).put("outcome", outcome);
        try (Connection c = superuser(); PreparedStatement ps = c.prepareStatement("UPDATE decision SET result = "
                + (postgres() ? "CAST(? AS JSONB)" : "? FORMAT JSON") + ", outcomes = ? WHERE id = ?")) {
            ps.setString(1, answer.toString());
            ps.setString(2, "ADVANCED_LABORER=" + outcome);
            ps.setLong(3, decisionId);
            ps.executeUpdate();
        }
        sql("UPDATE decision_outcome SET outcome = '" + outcome + "' WHERE decision_id = " + decisionId);
    }

    /** Recomputes every record's hash from a sequence on, with Laurel's own hashing: what a forger with the source would do. */
    void rechainFrom(long from) throws SQLException {
        try (Connection c = superuser()) {
            String previous = scalar(c, "SELECT previous_hash FROM decision_chain WHERE sequence = " + from);
            List<long[]> links = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT sequence, decision_id, format FROM decision_chain WHERE sequence >= " + from + " ORDER BY sequence")) {
                while (rs.next()) links.add(new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            }
            for (long[] l : links) {
                ChainContent.DecisionRow row;
                String answer;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, subject_id, evaluation_year, as_of, regime, "
                        + "ruleset_version, engine_version, outcomes, requested_by, created_at, basis, CAST(result AS VARCHAR), record_text FROM decision WHERE id = " + l[1])) {
                    rs.next();
                    row = new ChainContent.DecisionRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class), rs.getString(11));
                    // Format 3 hashes the stored record text as it is; formats 1 and 2 the answer in canonical form.
                    answer = l[2] == ChainContent.FORMAT_RECORD ? rs.getString(13) : Canonical.json(rs.getString(12));
                }
                List<ChainContent.OutcomeRow> outcomes = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT award, outcome FROM decision_outcome WHERE decision_id = " + l[1])) {
                    while (rs.next()) outcomes.add(new ChainContent.OutcomeRow(rs.getString(1), rs.getString(2)));
                }
                List<String> facts = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT fact_id FROM decision_fact WHERE decision_id = " + l[1])) {
                    while (rs.next()) facts.add(rs.getString(1));
                }
                String hash = ChainContent.decisionHash((int) l[2], row, answer, outcomes, facts, previous);
                try (PreparedStatement ps = c.prepareStatement("UPDATE decision_chain SET previous_hash = ?, record_hash = ? WHERE sequence = ?")) {
                    ps.setString(1, previous);
                    ps.setString(2, hash);
                    ps.setLong(3, l[0]);
                    ps.executeUpdate();
                }
                previous = hash;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE decision_chain_head SET last_hash = ? WHERE id = 1")) {
                ps.setString(1, previous);
                ps.executeUpdate();
            }
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
