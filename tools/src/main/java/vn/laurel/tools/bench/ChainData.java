package vn.laurel.tools.bench;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.laurel.api.audit.Canonical;
import vn.laurel.api.audit.ChainContent;
import vn.laurel.api.checkpoint.Checkpoint;
import vn.laurel.api.checkpoint.CheckpointKey;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code java -cp … vn.laurel.tools.bench.ChainData --db JDBC_URL --decisions N [--seed S] [--checkpoint KEY_FILE] [--break-last]}:
 * fills a PostgreSQL with N decisions chained in format 3 (a compact record of realistic size, about
 * 4–5 KB, 14 outcome rows and 35 fact rows each), after whatever the chain already holds, for the
 * verification benchmark (scripts/bench-verify.sh). Written with COPY, in batches, hashes computed with
 * Laurel's own {@link ChainContent}: a million decisions take minutes, not the hours of saving them one
 * by one. {@code --checkpoint} then signs a checkpoint of the chains with that key file (made if missing),
 * as the service would publish it, to verify from. {@code --break-last} then changes the last decision's outcome row behind the chain, as a
 * superuser past the append-only triggers: verify must walk to the end to name it.
 */
public final class ChainData {
    static final String[] AWARDS = {"ADVANCED_LABORER", "EMULATION_FIGHTER_GRASSROOTS", "EMULATION_FIGHTER_MINISTRY", "EMULATION_FIGHTER_NATIONAL",
            "MERIT_MINISTER", "MERIT_PRIME_MINISTER", "LABOR_ORDER_THIRD", "LABOR_ORDER_SECOND", "LABOR_ORDER_FIRST", "HERO_OF_LABOR",
            "MERIT_PROVINCE", "EXCELLENT_TEACHER", "PEOPLES_TEACHER", "MERIT_FATHERLAND"};
    static final String[] OUTCOMES = {"ELIGIBLE", "NOT_ELIGIBLE", "INSUFFICIENT_DATA", "NEEDS_REVIEW"};
    static final String[] KINDS = {"rating", "title", "commendation", "initiative", "discipline", "absence", "attestation"};
    private static final int BATCH = 5000;

    private ChainData() {}

    public static void main(String[] args) throws Exception {
        String url = null;
        long n = 0, seed = 20;
        boolean breakLast = false;
        String keyFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> url = args[++i];
                case "--decisions" -> n = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--break-last" -> breakLast = true;
                case "--checkpoint" -> keyFile = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null || !url.startsWith("jdbc:postgresql:")) throw new IllegalArgumentException("--db must be a jdbc:postgresql: URL");
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration", "classpath:db/vendor/POSTGRES").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            if (n > 0) fill(c, n, seed);
            if (keyFile != null) checkpoint(c, keyFile);
            if (breakLast) breakLast(c);
        }
    }

    static void fill(Connection c, long n, long seed) throws SQLException, IOException {
        long started = System.nanoTime();
        long length, firstId;
        String previous;
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT last_sequence, last_hash FROM decision_chain_head WHERE id = 1")) {
                rs.next();
                length = rs.getLong(1);
                previous = rs.getString(2);
            }
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM decision")) {
                rs.next();
                firstId = rs.getLong(1);
            }
            // Secondary indexes are built once at the end: kept up to date row by row, they would double the load.
            s.execute("DROP INDEX IF EXISTS decision_fact_fact_idx");
            s.execute("DROP INDEX IF EXISTS decision_outcome_award_idx");
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        SplittableRandom random = new SplittableRandom(seed);
        OffsetDateTime base = OffsetDateTime.of(2026, 1, 15, 1, 0, 0, 0, ZoneOffset.UTC);
        long bytes = 0;
        for (long done = 0; done < n; ) {
            int size = (int) Math.min(BATCH, n - done);
            StringBuilder decisions = new StringBuilder(size * 5200), outcomes = new StringBuilder(size * 14 * 36),
                    facts = new StringBuilder(size * 35 * 24), chain = new StringBuilder(size * 150);
            for (int i = 0; i < size; i++) {
                long id = firstId + done + i, sequence = length + done + i + 1;
                Generated g = generate(id, base.plusNanos((done + i) * 10_000_000L), random);
                bytes += g.record().length();
                String hash = ChainContent.decisionHash(ChainContent.FORMAT_RECORD, g.row(), g.record(), g.outcomes(), g.facts(), previous);
                ChainContent.DecisionRow r = g.row();
                decisions.append(id).append('\t').append(r.subjectId()).append('\t').append(r.evaluationYear()).append('\t').append(r.asOf())
                        .append('\t').append(r.regime()).append('\t').append(r.rulesetVersion()).append('\t').append(r.engineVersion())
                        .append('\t').append(r.outcomes()).append('\t').append(r.requestedBy()).append('\t').append(r.createdAt())
                        .append('\t').append(r.basis()).append('\t');
                escape(decisions, g.record()).append('\n');
                for (ChainContent.OutcomeRow o : g.outcomes()) outcomes.append(id).append('\t').append(o.award()).append('\t').append(o.outcome()).append('\n');
                for (String f : g.facts()) facts.append(id).append('\t').append(f).append('\n');
                chain.append(sequence).append('\t').append(id).append('\t').append(previous).append('\t').append(hash).append('\t')
                        .append(ChainContent.FORMAT_RECORD).append('\n');
                previous = hash;
            }
            c.setAutoCommit(false);
            copy.copyIn("COPY decision (id, subject_id, evaluation_year, as_of, regime, ruleset_version, engine_version, outcomes, "
                    + "requested_by, created_at, basis, record_text) FROM STDIN", new StringReader(decisions.toString()));
            copy.copyIn("COPY decision_outcome (decision_id, award, outcome) FROM STDIN", new StringReader(outcomes.toString()));
            copy.copyIn("COPY decision_fact (decision_id, fact_id) FROM STDIN", new StringReader(facts.toString()));
            copy.copyIn("COPY decision_chain (sequence, decision_id, previous_hash, record_hash, format) FROM STDIN", new StringReader(chain.toString()));
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE decision_chain_head SET last_sequence = " + (length + done + size) + ", last_hash = '" + previous + "' WHERE id = 1");
            }
            c.commit();
            c.setAutoCommit(true);
            done += size;
            if (done % 100_000 == 0 || done == n) {
                System.err.printf(Locale.ROOT, "%,d decisions, %.0f s%n", done, (System.nanoTime() - started) / 1e9);
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX decision_fact_fact_idx ON decision_fact (fact_id)");
            s.execute("CREATE INDEX decision_outcome_award_idx ON decision_outcome (award, outcome)");
            s.execute("SELECT setval(pg_get_serial_sequence('decision', 'id'), (SELECT MAX(id) FROM decision))");
            s.execute("VACUUM ANALYZE decision");
            s.execute("VACUUM ANALYZE decision_outcome");
            s.execute("VACUUM ANALYZE decision_fact");
            s.execute("VACUUM ANALYZE decision_chain");
        }
        System.out.printf(Locale.ROOT, "GENERATED %d decisions in format 3: %.0f s, record %.0f bytes on average%n", n,
                (System.nanoTime() - started) / 1e9, (double) bytes / Math.max(1, n));
    }

    /** A checkpoint of both chains as they are, signed as {@code Checkpoints.publish} signs one. */
    static void checkpoint(Connection c, String keyFile) throws SQLException {
        CheckpointKey key = new CheckpointKey(keyFile, "", false);
        long length, flagLength;
        String head, flagHead;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, last_sequence, last_hash FROM decision_chain_head "
                + "WHERE id IN (1, 2) ORDER BY id")) {
            rs.next();
            length = rs.getLong(2);
            head = rs.getString(3);
            rs.next();
            flagLength = rs.getLong(2);
            flagHead = rs.getString(3);
        }
        Checkpoint unsigned = new Checkpoint(null, length, head, flagLength, flagHead, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), "bench", key.keyId(),
                key.publicKey(), false, "");
        Checkpoint cp = unsigned.withSignature(key.sign(unsigned.payload()));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_checkpoint (chain_length, head_hash, flag_chain_length, flag_head_hash, "
                + "created_at, created_by, key_id, public_key, ephemeral_key, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, cp.chainLength());
            ps.setString(2, cp.headHash());
            ps.setLong(3, cp.flagChainLength());
            ps.setString(4, cp.flagHeadHash());
            ps.setObject(5, OffsetDateTime.ofInstant(cp.createdAt(), ZoneOffset.UTC));
            ps.setString(6, cp.createdBy());
            ps.setString(7, cp.keyId());
            ps.setString(8, cp.publicKey());
            ps.setBoolean(9, false);
            ps.setString(10, cp.signature());
            ps.executeUpdate();
        }
        System.out.println("CHECKPOINT at " + length + " decisions, key " + key.keyId());
    }

    /** The last decision's first outcome row turned into another outcome, past the append-only triggers. */
    static void breakLast(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.executeUpdate("UPDATE decision_outcome SET outcome = CASE outcome WHEN 'ELIGIBLE' THEN 'NOT_ELIGIBLE' ELSE 'ELIGIBLE' END "
                    + "WHERE decision_id = (SELECT decision_id FROM decision_chain ORDER BY sequence DESC FETCH FIRST 1 ROWS ONLY) "
                    + "AND award = (SELECT MIN(award) FROM decision_outcome WHERE decision_id = "
                    + "(SELECT decision_id FROM decision_chain ORDER BY sequence DESC FETCH FIRST 1 ROWS ONLY))");
            s.execute("SET session_replication_role = origin");
        }
        System.out.println("BROKEN the last decision's first outcome row");
    }

    record Generated(ChainContent.DecisionRow row, String record, List<ChainContent.OutcomeRow> outcomes, List<String> facts) {}

    /**
     * A decision of the shape helper A's compact record takes: the question, the facts by id, per award the
     * outcome and its criteria as short arrays (status, actual, operator, required, evidence indices), the
     * parameters by prefix, the versions. Its size is what matters here, not its meaning.
     */
    static Generated generate(long id, OffsetDateTime at, SplittableRandom random) {
        String subject = String.format(Locale.ROOT, "P-%07d", id % 1_000_000);
        List<String> facts = new ArrayList<>(35);
        for (int k = 0; k < 35; k++) facts.add(KINDS[k % KINDS.length] + ":" + (id * 40 + k));
        List<ChainContent.OutcomeRow> outcomes = new ArrayList<>(AWARDS.length);
        List<Object> awards = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        for (String award : AWARDS) {
            String outcome = OUTCOMES[random.nextInt(10) < 7 ? 1 : random.nextInt(OUTCOMES.length)];
            outcomes.add(new ChainContent.OutcomeRow(award, outcome));
            if (!summary.isEmpty()) summary.append(',');
            summary.append(award).append('=').append(outcome);
            List<Object> criteria = new ArrayList<>();
            int count = 3 + random.nextInt(4);
            for (int k = 0; k < count; k++) {
                criteria.add(List.of(random.nextBoolean() ? "MET" : "NOT_MET", "c" + k + "." + award.toLowerCase(Locale.ROOT).substring(0, 6),
                        random.nextInt(10), ">=", 1 + random.nextInt(5), List.of(random.nextInt(35), random.nextInt(35))));
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("award", award);
            a.put("outcome", outcome);
            a.put("criteria", criteria);
            awards.add(a);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (String prefix : new String[]{"advanced_laborer", "emulation_fighter", "merit", "labor_order", "teacher"}) {
            Map<String, Object> group = new LinkedHashMap<>();
            for (int k = 0; k < 6; k++) group.put("p" + k + "_years", 1 + random.nextInt(10));
            parameters.put(prefix, group);
        }
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("subject", subject);
        question.put("year", 2025);
        question.put("asOf", "2026-01-15");
        question.put("awards", List.of());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("question", question);
        record.put("facts", facts);
        record.put("awards", awards);
        record.put("parameters", parameters);
        record.put("versions", Map.of("regime", "LAW_2022", "ruleset", "2025.3-bench", "engine", "0.1.0"));
        ChainContent.DecisionRow row = new ChainContent.DecisionRow(id, subject, 2025, LocalDate.of(2026, 1, 15), "LAW_2022", "2025.3-bench",
                "0.1.0", summary.toString(), "bench", at, "STORED_FACTS");
        return new Generated(row, Canonical.write(record), outcomes, facts);
    }

    /** COPY's text format: backslash, tab and line breaks escaped. */
    private static StringBuilder escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }
}
