package vn.laurel.engine.ruleset;

/**
 * How strictly a rule set is read. Every rule set written or changed today is read {@link #STRICT}ly;
 * a version already stored (the one in service at start, a replay, the preview of an older revision)
 * is read {@link #LENIENT}ly, so that what was published before a rule of form was introduced still
 * loads and answers as it did. The allow-list of what rule code may reach ({@link DrlShape},
 * {@link CompiledCodeCheck}) and every check of content apply in both.
 */
public enum LoadMode {
    /**
     * For every authoring path (./laurel check, draft save, propose and publish, rules push, the seed of
     * an empty database): rule files only under awards/ ({@code folder:} in regimes.yaml refused), and a
     * rule's action one {@code $e.record(…)} and nothing else (see ActionShape).
     */
    STRICT,
    /** For versions already stored: also the former layout (a folder per regime, common/) and any action the allow-list admits. */
    LENIENT
}
