package vn.laurel.api.export;

import vn.laurel.api.i18n.Messages;
import jakarta.inject.Singleton;
import vn.laurel.api.batch.BatchStore;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.rules.RuleSetHolder;

import java.util.*;

/**
 * A batch's outcomes as rows to read: the subject's name and unit beside its code, the award's name,
 * the outcome in words; the same cells on the batch's page and in its CSV and XLSX files.
 */
@Singleton
public class BatchOutcomeRows {
    /** Outcomes read from the store at once while a file is written. */
    static final int CHUNK = 1000;
    /** The most rows one export holds (as the candidates' lists): the file is built in memory. */
    public static final int MAX_EXPORT_ROWS = 100_000;
    private final BatchStore store;
    private final UnitDirectory directory;
    private final RuleSetHolder rules;
    private final Messages messages;

    public BatchOutcomeRows(BatchStore store, UnitDirectory directory, RuleSetHolder rules, Messages messages) {
        this.store = store;
        this.directory = directory;
        this.rules = rules;
        this.messages = messages;
    }

    /** One outcome: who, where, which award, what came out, the quota's rank, the decision kept (if saved). */
    public record Row(String subjectId, String name, String unit, String unitName, String award, String awardName, String outcome,
                      String outcomeText, Integer rank, Long decisionId) {
        public List<Object> cells() {
            return Arrays.asList(subjectId, name, unitName, awardName, outcomeText, rank, decisionId);
        }
    }

    /** A page of the outcomes (award and outcome null: all), as rows in the language. */
    public List<Row> page(long batch, String award, String outcome, int offset, int limit, Map<String, String> unitNames, String lang) {
        return rows(store.outcomes(batch, award, outcome, offset, limit), unitNames, lang);
    }

    /** Every outcome matching the filter, read through once, named a chunk at a time. */
    public List<Row> all(long batch, String award, String outcome, Map<String, String> unitNames, String lang) {
        List<Row> out = new ArrayList<>();
        List<Map<String, Object>> chunk = new ArrayList<>(CHUNK);
        store.forEachOutcome(batch, award, outcome, r -> {
            chunk.add(r);
            if (chunk.size() == CHUNK) {
                out.addAll(rows(chunk, unitNames, lang));
                chunk.clear();
            }
            return true;
        });
        out.addAll(rows(chunk, unitNames, lang));
        return out;
    }

    public List<String> header(String lang) {
        return List.of(text(lang, "batches.col.id"), text(lang, "batches.col.name"), text(lang, "batches.col.unit"),
                text(lang, "batches.col.award"), text(lang, "batches.col.outcome"), text(lang, "batches.col.rank"),
                text(lang, "batches.col.decision"));
    }

    public Table table(List<String> title, List<Row> rows, String lang) {
        List<List<Object>> cells = new ArrayList<>(rows.size());
        rows.forEach(r -> cells.add(r.cells()));
        return new Table(text(lang, "batches.file.sheet"), title, header(lang), cells);
    }

    public String awardName(String code, String lang) {
        return rules.current().award(code).map(a -> a.name().in(lang)).orElse(code);
    }

    private List<Row> rows(List<Map<String, Object>> stored, Map<String, String> unitNames, String lang) {
        Map<String, String> names = directory.names(stored.stream().map(r -> (String) r.get("subject_id")).toList());
        Map<String, String> awardNames = new HashMap<>();
        List<Row> out = new ArrayList<>(stored.size());
        for (Map<String, Object> r : stored) {
            String id = (String) r.get("subject_id");
            String unit = (String) r.get("unit_code");
            String award = (String) r.get("award");
            String outcome = (String) r.get("outcome");
            out.add(new Row(id, names.getOrDefault(id, ""), unit, unit == null ? "" : unitNames.getOrDefault(unit, unit), award,
                    awardNames.computeIfAbsent(award, a -> awardName(a, lang)), outcome, messages.text(lang, "outcome." + outcome),
                    r.get("quota_rank") == null ? null : ((Number) r.get("quota_rank")).intValue(),
                    r.get("decision_id") == null ? null : ((Number) r.get("decision_id")).longValue()));
        }
        return out;
    }

    private String text(String lang, String key) {
        return messages.text(lang, key);
    }
}
