package vn.laurel.api.workbench.preview;

import jakarta.inject.Singleton;
import vn.laurel.api.limits.RequestLimits;
import vn.laurel.api.preview.Population;
import vn.laurel.api.preview.PreviewService;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.Duration;
import java.time.LocalDate;
import java.util.*;
import java.util.function.Supplier;

/**
 * The preview reports the page computed last, so that filtering a report or downloading it does not
 * evaluate the whole population again. A report is the same while the draft's files, the rules in
 * service, the unit, the subunits choice and the year are: those are the key (the draft's content
 * hash, not its number, so an edit of the draft is a new report). Few entries (8) for a few minutes:
 * a department's report holds its changes only, small, but the server keeps no old ones for long.
 */
@Singleton
public class PreviewReports {
    static final int ENTRIES = 8;
    static final Duration KEEP = Duration.ofMinutes(5);

    private final Population population;
    private final PreviewService preview;
    private final RequestLimits limits;
    private final Map<Key, Entry> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > ENTRIES;
        }
    };

    public PreviewReports(Population population, PreviewService preview, RequestLimits limits) {
        this.population = population;
        this.preview = preview;
        this.limits = limits;
    }

    /** What a report is of. */
    public record Key(String contentHash, String activeVersion, String unit, boolean subunits, int year) {}

    /** A report and whether it came from the cache (the page says so, with the time it took when computed). */
    public record Cached(PreviewService.Report report, boolean fromCache) {}

    private record Entry(PreviewService.Report report, long at) {}

    /**
     * The report of {@code key}, computed when not kept: the population of the unit checked against the
     * limit on subjects per query (422 problem naming "unit"), then evaluated as a population-wide
     * query (429 problem when too many run at once) — the same limits as POST /api/v1/ruleset/preview.
     */
    public Cached report(Key key, Supplier<RuleSet> proposed, LocalDate asOf) {
        long now = System.nanoTime();
        synchronized (cache) {
            Entry e = cache.get(key);
            if (e != null && now - e.at() < KEEP.toNanos()) return new Cached(e.report(), true);
            if (e != null) cache.remove(key);
        }
        RuleSet rules = proposed.get();
        List<Population.Target> targets = population.ofUnit(key.unit(), key.subunits(), key.year(), asOf, List.of());
        limits.checkSubjects("unit", targets.size());
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("unit", key.unit());
        described.put("includeSubunits", key.subunits());
        described.put("year", key.year());
        described.put("asOf", asOf);
        described.put("size", targets.size());
        PreviewService.Report report = limits.wide(() -> preview.preview(rules, targets, described));
        // Kept under the version the preview really compared with (a publication in between changes it).
        Key stored = new Key(key.contentHash(), report.activeVersion(), key.unit(), key.subunits(), key.year());
        synchronized (cache) {
            cache.put(stored, new Entry(report, System.nanoTime()));
        }
        return new Cached(report, false);
    }

    /** For tests: forget every report. */
    void clear() {
        synchronized (cache) {
            cache.clear();
        }
    }
}
