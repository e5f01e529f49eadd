package vn.laurel.engine.model;

public record RatingFact(Integer year, Rating rating, String id, String source) implements Fact {
    public String factType() { return "rating"; }
    public String summary() { return year + " " + rating; }
}
