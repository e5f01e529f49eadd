package vn.laurel.api.imports;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.api.csv.CsvException;
import vn.laurel.api.csv.CsvReader;
import vn.laurel.api.csv.FieldTooLongException;
import vn.laurel.api.limits.ImportLimits;
import vn.laurel.api.metrics.LaurelMetrics;
import vn.laurel.api.store.*;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.engine.ruleset.RuleSet;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

    private final ImportStore store;
    private final Map<Long, AtomicLong> progress = new ConcurrentHashMap<>();
    private final RuleSetHolder ruleSets;
    private final LaurelMetrics metrics;

    public ImportService(ImportStore store, RuleSetHolder ruleSets, LaurelMetrics metrics) {
        this.store = store;
        this.ruleSets = ruleSets;
        this.metrics = metrics;
    }

    /** Rows read so far by a running import, or null when it is not running. */
    public Long rowsRead(long importId) {
        AtomicLong n = progress.get(importId);
        return n == null ? null : n.get();
    }

    public long begin(List<String> files, String requestedBy) {
        long id = store.begin(files, requestedBy);
        progress.put(id, new AtomicLong());
        return id;
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
        try (ImportTransaction tx = store.transaction(id)) {
            try {
                try {
                    for (ImportSource source : order(sources, errors, errorCount)) stageFile(tx, source, rules, staged, rows, limits, errors, errorCount);
                } catch (RowLimit.Reached e) {
                    add(errors, errorCount, e.error());
                }
                Counts counts = new Counts();
                if (errorCount[0] == 0) mergeAll(tx, id, staged, rules, requestedBy, counts, errors, errorCount);
                if (errorCount[0] > 0) {
                    tx.rollback();
                    ImportReport failed = finish(id, ImportReport.Status.FAILED, names, read.get(), new Counts(), errorCount[0], errors, started);
                    throw new ImportFailedException(failed);
                }
                for (FactKind k : staged.keySet()) tx.clearStage(k);
                tx.commit();
                tx.refreshStatistics(staged);
                long unchanged = read.get() - counts.inserted - counts.superseded;
                counts.unchanged = Math.max(0, unchanged);
                return finish(id, ImportReport.Status.SUCCEEDED, names, read.get(), counts, 0, List.of(), started);
            } catch (RuntimeException e) {
                tx.rollback();
                throw e;
            }
        } catch (StoreException e) {
            LOG.error("import {} failed", id, e.getCause());
            finish(id, ImportReport.Status.FAILED, names, read.get(), new Counts(), 1,
                    List.of(new RowError("-", 0, "-", "the database refused the import: " + e.getMessage())), started);
            throw new IllegalStateException("import " + id + " failed in the database", e.getCause());
        } finally {
            progress.remove(id);
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

    private void stageFile(ImportTransaction tx, ImportSource source, RuleSet rules, Map<FactKind, Long> staged, RowLimit read,
                           ImportLimits limits, List<RowError> errors, long[] errorCount) {
        if (source.name().endsWith(".json")) {
            CaseRows.stage(tx, source, rules, staged, read, limits, errors, errorCount);
            return;
        }
        FactKind kind = EntityKinds.byFile(source.name()).or(() -> FactKinds.byFile(source.name())).orElse(null);
        if (kind == null) return;
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (CsvReader csv = new CsvReader(new InputStreamReader(source.open(), decoder), limits.fieldLength());
             ImportTransaction.Stager stager = tx.stager(kind)) {
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

    private void mergeAll(ImportTransaction tx, long id, Map<FactKind, Long> staged, RuleSet rules, String requestedBy, Counts counts,
                          List<RowError> errors, long[] errorCount) {
        Instant now = Now.instant();
        for (FactKind kind : EntityKinds.ALL) {
            if (!staged.containsKey(kind)) continue;
            List<RowError> found = tx.check(kind, kind.file(), MAX_ERRORS);
            found.forEach(e -> add(errors, errorCount, e));
            if (!found.isEmpty()) continue;
            FactTables.Merge m = tx.merge(kind, now, "import " + id + ", " + kind.file() + " row ", requestedBy);
            counts.inserted += m.inserted();
            counts.superseded += m.superseded();
        }
        if (errorCount[0] > 0) return;
        for (FactKind kind : FactKinds.ALL) {
            if (!staged.containsKey(kind)) continue;
            tx.check(kind, kind.file(), MAX_ERRORS).forEach(e -> add(errors, errorCount, e));
            tx.checkOfKinds(kind, rules, kind.file(), MAX_ERRORS).forEach(e -> add(errors, errorCount, e));
        }
        if (errorCount[0] > 0) return;
        long memberships = 0;
        for (FactKind kind : FactKinds.ALL) {
            if (!staged.containsKey(kind)) continue;
            FactTables.Merge m = tx.merge(kind, now, "import " + id + ", " + kind.file() + " row ", requestedBy);
            counts.inserted += m.inserted();
            counts.superseded += m.superseded();
            if (kind == FactKinds.MEMBERSHIPS) memberships += m.superseded(); // flagged below, with those the unit events supersede
            else if (m.superseded() > 0) counts.flagged += tx.flagDecisionsOnSuperseded(kind, now);
        }
        // Once for every membership superseded at this moment, by memberships.csv or by a merger or dissolution.
        memberships += tx.membershipsSupersededByEvents();
        if (memberships > 0) counts.flagged += tx.flagDecisionsOnSuperseded(FactKinds.MEMBERSHIPS, now);
    }

    static void add(List<RowError> errors, long[] errorCount, RowError e) {
        errorCount[0]++;
        if (errors.size() < MAX_ERRORS) errors.add(e);
    }

    private ImportReport finish(long id, ImportReport.Status status, List<String> files, long rows, Counts counts, long errorCount,
                                List<RowError> errors, Instant started) {
        ImportReport report = new ImportReport(id, status, files, rows, counts.inserted, counts.superseded, counts.unchanged, counts.flagged,
                errorCount, List.copyOf(errors), started, Now.instant());
        store.finish(report);
        metrics.imported(status.name(), rows);
        return report;
    }

    /** An import as recorded, with its progress while it runs. */
    public Optional<ImportReport> find(long id) {
        return store.find(id, rowsRead(id));
    }
}
