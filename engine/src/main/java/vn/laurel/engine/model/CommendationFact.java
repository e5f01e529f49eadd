package vn.laurel.engine.model;

import java.time.LocalDate;

public record CommendationFact(Integer year, String code, CommendationKind kind, String decisionNo,
                               LocalDate decidedOn, Boolean revoked, String id, String source) implements Fact {
    public CommendationFact {
        if (kind == null) kind = CommendationKind.MERIT;
    }
    public boolean isValid() { return !Boolean.TRUE.equals(revoked); }
    public String summary() { return year + " " + code + " " + kind; }
    public String factType() { return "commendation"; }
}
