package vn.laurel.api.clusters;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.api.csv.CsvReader;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

/**
 * The demo's cluster reviews (examples/demo/year/cluster-*.csv: scoring tables, settings, terms and a
 * year's scores), loaded after the demo department when the service starts, into clusters that have no
 * scoring table yet — so a restart, or a board's own table, is never overwritten. Each file goes through
 * the same checks as the API's writes.
 */
@Singleton
@Requires(property = "laurel.demo.enabled", value = "true")
public class DemoClusters implements ApplicationEventListener<ServerStartupEvent>, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(DemoClusters.class);
    private static final String BY = "demo";

    private final Path dir;
    private final ClusterReviewService service;
    private final ClusterStore store;

    public DemoClusters(@Value("${laurel.demo.dir}") String dir, ClusterReviewService service, ClusterStore store) {
        this.dir = Path.of(dir).resolve("year");
        this.service = service;
        this.store = store;
    }

    /** After the demo department's import (a startup listener too). */
    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!Files.isDirectory(dir)) return;
        try {
            Set<String> fresh = new HashSet<>();
            for (ClusterStore.Cluster c : store.clusters()) {
                if (store.table(c.code(), LocalDate.of(2100, 12, 31)).criteria().isEmpty()) fresh.add(c.code());
            }
            Map<String, List<ScoringTable.Criterion>> tables = new LinkedHashMap<>();
            Map<String, LocalDate> from = new HashMap<>();
            for (Map<String, String> r : rows("cluster-criteria.csv")) {
                String key = r.get("cluster") + "|" + r.get("valid_from");
                tables.computeIfAbsent(key, k -> new ArrayList<>()).add(new ScoringTable.Criterion(r.get("code"), r.get("name_vi"),
                        r.get("name_en"), new BigDecimal(r.get("max_points"))));
                from.put(key, LocalDate.parse(r.get("valid_from")));
            }
            tables.forEach((key, criteria) -> {
                String cluster = key.substring(0, key.indexOf('|'));
                if (fresh.contains(cluster)) service.saveTable(cluster, new ScoringTable(from.get(key), criteria), BY);
            });
            for (Map<String, String> r : rows("cluster-settings.csv")) {
                if (!fresh.contains(r.get("cluster"))) continue;
                service.saveSettings(r.get("cluster"), new ClusterSettings(LocalDate.parse(r.get("valid_from")), r.get("flag_award"),
                        Integer.parseInt(r.get("flag_quota")), r.get("merit_award"), Integer.parseInt(r.get("merit_count")), r.get("basis")), BY);
            }
            for (Map<String, String> r : rows("cluster-terms.csv")) {
                if (fresh.contains(r.get("cluster"))) {
                    service.saveTerm(r.get("cluster"), Integer.parseInt(r.get("year")), r.get("head"), r.get("deputy"), BY);
                }
            }
            Map<String, List<ScoreSheet.Row>> scores = new LinkedHashMap<>();
            long line = 1;
            for (Map<String, String> r : rows("cluster-scores.csv")) {
                line++;
                if (!fresh.contains(r.get("cluster"))) continue;
                scores.computeIfAbsent(r.get("cluster") + "|" + r.get("year"), k -> new ArrayList<>())
                        .add(new ScoreSheet.Row(line, r.get("unit"), r.get("criterion"), r.get("points")));
            }
            scores.forEach((key, list) -> {
                String[] k = key.split("\\|");
                service.saveScores(k[0], Integer.parseInt(k[1]), list, false, false, BY);
            });
            if (!fresh.isEmpty()) LOG.info("Demo cluster reviews loaded from {} for {}", dir.toAbsolutePath(), fresh);
        } catch (ReviewRefused e) {
            LOG.error("demo cluster reviews refused: {}", e.getMessage());
            throw e;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + dir, e);
        }
    }

    private List<Map<String, String>> rows(String file) throws IOException {
        Path p = dir.resolve(file);
        if (!Files.exists(p)) return List.of();
        List<Map<String, String>> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(p, StandardCharsets.UTF_8); CsvReader csv = new CsvReader(in)) {
            while (csv.hasNext()) {
                CsvReader.Row row = csv.next();
                Map<String, String> m = new HashMap<>();
                for (String h : csv.header()) m.put(h.strip(), row.get(h.strip()));
                out.add(m);
            }
        }
        return out;
    }
}
