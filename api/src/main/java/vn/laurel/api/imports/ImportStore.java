package vn.laurel.api.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.api.store.ImportTransaction;
import vn.laurel.api.store.RowError;
import vn.laurel.engine.json.Json;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The record of every import (fact_import: files, who, status, counts, the bad rows), and the
 * transaction an import's rows go through ({@link ImportTransaction}).
 */
@Singleton
public class ImportStore {
    private static final Logger LOG = LoggerFactory.getLogger(ImportStore.class);

    private final DataSource dataSource;

    public ImportStore(DataSource dataSource) {
        // An import manages its own transaction on a connection of its own.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Records a new import as RUNNING; returns its id. */
    public long begin(List<String> files, String requestedBy) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO fact_import (status, files, requested_by, started_at) VALUES (?, ?, ?, ?)",
                     new String[]{"id"})) {
            ps.setString(1, ImportReport.Status.RUNNING.name());
            ps.setString(2, String.join(", ", files));
            ps.setString(3, requestedBy);
            ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the import", e);
        }
    }

    /** The transaction of import {@code id}, on a connection of its own. */
    public ImportTransaction transaction(long id) {
        return ImportTransaction.begin(dataSource, id);
    }

    /** Records how an import ended; a failure to record it is logged, not thrown (the import's own outcome stands). */
    public void finish(ImportReport report) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE fact_import SET status = ?, rows_total = ?, inserted = ?, superseded = ?, "
                     + "unchanged = ?, error_count = ?, errors = ?, finished_at = ? WHERE id = ?")) {
            ps.setString(1, report.status().name());
            ps.setLong(2, report.rowsRead());
            ps.setLong(3, report.inserted());
            ps.setLong(4, report.superseded());
            ps.setLong(5, report.unchanged());
            ps.setLong(6, report.errorCount());
            ps.setString(7, report.errors().isEmpty() ? null : Json.write(report.errors()));
            ps.setObject(8, OffsetDateTime.ofInstant(report.finishedAt(), ZoneOffset.UTC));
            ps.setLong(9, report.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.error("cannot record the end of import {}", report.id(), e);
        }
    }

    /** An import as recorded; {@code running}, when not null, is the count of rows read so far by a running import. */
    public Optional<ImportReport> find(long id, Long running) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT status, files, rows_total, inserted, superseded, unchanged, error_count, "
                     + "errors, started_at, finished_at FROM fact_import WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                String errorsJson = rs.getString("errors");
                List<RowError> errors = errorsJson == null ? List.of() : Arrays.asList(new ObjectMapper().readValue(errorsJson, RowError[].class));
                OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
                return Optional.of(new ImportReport(id, ImportReport.Status.valueOf(rs.getString("status")),
                        List.of(rs.getString("files").split(", ")), running != null ? running : rs.getLong("rows_total"),
                        rs.getLong("inserted"), rs.getLong("superseded"), rs.getLong("unchanged"), 0, rs.getLong("error_count"), errors,
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant()));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read import " + id, e);
        }
    }
}
