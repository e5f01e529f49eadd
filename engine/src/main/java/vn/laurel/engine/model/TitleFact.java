package vn.laurel.engine.model;

import java.time.LocalDate;

/** An emulation title already conferred, by achievement year. A revoked title counts for nothing. */
public record TitleFact(Integer year, String code, String decisionNo, LocalDate decidedOn, Boolean revoked,
                        String id, String source) implements Fact {
    public boolean isValid() { return !Boolean.TRUE.equals(revoked); }
    public String factType() { return "title"; }
    public String summary() { return year + " " + code + (isValid() ? "" : " (revoked)"); }
}
