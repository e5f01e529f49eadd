package vn.laurel.api.store;

import java.util.List;

/**
 * A kind of fact the store keeps: its table, its CSV file and columns, and how a row becomes one
 * of the engine's facts. The first column is always the subject (or, for cluster members, the
 * cluster) the fact belongs to.
 *
 * @param name   the kind as it appears in URLs and fact ids: ratings, titles…
 * @param prefix the fact-id prefix: {@code rating:812}
 */
public record FactKind(String name, String table, String file, String prefix, List<Column> columns) {
    public List<Column> keyColumns() { return columns.stream().filter(Column::key).toList(); }

    public List<Column> valueColumns() { return columns.stream().filter(c -> !c.key()).toList(); }

    public Column column(String db) {
        return columns.stream().filter(c -> c.db().equals(db)).findFirst().orElseThrow();
    }

    /** The column naming the subject the fact is about. */
    public String subjectColumn() { return "subject_id"; }
}
