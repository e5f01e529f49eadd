package vn.laurel.engine.model;

/**
 * A household's (or a person's) contribution of work, land or assets in a year, with its value where known.
 *
 * @param valueVnd    the value in đồng; null when not valued (work days given, say)
 * @param description what was given, in the recording body's words
 */
public record ContributionFact(Integer year, ContributionKind kind, Long valueVnd, String description,
                               String id, String source) implements Fact {
    public String factType() { return "contribution"; }
    public String summary() { return year + " " + kind + (valueVnd == null ? "" : " " + valueVnd + " VND"); }
}
