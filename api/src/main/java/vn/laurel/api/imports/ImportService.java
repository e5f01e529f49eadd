package vn.laurel.api.imports;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.api.csv.CsvException;
import vn.laurel.api.csv.CsvReader;
import vn.laurel.api.csv.FieldTooLongException;
import vn.laurel.api.limits.ImportLimits;
import vn.laurel.api.store.*;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.ruleset.RuleSet;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.*;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bulk import of facts from CSV files (one per kind) and JSON case documents. All or nothing: every
 * file is read and every row checked, with all bad rows reported by file, row and field; only when
 * there are none is anything merged, in one transaction. Rows stream through staging tables, so a
 * file of any size is read in constant memory, and set-based merges supersede changed facts (the
 * old value is kept) and skip unchanged ones: importing the same files again changes nothing.
 */
@Singleton
public class ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    static final int MAX_ERRORS = 1000;

    private final DataSource dataSource;
    private final Map<Long, AtomicLong> progress = new ConcurrentHashMap<>();
    private final RuleSetHolder ruleSets;

    public ImportService(DataSource dataSource, RuleSetHolder ruleSets) {
        // An import manages its own transaction on a connection of its own.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.ruleSets = ruleSets;
    }

    /** Rows read so far by a running import, or null when it is not running. */
    public Long rowsRead(long importId) {
        AtomicLong n = progress.get(importId);
        return n == null ? null : n.get();
    }

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
                long id = keys.getLong(1);
                progress.put(id, new AtomicLong());
                return id;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the import", e);
        }
    }

    /** Runs a begun import of the operator's own files (command line, demo) to the end, without limits. */
    public ImportReport run(long id, List<ImportSource> sources, String requestedBy) {
        return run(id, sources, requestedBy, ImportLimits.NONE);
    }

    /**
     * Runs a begun import to the end. Throws {@link ImportFailedException} when rows were refused,
     * or when the files hold more rows, or a longer field, than the limits allow.
     */
    public ImportReport run(long id, List<ImportSource> sources, String requestedBy, ImportLimits limits) {
        Instant started = Now.instant();
        List<String> names = sources.stream().map(ImportSource::name).toList();
        AtomicLong read = progress.computeIfAbsent(id, k -> new AtomicLong());
        RowLimit rows = new RowLimit(read, limits.rows());
        RuleSet rules = ruleSets.current(); // codes are checked against the rules in service when the import starts
        List<RowError> errors = new ArrayList<>();
        long[] errorCount = {0};
        Map<FactKind, Long> staged = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try {
                    for (ImportSource source : order(sources, errors, errorCount)) stageFile(c, id, source, rules, staged, rows, limits, errors, errorCount);
                } catch (RowLimit.Reached e) {
                    add(errors, errorCount, e.error());
                }
                Counts counts = new Counts();
                if (errorCount[0] == 0) mergeAll(c, id, staged, requestedBy, started, counts, errors, errorCount);
                if (errorCount[0] > 0) {
                    c.rollback();
                    ImportReport failed = finish(id, ImportReport.Status.FAILED, names, read.get(), new Counts(), errorCount[0], errors, started);
                    throw new ImportFailedException(failed);
                }
                for (FactKind k : staged.keySet()) FactTables.clearStage(c, k, id);
                c.commit();
                refreshStatistics(c, staged);
                long unchanged = read.get() - counts.inserted - counts.superseded;
                counts.unchanged = Math.max(0, unchanged);
                return finish(id, ImportReport.Status.SUCCEEDED, names, read.get(), counts, 0, List.of(), started);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.error("import {} failed", id, e);
            finish(id, ImportReport.Status.FAILED, names, read.get(), new Counts(), 1,
                    List.of(new RowError("-", 0, "-", "the database refused the import: " + e.getMessage())), started);
            throw new IllegalStateException("import " + id + " failed in the database", e);
        } finally {
            progress.remove(id);
        }
    }

    /**
     * After a large import the query planner's statistics describe the tables as they were: reads by
     * subject then scan whole tables (measured: 140 instead of 1 700 subjects a second in a batch over
     * a million people). So the tables an import grew are analysed at once, outside its transaction.
     */
    private static void refreshStatistics(Connection c, Map<FactKind, Long> staged) {
        if (staged.values().stream().mapToLong(Long::longValue).sum() < 10_000) return;
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            for (FactKind k : staged.keySet()) {
                String table = k == EntityKinds.PEOPLE ? "subject" : k.table();
                s.execute(postgres ? "ANALYZE " + table : "ANALYZE TABLE " + table);
            }
        } catch (SQLException e) {
            LOG.warn("statistics not refreshed after the import; reads may be slow until the database does it: {}", e.getMessage());
        }
    }

    /** Entity files before fact files, in dependency order; unknown file names are errors. */
    private static List<ImportSource> order(List<ImportSource> sources, List<RowError> errors, long[] errorCount) {
        List<String> known = new ArrayList<>();
        EntityKinds.ALL.forEach(k -> known.add(k.file()));
        FactKinds.ALL.forEach(k -> known.add(k.file()));
        List<ImportSource> ordered = new ArrayList<>();
        for (ImportSource s : sources) {
            if (!known.contains(s.name()) && !s.name().endsWith(".json")) {
                add(errors, errorCount, new RowError(s.name(), 0, "-", "unknown file: expected one of " + known + " or *.json case documents"));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String name : known) {
            for (ImportSource s : sources) if (s.name().equals(name) && seen.add(name)) ordered.add(s);
        }
        sources.stream().filter(s -> s.name().endsWith(".json")).forEach(ordered::add);
        return ordered;
    }

    private void stageFile(Connection c, long id, ImportSource source, RuleSet rules, Map<FactKind, Long> staged, RowLimit read,
                           ImportLimits limits, List<RowError> errors, long[] errorCount) throws SQLException {
        if (source.name().endsWith(".json")) {
            CaseRows.stage(c, id, source, rules, staged, read, limits, errors, errorCount);
            return;
        }
        FactKind kind = EntityKinds.byFile(source.name()).or(() -> FactKinds.byFile(source.name())).orElse(null);
        if (kind == null) return;
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (CsvReader csv = new CsvReader(new InputStreamReader(source.open(), decoder), limits.fieldLength());
             FactTables.Stager stager = new FactTables.Stager(c, kind, id)) {
            if (!header(kind, source.name(), csv.header(), errors, errorCount)) return;
            int width = csv.header().size();
            while (csv.hasNext()) {
                CsvReader.Row row = csv.next();
                read.count(source.name(), row.line());
                if (row.values().size() != width) {
                    add(errors, errorCount, new RowError(source.name(), row.line(), "-",
                            "has " + row.values().size() + " fields; the header has " + width + " (a truncated or misquoted line?)"));
                    continue;
                }
                List<RowError> rowErrors = new ArrayList<>();
                Map<String, Object> values = RowParser.parse(kind, col -> row.get(col.csv()), source.name(), row.line(), rowErrors);
                if (rowErrors.isEmpty()) rowErrors.addAll(CodeColumns.check(rules, kind, values, source.name(), row.line()));
                if (rowErrors.isEmpty()) {
                    if (errorCount[0] == 0) stager.add(row.line(), values);
                } else {
                    rowErrors.forEach(e -> add(errors, errorCount, e));
                }
            }
            staged.merge(kind, stager.staged(), Long::sum);
        } catch (FieldTooLongException e) {
            add(errors, errorCount, new RowError(source.name(), e.getLine(), e.column(), e.getMessage().replaceFirst("^line \\d+: ", "")));
        } catch (CsvException e) {
            add(errors, errorCount, new RowError(source.name(), e.getLine(), "-", e.getMessage().replaceFirst("^line \\d+: ", "")));
        } catch (CharacterCodingException e) {
            add(errors, errorCount, new RowError(source.name(), 0, "-", "is not valid UTF-8: save the file as UTF-8"));
        } catch (IOException | java.io.UncheckedIOException e) {
            Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
            String reason = cause instanceof CharacterCodingException ? "is not valid UTF-8: save the file as UTF-8" : "cannot be read: " + cause.getMessage();
            add(errors, errorCount, new RowError(source.name(), 0, "-", reason));
        }
    }

    /** Every required column must be there, and no column the kind does not know (a misspelt header loses data). */
    private static boolean header(FactKind kind, String file, List<String> header, List<RowError> errors, long[] errorCount) {
        boolean ok = true;
        Set<String> names = new HashSet<>();
        header.forEach(h -> names.add(h.strip()));
        for (Column col : kind.columns()) {
            if (col.required() && !names.contains(col.csv())) {
                add(errors, errorCount, new RowError(file, 1, col.csv(), "the header has no column \"" + col.csv() + "\""));
                ok = false;
            }
        }
        List<String> known = kind.columns().stream().map(Column::csv).toList();
        for (String h : names) {
            if (!known.contains(h)) {
                add(errors, errorCount, new RowError(file, 1, h, "unknown column; expected " + known));
                ok = false;
            }
        }
        return ok;
    }

    static final class Counts {
        long inserted, superseded, unchanged, flagged;
    }

    private void mergeAll(Connection c, long id, Map<FactKind, Long> staged, String requestedBy, Instant started, Counts counts,
                          List<RowError> errors, long[] errorCount) throws SQLException {
        Instant now = Now.instant();
        for (FactKind kind : EntityKinds.ALL) {
            if (!staged.containsKey(kind)) continue;
            List<RowError> found = EntityTables.check(c, kind, id, kind.file(), MAX_ERRORS);
            found.forEach(e -> add(errors, errorCount, e));
            if (!found.isEmpty()) continue;
            FactTables.Merge m = EntityTables.merge(c, kind, id, now, "import " + id + ", " + kind.file() + " row ", requestedBy);
            counts.inserted += m.inserted();
            counts.superseded += m.superseded();
        }
        if (errorCount[0] > 0) return;
        for (FactKind kind : FactKinds.ALL) {
            if (!staged.containsKey(kind)) continue;
            FactTables.check(c, kind, id, kind.file(), MAX_ERRORS).forEach(e -> add(errors, errorCount, e));
        }
        if (errorCount[0] > 0) return;
        for (FactKind kind : FactKinds.ALL) {
            if (!staged.containsKey(kind)) continue;
            FactTables.Merge m = FactTables.merge(c, kind, id, now, "import " + id + ", " + kind.file() + " row ", requestedBy, id);
            counts.inserted += m.inserted();
            counts.superseded += m.superseded();
            if (m.superseded() > 0) counts.flagged += Flags.flagDecisionsOnSuperseded(c, kind, now);
        }
    }

    static void add(List<RowError> errors, long[] errorCount, RowError e) {
        errorCount[0]++;
        if (errors.size() < MAX_ERRORS) errors.add(e);
    }

    private ImportReport finish(long id, ImportReport.Status status, List<String> files, long rows, Counts counts, long errorCount,
                                List<RowError> errors, Instant started) {
        Instant finished = Now.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE fact_import SET status = ?, rows_total = ?, inserted = ?, superseded = ?, "
                     + "unchanged = ?, error_count = ?, errors = ?, finished_at = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setLong(2, rows);
            ps.setLong(3, counts.inserted);
            ps.setLong(4, counts.superseded);
            ps.setLong(5, counts.unchanged);
            ps.setLong(6, errorCount);
            ps.setString(7, errors.isEmpty() ? null : Json.write(errors));
            ps.setObject(8, OffsetDateTime.ofInstant(finished, ZoneOffset.UTC));
            ps.setLong(9, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.error("cannot record the end of import {}", id, e);
        }
        return new ImportReport(id, status, files, rows, counts.inserted, counts.superseded, counts.unchanged, counts.flagged,
                errorCount, List.copyOf(errors), started, finished);
    }

    /** An import as recorded, with its progress while it runs. */
    public Optional<ImportReport> find(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT status, files, rows_total, inserted, superseded, unchanged, error_count, "
                     + "errors, started_at, finished_at FROM fact_import WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Long running = rowsRead(id);
                String errorsJson = rs.getString("errors");
                List<RowError> errors = errorsJson == null ? List.of() : Arrays.asList(
                        new com.fasterxml.jackson.databind.ObjectMapper().readValue(errorsJson, RowError[].class));
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
