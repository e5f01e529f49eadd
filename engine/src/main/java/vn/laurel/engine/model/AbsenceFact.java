package vn.laurel.engine.model;

/** Working days absent in a year that do not count as worked (maternity leave is not among them). */
public record AbsenceFact(Integer year, Integer days, String id, String source) implements Fact {
    public String factType() { return "absence"; }
    public String summary() { return year + " " + days + " days"; }
}
