package vn.laurel.api.batch;

import org.postgresql.PGConnection;
import vn.laurel.api.store.Databases;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a unit's outcome rows (one per subject) to PostgreSQL with COPY, which streams rows without a statement per row:
 * the INSERT batches kept a batch's workers waiting for about a third of its wall time.
 * CSV format: text is always quoted, so an empty unquoted field can only mean NULL.
 */
final class OutcomeCopyStore {
    private static final String SQL = "COPY batch_subject (batch_id, subject_id, unit_code, outcomes, quota_ranks, decision_id) "
            + "FROM STDIN WITH (FORMAT csv)";

    private OutcomeCopyStore() {}

    static boolean supported(Connection c) throws SQLException {
        return Databases.isPostgres(c);
    }

    /** Copies the rows inside the connection's current transaction; returns the rows written. */
    static long copy(Connection c, long batchId, List<CompactOutcomes.Row> rows) throws SQLException {
        StringBuilder csv = new StringBuilder(rows.size() * 64);
        for (CompactOutcomes.Row o : rows) {
            csv.append(batchId).append(',');
            text(csv, o.subjectId()).append(',');
            text(csv, o.unit()).append(',');
            text(csv, o.outcomes()).append(',');
            text(csv, o.quotaRanks()).append(',');
            if (o.decisionId() != null) csv.append(o.decisionId());
            csv.append('\n');
        }
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL, new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("cannot stream the outcomes", e);
        }
    }

    private static StringBuilder text(StringBuilder csv, String value) {
        if (value == null) return csv;
        csv.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') csv.append('"');
            csv.append(ch);
        }
        return csv.append('"');
    }
}
