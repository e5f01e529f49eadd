package vn.laurel.engine.model;

/** An initiative or science work recognised for award purposes, by the year it was recognised. */
public record InitiativeFact(Integer year, InitiativeLevel level, InitiativeKind kind, Long benefitVnd,
                             String title, String id, String source) implements Fact {
    public InitiativeFact {
        if (kind == null) kind = InitiativeKind.INITIATIVE;
    }
    public String factType() { return "initiative"; }
    public String summary() { return year + " " + kind + " " + level; }
}
